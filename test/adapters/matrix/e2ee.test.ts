import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ANNA, BEN, BOT, CARLA } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";
import { E2eeMember } from "../../support/matrix-member";
import { FakeHomeserver } from "../../support/matrix-homeserver";

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

  let hs: FakeHomeserver;
  let rooms: Record<string, string> | undefined;

  /** Starts copbot; a second start is a restart on the same data folder and homeserver. */
  async function start(env: Record<string, string> = {}): Promise<void> {
    m = await startMatrixApp({
      start: START,
      dataDir: dir,
      hs,
      env: {
        MATRIX_CRYPTO_PASSPHRASE: PASSPHRASE,
        COPBOT_ADMINS: `matrix:${ANNA}`,
        MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org",
        ...env,
      },
      prepare: (h) => (rooms ??= encryptedCommunity(h)),
    });
  }

  async function member(user: string): Promise<E2eeMember> {
    const created = await E2eeMember.create(m.hs, user);
    members.push(created);
    return created;
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copbot-e2ee-"));
    hs = await FakeHomeserver.start({ botUserId: BOT });
    rooms = undefined;
    await start();
  });

  afterEach(async () => {
    await m.stop();
    await hs.close();
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
  });

  it("keeps its device and keys across a restart: it reads new messages, and its answers stay readable", async () => {
    const anna = await member(ANNA);
    const room = m.rooms.community ?? "";
    await anna.say(room, "!cop qa channel add");
    await m.settle();
    const before = m.hs.keys.query({ device_keys: { [BOT]: [] } });
    await m.stop();
    const sealed = fs.readFileSync(path.join(dir, "matrix", "crypto.store"));
    const identity = JSON.stringify(before).match(/"ed25519:COPBOT":"([^"]+)"/)?.[1] ?? "missing";
    expect(sealed.includes(Buffer.from(identity))).toBe(false);

    await start();
    expect(m.hs.keys.query({ device_keys: { [BOT]: [] } })).toEqual(before);
    const mark = m.hs.sent().length;
    const command = await anna.say(room, "!cop help");
    await m.settle();
    const answers = m.hs.sent().slice(mark);
    expect(answers.map((s) => [s.roomId, s.type])).toEqual([
      [dmOf(ANNA), "m.room.encrypted"],
      [room, "m.room.encrypted"],
    ]);
    const dm = await anna.readFromBot(dmOf(ANNA));
    expect(String(dm.at(-1)?.content.body)).toContain("!cop");
    expect((await anna.readFromBot(room)).at(-1)?.content).toEqual({
      "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" },
    });
  });

  it("tells the sender once when a key has not arrived, and answers when it comes", async () => {
    const [anna, carla] = [await member(ANNA), await member(CARLA)];
    const room = m.rooms.community ?? "";
    await anna.say(room, "!cop qa channel add");
    await m.settle();
    const mark = m.hs.sent({ roomId: room }).length;
    m.hs.keys.holding = true;
    const first = await carla.say(room, "!cop help");
    await m.settle();
    await carla.say(room, "Noch eine Nachricht mit demselben Schlüssel");
    await m.settle();
    const notes = (await carla.readFromBot(room)).slice(mark);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.content).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("Carla Conrad: Deine verschlüsselte Nachricht kann ich noch nicht lesen"),
      "m.mentions": { user_ids: [CARLA] },
      "m.relates_to": { "m.in_reply_to": { event_id: first } },
    });

    m.hs.keys.release();
    await m.settle();
    expect(String((await carla.readFromBot(dmOf(CARLA))).at(-1)?.content.body)).toContain("!cop");
    expect((await carla.readFromBot(room)).at(-1)?.content).toEqual({
      "m.relates_to": { rel_type: "m.annotation", event_id: first, key: "📬" },
    });
  });
});
