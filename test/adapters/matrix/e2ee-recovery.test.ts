import fs from "node:fs";
import { ANNA, BEN, BOT } from "../../support/matrix-harness";
import { E2eeWorld } from "../../support/matrix-e2ee";

describe("Matrix end-to-end encryption: a lost or unreadable crypto store", () => {
  let w: E2eeWorld;

  beforeEach(async () => {
    w = await E2eeWorld.create();
  });

  afterEach(async () => {
    await w.close();
  });

  it("creates a new device by logging in again, retires the old one and announces it in the encrypted rooms", async () => {
    const password = { MATRIX_ACCESS_TOKEN: "", MATRIX_USER_ID: BOT, MATRIX_PASSWORD: w.hs.password };
    await w.start(password);
    const anna = await w.member(ANNA);
    await anna.say(w.room, "!cop qa channel add");
    await w.app.settle();
    await w.app.stop();
    fs.rmSync(w.storeFile);

    await w.start(password);
    expect(w.hs.deletedDevices).toEqual(["COPBOT"]);
    expect([...(w.hs.keys.devices.get(BOT)?.keys() ?? [])]).toEqual(["COPBOT2"]);
    await w.app.settle();
    const announced = (await anna.readFromBot(w.room)).at(-1);
    expect(announced?.content).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("neues Gerät COPBOT2"),
    });
    const command = await anna.say(w.room, "!cop help");
    await w.app.settle();
    expect((await anna.readFromBot(w.room)).at(-1)?.content).toEqual({
      "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" },
    });
  });

  it("runs without encryption on a wrong passphrase, keeps the store untouched, and reads again once it is right", async () => {
    await w.start();
    const anna = await w.member(ANNA);
    await w.app.stop();
    const sealed = fs.readFileSync(w.storeFile);

    await w.start({ MATRIX_CRYPTO_PASSPHRASE: "a wrong passphrase, sadly" });
    await anna.say(w.room, "!cop help");
    await w.app.settle();
    // As without encryption: one notice, in clear, that copbot cannot read the room.
    expect(w.hs.sent({ roomId: w.room }).map((s) => [s.type, s.body.msgtype])).toEqual([
      ["m.room.message", "m.notice"],
    ]);
    await w.app.stop();
    expect(fs.readFileSync(w.storeFile).equals(sealed)).toBe(true);

    await w.start();
    expect([...(w.hs.keys.devices.get(BOT)?.keys() ?? [])]).toEqual(["COPBOT"]);
    const ben = await w.member(BEN);
    const command = await ben.say(w.room, "!cop help");
    await w.app.settle();
    expect((await ben.lastFromBot(w.room)).content).toEqual({
      "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" },
    });
  });
});
