import { VirtualClock } from "../../../src/core/clock";
import { textMessage } from "../../../src/core/message";
import { ANNA, fragenRoom, settle, startRecordingRig, type MatrixRig } from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");

describe("Matrix adapter, DMs on a homeserver that misbehaves", () => {
  let rig: MatrixRig;
  let room: string;

  beforeEach(async () => {
    rig = await startRecordingRig({
      clock: new VirtualClock(START),
      prepare: (hs) => {
        room = fragenRoom(hs, START.getTime() - 60_000, []);
      },
    });
  });

  afterEach(async () => {
    await rig.stop();
  });

  const creates = (): unknown[] =>
    rig.hs.requests.filter((r) => r.path.endsWith("/createRoom")).map((r) => r.body);

  it("keeps a new DM when recording it in m.direct fails, so the retry opens no second room", async () => {
    rig.hs.failNext((r) => r.method === "PUT" && r.path.endsWith("/account_data/m.direct"), 500, {
      errcode: "M_UNKNOWN",
      error: "database unavailable",
    });
    const dm = { kind: "dm", userId: `matrix:${ANNA}` } as const;
    await expect(rig.adapter.port.post(dm, textMessage("Hallo"))).rejects.toMatchObject({ retryable: true });
    const ref = await rig.adapter.port.post(dm, textMessage("Hallo"));
    expect(creates()).toHaveLength(1);
    const dmRoom = ref.channelId.replace(/^matrix:/, "");
    expect(rig.hs.store.accountData.get("m.direct")).toEqual({ [ANNA]: [dmRoom] });
    expect(rig.hs.sent({ roomId: dmRoom }).map((s) => s.body.body)).toEqual(["Hallo"]);
  });

  it("falls back to a notice in the room when the server encrypts every new DM, and stops creating DMs", async () => {
    rig.hs.encryptNewRooms = true;
    const dm = rig.adapter.port.post({ kind: "dm", userId: `matrix:${ANNA}` }, textMessage("Hallo"));
    await expect(dm).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining("encryption_enabled_by_default_for_room_type"),
    });
    const command = rig.hs.send(room, ANNA, "m.room.message", { msgtype: "m.text", body: "!cop help" });
    await settle(rig);
    await rig.adapter.port.post(
      {
        kind: "ephemeral",
        channelId: `matrix:${room}`,
        userId: `matrix:${ANNA}`,
        threadId: command,
        replyToken: command,
      },
      textMessage("Hilfe"),
    );
    expect(creates()).toHaveLength(1);
    expect(rig.hs.sent({ roomId: room }).map((s) => s.body)).toEqual([
      expect.objectContaining({
        msgtype: "m.notice",
        body: "Hilfe",
        "m.mentions": {},
        "m.relates_to": expect.objectContaining({ rel_type: "m.thread", event_id: command }),
      }),
    ]);
  });
});
