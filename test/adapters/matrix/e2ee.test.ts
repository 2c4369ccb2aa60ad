import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ANNA, BEN, BOT, CARLA } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";
import { E2eeMember } from "../../support/matrix-member";
import type { FakeHomeserver } from "../../support/matrix-homeserver";

const START = "2026-11-30T09:00:00+01:00";
const EARLIER = new Date(START).getTime() - 3_600_000;
const PASSPHRASE = "correct horse battery staple";

/** The community room, encrypted, with Anna, Ben and Carla. */
function encryptedCommunity(hs: FakeHomeserver): Record<string, string> {
  const community = hs.createRoom({
    creator: ANNA,
    members: [BEN, CARLA],
    botJoined: true,
    name: "fragen",
    encrypted: true,
    ts: EARLIER,
  });
  hs.store.aliases.set("#fragen:example.org", community);
  // The homeserver encrypts every new room, DMs included, as BundesMessenger does.
  hs.encryptNewRooms = true;
  return { community };
}

describe("Matrix end-to-end encryption", () => {
  let dir: string;
  let m: MatrixApp & { rooms: Record<string, string> };
  const members: E2eeMember[] = [];

  async function start(hs?: FakeHomeserver): Promise<void> {
    m = await startMatrixApp({
      start: START,
      dataDir: dir,
      ...(hs ? { hs } : {}),
      env: {
        MATRIX_CRYPTO_PASSPHRASE: PASSPHRASE,
        COPBOT_ADMINS: `matrix:${ANNA}`,
        MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org",
      },
      prepare: (h) => (hs ? m.rooms : encryptedCommunity(h)),
    });
  }

  async function member(user: string): Promise<E2eeMember> {
    const created = await E2eeMember.create(m.hs, user);
    members.push(created);
    return created;
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copbot-e2ee-"));
    await start();
  });

  afterEach(async () => {
    await m.stop();
    for (const each of members.splice(0)) each.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const dmOf = (user: string): string =>
    (m.hs.store.accountData.get("m.direct") as Record<string, string[]> | undefined)?.[user]?.[0] ?? "";

  it("answers an encrypted question in its thread with the expert's pill, and every member can read it", async () => {
    const [anna, ben, carla] = [await member(ANNA), await member(BEN), await member(CARLA)];
    const room = m.rooms.community ?? "";
    // An encrypted command gets an encrypted answer (in Anna's DM, which the server encrypted too).
    const command = await anna.say(room, "!cop qa channel add");
    await m.settle();
    expect((await anna.readFromBot(dmOf(ANNA)))[0]?.content).toMatchObject({ msgtype: "m.text" });
    expect((await anna.readFromBot(room)).map((e) => e.content)).toEqual([
      { "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" } },
    ]);
    await ben.say(room, "!cop expert add Dienstreise");
    await m.settle();
    const [confirmation] = await ben.readFromBot(dmOf(BEN));
    expect(confirmation?.content).toMatchObject({
      msgtype: "m.text",
      body: expect.stringContaining("Dienstreise"),
    });

    const question = await carla.say(room, "Wie rechne ich eine Dienstreise nach Berlin ab?");
    await m.settle();
    const inRoom = await carla.readFromBot(room);
    const ping = inRoom.find((e) => JSON.stringify(e.content["m.mentions"] ?? {}).includes(BEN));
    expect(ping?.content).toMatchObject({
      "m.mentions": { user_ids: [BEN] },
      "m.relates_to": { rel_type: "m.thread", event_id: question },
      formatted_body: expect.stringContaining('<a href="https://matrix.to/#/@ben:example.org">'),
    });
    expect(await ben.readFromBot(room)).toHaveLength(inRoom.length);
    expect(m.hs.sent({ roomId: room }).every((s) => s.type === "m.room.encrypted")).toBe(true);
    expect(BOT).toBe("@copbot:example.org");
  });
});
