import { VirtualClock } from "../../../src/core/clock";
import { loadConfig } from "../../../src/app";
import { ConfigError } from "../../../src/core/errors";
import {
  ANNA,
  BOT,
  fragenRoom,
  settle,
  startRecordingRig,
  type RecordingRig,
} from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");
const EVE = "@eve:evil.example";
const PAUL = "@paul:partner.example";

/**
 * MATRIX_ALLOWED_SERVERS (issue 17): with the list set, copbot ignores every event whose
 * sender's homeserver is not on it (federation lets anyone write into a public room) and
 * declines invites from there; the real adapter against the stand-in homeserver.
 */
describe("Matrix server allowlist", () => {
  let rig: RecordingRig;
  let room: string;
  beforeEach(async () => {
    rig = await startRecordingRig({
      clock: new VirtualClock(START),
      config: { allowedServers: ["example.org", "Partner.Example"] },
      prepare: (hs) => {
        room = fragenRoom(hs, START.getTime() - 60_000, [EVE, PAUL]);
      },
    });
  });
  afterEach(() => rig.stop());

  it("ignores messages, commands and reactions from other servers, and hears the allowed ones", async () => {
    const eve = rig.hs.send(room, EVE, "m.room.message", { msgtype: "m.text", body: "!cop help @room" });
    rig.hs.send(room, EVE, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: eve, key: "✅" },
    });
    const anna = rig.hs.send(room, ANNA, "m.room.message", { msgtype: "m.text", body: "Wer kennt XDOMEA?" });
    const paul = rig.hs.send(room, PAUL, "m.room.message", { msgtype: "m.text", body: "Ich!" });
    await settle(rig);
    expect(rig.events.map((e) => e.id)).toEqual([`matrix:${anna}`, `matrix:${paul}`]);
    expect(rig.hs.sent({ roomId: room })).toEqual([]);
  });

  it("declines an invite from another server even without MATRIX_AUTOJOIN", async () => {
    const invited = rig.hs.createRoom({ creator: EVE, name: "Eve" });
    rig.hs.membership(invited, EVE, BOT, "invite");
    await settle(rig);
    await settle(rig);
    expect(rig.hs.mustRoom(invited).membership(BOT)).toBe("leave");
  });

  it("reads the list from MATRIX_ALLOWED_SERVERS and refuses what is no server name", () => {
    const env = { MATRIX_HOMESERVER_URL: "https://m.example.org", MATRIX_ACCESS_TOKEN: "t" };
    expect(
      loadConfig({ ...env, MATRIX_ALLOWED_SERVERS: "example.org, partner.example:8448" }).matrix,
    ).toMatchObject({
      allowedServers: ["example.org", "partner.example:8448"],
    });
    expect(loadConfig(env).matrix?.allowedServers).toBeUndefined();
    expect(() => loadConfig({ ...env, MATRIX_ALLOWED_SERVERS: "@eve:evil.example" })).toThrow(ConfigError);
  });
});
