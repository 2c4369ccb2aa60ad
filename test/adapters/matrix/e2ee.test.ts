import fs from "node:fs";
import path from "node:path";
import { ANNA, BEN, BOT, CARLA } from "../../support/matrix-harness";
import { E2eeWorld } from "../../support/matrix-e2ee";

describe("Matrix end-to-end encryption", () => {
  let w: E2eeWorld;

  beforeEach(async () => {
    w = await E2eeWorld.create();
    await w.start();
  });

  afterEach(async () => {
    await w.close();
  });

  it("answers an encrypted question in its thread with the expert's pill, and every member can read it", async () => {
    const [anna, ben, carla] = [await w.member(ANNA), await w.member(BEN), await w.member(CARLA)];
    // An encrypted command gets an encrypted answer (in Anna's DM, which the server encrypted too).
    const command = await anna.say(w.room, "!cop qa channel add");
    await w.app.settle();
    expect((await anna.readFromBot(w.dmOf(ANNA)))[0]?.content).toMatchObject({ msgtype: "m.notice" });
    expect((await anna.readFromBot(w.room)).map((e) => e.content)).toEqual([
      { "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" } },
    ]);
    await ben.say(w.room, "!cop expert add Dienstreise");
    await w.app.settle();
    const [confirmation] = await ben.readFromBot(w.dmOf(BEN));
    expect(confirmation?.content).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("Dienstreise"),
    });

    const question = await carla.say(w.room, "Wie rechne ich eine Dienstreise nach Berlin ab?");
    await w.app.settle();
    const inRoom = await carla.readFromBot(w.room);
    const ping = inRoom.find((e) => JSON.stringify(e.content["m.mentions"] ?? {}).includes(BEN));
    expect(ping?.content).toMatchObject({
      "m.mentions": { user_ids: [BEN] },
      "m.relates_to": { rel_type: "m.thread", event_id: question },
      formatted_body: expect.stringContaining('<a href="https://matrix.to/#/@ben:example.org">'),
    });
    expect(await ben.readFromBot(w.room)).toHaveLength(inRoom.length);
    expect(w.hs.sent({ roomId: w.room }).every((s) => s.type === "m.room.encrypted")).toBe(true);
  });

  it("keeps its device and keys across a restart: it reads new messages, and its answers stay readable", async () => {
    const anna = await w.member(ANNA);
    await anna.say(w.room, "!cop qa channel add");
    await w.app.settle();
    const before = w.hs.keys.query({ device_keys: { [BOT]: [] } });
    await w.app.stop();
    const identity = JSON.stringify(before).match(/"ed25519:COPBOT":"([^"]+)"/)?.[1] ?? "missing";
    expect(fs.readFileSync(w.storeFile).includes(Buffer.from(identity))).toBe(false);

    await w.start();
    expect(w.hs.keys.query({ device_keys: { [BOT]: [] } })).toEqual(before);
    const mark = w.hs.sent().length;
    const command = await anna.say(w.room, "!cop help");
    await w.app.settle();
    expect(
      w.hs
        .sent()
        .slice(mark)
        .map((s) => [s.roomId, s.type]),
    ).toEqual([
      [w.dmOf(ANNA), "m.room.encrypted"],
      [w.room, "m.room.encrypted"],
    ]);
    expect(String((await anna.readFromBot(w.dmOf(ANNA))).at(-1)?.content.body)).toContain("!cop");
    expect((await anna.readFromBot(w.room)).at(-1)?.content).toEqual({
      "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" },
    });
  });

  it("tells the sender once when a key has not arrived, and answers when it comes", async () => {
    const [anna, carla] = [await w.member(ANNA), await w.member(CARLA)];
    await anna.say(w.room, "!cop qa channel add");
    await w.app.settle();
    const mark = w.hs.sent({ roomId: w.room }).length;
    w.hs.keys.holding = true;
    const first = await carla.say(w.room, "!cop help");
    await w.app.settle();
    await carla.say(w.room, "Noch eine Nachricht mit demselben Schlüssel");
    await w.app.settle();
    const notes = (await carla.readFromBot(w.room)).slice(mark);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.content).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("Carla Conrad: Deine verschlüsselte Nachricht kann ich noch nicht lesen"),
      "m.mentions": { user_ids: [CARLA] },
      "m.relates_to": { "m.in_reply_to": { event_id: first } },
    });

    w.hs.keys.release();
    await w.app.settle();
    expect(String((await carla.readFromBot(w.dmOf(CARLA))).at(-1)?.content.body)).toContain("!cop");
    expect((await carla.readFromBot(w.room)).at(-1)?.content).toEqual({
      "m.relates_to": { rel_type: "m.annotation", event_id: first, key: "📬" },
    });
  });

  it("keeps a message that waits for its key across a restart and answers it when the key comes", async () => {
    const [anna, carla] = [await w.member(ANNA), await w.member(CARLA)];
    await anna.say(w.room, "!cop qa channel add");
    await w.app.settle();
    w.hs.keys.holding = true;
    const waiting = await carla.say(w.room, "!cop help");
    await w.app.settle();
    await w.app.stop();
    expect(fs.readFileSync(path.join(w.dir, "matrix", "waiting-for-keys.json"), "utf8")).toContain(waiting);

    // The key reaches the homeserver while copbot is down; copbot reads it after the restart.
    w.hs.keys.release();
    await w.start();
    await w.app.settle();
    expect(String((await carla.readFromBot(w.dmOf(CARLA))).at(-1)?.content.body)).toContain("!cop");
    expect(fs.readFileSync(path.join(w.dir, "matrix", "waiting-for-keys.json"), "utf8")).not.toContain(
      waiting,
    );
  });
});
