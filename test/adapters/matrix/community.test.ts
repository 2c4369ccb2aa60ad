import { ANNA, BEN, communityAndSpace } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";

const START = "2026-11-30T09:00:00+01:00";
const EARLIER = new Date(START).getTime() - 3_600_000;

type Sent = { roomId: string; type: string; body: Record<string, unknown> };

/**
 * Introductions and the report through the real Matrix adapter and the stand-in homeserver:
 * a private room for the pair, the follow-up in each DM answered by reaction, files uploaded.
 */
describe("community features on Matrix", () => {
  let m: MatrixApp & { rooms: Record<string, string> };
  let fragen: string;

  beforeAll(async () => {
    m = await startMatrixApp({
      start: START,
      env: { COPBOT_ADMINS: `matrix:${ANNA}`, MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org" },
      prepare: (hs) => communityAndSpace(hs, { community: "fragen", space: "CoP" }, EARLIER),
    });
    fragen = m.rooms.community ?? "";
  });
  afterAll(() => m.stop());

  const dmOf = (user: string): string =>
    (m.hs.store.accountData.get("m.direct") as Record<string, string[]> | undefined)?.[user]?.[0] ?? "";
  const eventOf = (sent: Sent | undefined): string =>
    m.hs.mustRoom(sent?.roomId ?? "").timeline.find((p) => p.event.content === sent?.body)?.event.event_id ??
    "";
  const say = async (sender: string, body: string): Promise<void> => {
    m.hs.send(fragen, sender, "m.room.message", { msgtype: "m.text", body });
    await m.settle();
  };
  const messagesIn = (roomId: string, from = 0): string[] =>
    m.hs
      .sent({ roomId, type: "m.room.message" })
      .slice(from)
      .map((s) => String(s.body.body));

  it("introduces a pair in a new private room and asks each in their DM a week later", async () => {
    await say(ANNA, '!cop profile org "Stadt Musterhausen"');
    await say(ANNA, "!cop intros join E-Akte");
    await say(BEN, '!cop profile org "Land Brandenburg"');
    await say(BEN, "!cop intros join E-Akte");
    expect(messagesIn(dmOf(BEN)).at(-1)).toContain("Du bist dabei!");

    await m.advance(new Date("2026-12-14T09:00:00+01:00"));
    const create = m.hs.requests.filter((r) => r.path.endsWith("/createRoom")).at(-1)?.body as
      Record<string, unknown> | undefined;
    expect((create?.invite as string[]).sort()).toEqual([ANNA, BEN]);
    const pairRoom = m.hs
      .sent({ type: "m.room.message" })
      .find((s) => String(s.body.body).includes("Darf ich vorstellen?"))?.roomId;
    expect(pairRoom).toBeDefined();
    expect([fragen, dmOf(ANNA), dmOf(BEN)]).not.toContain(pairRoom);
    expect(messagesIn(pairRoom ?? "").join("\n")).toContain("Gesprächsanstoß:");

    await m.advance(new Date("2026-12-21T09:00:00+01:00"));
    const ask = m.hs.sent({ roomId: dmOf(ANNA) }).find((s) => JSON.stringify(s.body).includes("intros.met"));
    expect(String(ask?.body.body)).toContain("Habt ihr euch getroffen?");
    expect(m.hs.sent({ roomId: dmOf(BEN) }).some((s) => JSON.stringify(s.body).includes("intros.met"))).toBe(
      true,
    );
    const before = messagesIn(dmOf(ANNA)).length;
    m.hs.send(dmOf(ANNA), ANNA, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: eventOf(ask), key: "1️⃣" },
    });
    await m.settle();
    expect(messagesIn(dmOf(ANNA), before)).toEqual([expect.stringContaining("Schön, danke")]);
  });

  it("uploads the report's chart as an image and its table as a file to the moderator's DM", async () => {
    const before = m.hs.sent({ roomId: dmOf(ANNA), type: "m.room.message" }).length;
    await say(ANNA, "!cop report quarter");
    const uploads = m.hs.requests.filter((r) => r.path === "/_matrix/media/v3/upload");
    expect(uploads.map((u) => u.query.get("filename"))).toEqual([
      "copbot-bericht-2026-Q4.png",
      "copbot-bericht-2026-Q4.csv",
    ]);
    const sent = m.hs.sent({ roomId: dmOf(ANNA), type: "m.room.message" }).slice(before);
    expect(sent.map((s) => [s.body.msgtype, s.body.body])).toEqual([
      ["m.notice", expect.stringContaining("Community-Bericht 2026-Q4")],
      ["m.image", "copbot-bericht-2026-Q4.png"],
      ["m.file", "copbot-bericht-2026-Q4.csv"],
    ]);
  });
});
