import { ANNA, BEN, CARLA, communityAndSpace } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";

const START = "2026-11-30T09:00:00+01:00";

describe("Matrix: events copbot sends per answer (Synapse rate-limits each one)", () => {
  let m: MatrixApp & { rooms: Record<string, string> };
  beforeEach(async () => {
    m = await startMatrixApp({
      start: START,
      env: { COPBOT_ADMINS: `matrix:${ANNA}`, MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org" },
      prepare: (hs) =>
        communityAndSpace(hs, { community: "fragen", space: "CoP" }, new Date(START).getTime() - 3_600_000),
    });
  });
  afterEach(() => m.stop());

  /** What copbot sends while `sender` says `body` in the community room. */
  const cost = async (sender: string, body: string): Promise<{ roomId: string; type: string }[]> => {
    const mark = m.hs.sent().length;
    m.hs.send(m.rooms.community ?? "", sender, "m.room.message", { msgtype: "m.text", body });
    await m.settle();
    return m.hs
      .sent()
      .slice(mark)
      .map((s) => ({ roomId: s.roomId === m.rooms.community ? "room" : "dm", type: s.type }));
  };

  it("answers a question with one event, and a command with its DM (plus 📬 the first time only)", async () => {
    expect(await cost(ANNA, "!cop qa channel add")).toEqual([
      { roomId: "dm", type: "m.room.message" },
      { roomId: "room", type: "m.reaction" },
    ]);
    expect(await cost(ANNA, "!cop help")).toEqual([{ roomId: "dm", type: "m.room.message" }]);
    expect(await cost(BEN, "!cop help")).toEqual([
      { roomId: "dm", type: "m.room.message" },
      { roomId: "room", type: "m.reaction" },
    ]);
    // The reply names its choices (1️⃣ solved, 2️⃣ more) instead of reacting with them itself.
    const answered = await cost(CARLA, "Wie rechne ich eine Dienstreise nach Berlin ab?");
    expect(answered).toEqual([{ roomId: "room", type: "m.room.message" }]);
    const reply = m.hs.sent().at(-1);
    expect(String(reply?.body.body)).toMatch(/Reagiere mit 1️⃣ .* · 2️⃣ /);
  });
});
