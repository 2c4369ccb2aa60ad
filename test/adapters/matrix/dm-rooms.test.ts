import { VirtualClock } from "../../../src/core/clock";
import { textMessage } from "../../../src/core/message";
import { ANNA, BOT, settle, startRecordingRig, type RecordingRig } from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");

describe("Matrix adapter: which DM room private answers go to", () => {
  let rig: RecordingRig;
  beforeEach(async () => {
    rig = await startRecordingRig({ clock: new VirtualClock(START) });
  });
  afterEach(() => rig.stop());

  it("answers in the new DM someone opened with copbot, not in an older one", async () => {
    const dm = { kind: "dm", userId: `matrix:${ANNA}` } as const;
    const older = (await rig.adapter.port.post(dm, textMessage("Willkommen"))).channelId;

    // Anna opens a DM of her own with copbot and writes there.
    const newer = rig.hs.createRoom({ creator: ANNA });
    rig.hs.membership(newer, ANNA, BOT, "invite", { is_direct: true });
    await settle(rig);
    rig.hs.send(newer, ANNA, "m.room.message", { msgtype: "m.text", body: "!cop help" });
    await settle(rig);
    expect(rig.events.at(-1)).toMatchObject({ kind: "command", isDm: true, channelId: `matrix:${newer}` });

    const answer = await rig.adapter.port.post(dm, textMessage("Hilfe"));
    expect(answer.channelId).toBe(`matrix:${newer}`);
    expect(answer.channelId).not.toBe(older);
    expect((rig.hs.store.accountData.get("m.direct") as Record<string, string[]>)[ANNA]?.[0]).toBe(newer);
  });
});
