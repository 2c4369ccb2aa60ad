import { VirtualClock } from "../../../src/core/clock";
import { PlatformError } from "../../../src/core/errors";
import { textMessage } from "../../../src/core/message";
import { fragenRoom, startRecordingRig, type RecordingRig } from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Matrix adapter: timeouts and the connection state", () => {
  let rig: RecordingRig;
  let room: string;
  beforeEach(async () => {
    rig = await startRecordingRig({
      clock: new VirtualClock(START),
      timeoutMs: 1_500,
      syncTimeoutMs: 200,
      prepare: (hs) => {
        room = fragenRoom(hs, START.getTime() - 60_000);
      },
    });
  });
  afterEach(() => rig.stop());

  it("gives up a send the homeserver never answers, as a failure to retry", async () => {
    rig.hs.hangAfter = (req) => req.method === "PUT" && req.path.includes("/send/");
    const started = Date.now();
    const send = rig.adapter.port.post({ kind: "channel", channelId: `matrix:${room}` }, textMessage("x"), {
      id: "d-1",
      inDoubt: false,
      since: new Date(),
    });
    await expect(send).rejects.toBeInstanceOf(PlatformError);
    await expect(send).rejects.toMatchObject({ retryable: true });
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("reports connected while syncs succeed and disconnected when the homeserver is gone", async () => {
    await until(() => rig.adapter.port.connection().state === "connected");
    await rig.hs.close();
    await until(() => rig.adapter.port.connection().state === "disconnected", 15_000);
    expect(rig.adapter.port.connection().detail).toMatch(/ECONNREFUSED|socket hang up|ECONNRESET/);
  });
});
