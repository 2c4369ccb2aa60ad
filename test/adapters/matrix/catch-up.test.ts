import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ANNA, BEN, CARLA } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";
import { FakeHomeserver } from "../../support/matrix-homeserver";
import { BOT } from "../../support/matrix-harness";

const START = "2026-11-30T09:00:00+01:00";
const FIRST = new Date(START).getTime();
/** copbot is down for three days. */
const RESTART = new Date(FIRST + 3 * 86_400_000);
const HOUR = 3_600_000;

type Running = MatrixApp & { rooms: Record<string, string> };

describe("Matrix: what arrives while copbot is down is handled after the restart", () => {
  let dir: string;
  let hs: FakeHomeserver;
  let m: Running | undefined;
  let fragen = "";

  const run = async (start: string | Date): Promise<Running> => {
    m = await startMatrixApp({
      start: typeof start === "string" ? start : start.toISOString(),
      dataDir: dir,
      hs,
      env: { COPBOT_ADMINS: `matrix:${ANNA}`, MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org" },
      prepare: (server) => {
        if (fragen !== "") return { community: fragen };
        fragen = server.createRoom({
          creator: ANNA,
          members: [BEN, CARLA],
          botJoined: true,
          name: "fragen",
          ts: FIRST - HOUR,
        });
        server.store.aliases.set("#fragen:example.org", fragen);
        // History from before copbot's very first start.
        server.send(
          fragen,
          CARLA,
          "m.room.message",
          { msgtype: "m.text", body: "Wer kennt sich mit der E-Rechnung aus?" },
          FIRST - HOUR + 1,
        );
        return { community: fragen };
      },
    });
    return m;
  };
  const dmOf = (user: string): string =>
    (hs.store.accountData.get("m.direct") as Record<string, string[]> | undefined)?.[user]?.[0] ?? "";
  const bodies = (roomId: string): string[] => hs.sent({ roomId }).map((s) => String(s.body.body ?? ""));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copbot-catchup-"));
    hs = await FakeHomeserver.start({ botUserId: BOT });
    fragen = "";
  });
  afterEach(async () => {
    await m?.stop();
    m = undefined;
    await hs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers questions and commands from the downtime late, summarises older ones, handles nothing twice", async () => {
    const first = await run(START);
    // The very first start ignores the room's history.
    expect(hs.sent({ roomId: fragen })).toEqual([]);
    const channelAdd = hs.send(fragen, ANNA, "m.room.message", {
      msgtype: "m.text",
      body: "!cop qa channel add",
    });
    await first.settle();
    expect(bodies(dmOf(ANNA))).toHaveLength(1);
    await first.stop();
    m = undefined;

    // While copbot is down: one question that is too old by the restart, and a question and a
    // command of the last hour.
    const tooOld = hs.send(
      fragen,
      BEN,
      "m.room.message",
      { msgtype: "m.text", body: "Gibt es eine Vorlage für den Dienstreiseantrag?" },
      FIRST + HOUR,
    );
    const question = hs.send(
      fragen,
      CARLA,
      "m.room.message",
      { msgtype: "m.text", body: "Wie rechne ich eine Dienstreise nach Berlin ab?" },
      RESTART.getTime() - HOUR,
    );
    hs.send(
      fragen,
      BEN,
      "m.room.message",
      { msgtype: "m.text", body: "!cop help" },
      RESTART.getTime() - HOUR + 60_000,
    );

    const second = await run(RESTART);
    // Delivered again by a replaying server: still handled once.
    hs.replay(fragen, channelAdd);
    hs.replay(fragen, question);
    await second.settle();

    const inRoom = hs.sent({ roomId: fragen }).filter((s) => s.type === "m.room.message");
    expect(inRoom).toHaveLength(1);
    expect(inRoom[0]?.body).toMatchObject({ "m.relates_to": { rel_type: "m.thread", event_id: question } });
    expect(String(inRoom[0]?.body.body)).toContain("Entschuldige die späte Antwort");
    const asked = second.app.db.prepare("SELECT message_id FROM qa_questions ORDER BY id").pluck().all();
    expect(asked).toEqual([question]);

    expect(bodies(dmOf(BEN)).join("\n")).toContain("!cop help");
    expect(bodies(dmOf(BEN))[0]).toContain("Entschuldige die späte Antwort");
    // Anna: her command's answer once, then one summary of what was too old.
    const toAnna = bodies(dmOf(ANNA));
    expect(toAnna).toHaveLength(2);
    expect(toAnna[1]).toContain(
      "Während ich nicht erreichbar war, kam eine Nachricht an, die jetzt älter als 1 Tg. ist.",
    );
    expect(toAnna[1]).toContain("#fragen: eine vom Mo, 30.11.2026, 10:00 · ansehen");
    expect(JSON.stringify(hs.sent({ roomId: dmOf(ANNA) }).at(-1)?.body)).toContain(tooOld);
  });

  it("applies an RSVP reaction given while copbot was down to the reminder posted before", async () => {
    const first = await run(START);
    hs.send(fragen, ANNA, "m.room.message", {
      msgtype: "m.text",
      body: '!cop meeting add "Teamtreffen" weekly mon 10:00 in #fragen',
    });
    await first.settle();
    await first.advance(new Date("2026-11-30T10:00:00+01:00"));
    const reminder = hs.sent({ roomId: fragen }).find((s) => JSON.stringify(s.body).includes("meeting.rsvp"));
    const reminderId =
      hs.mustRoom(fragen).timeline.find((p) => p.event.content === reminder?.body)?.event.event_id ?? "";
    expect(reminderId).not.toBe("");
    await first.stop();
    m = undefined;

    const at = new Date("2026-11-30T10:05:00+01:00");
    hs.send(
      fragen,
      CARLA,
      "m.reaction",
      { "m.relates_to": { rel_type: "m.annotation", event_id: reminderId, key: "1️⃣" } },
      at.getTime(),
    );
    const second = await run(new Date(at.getTime() + 10 * 60_000));
    await second.settle();
    const edit = hs
      .sent({ roomId: fragen })
      .find((s) => (s.body["m.relates_to"] as { rel_type?: string } | undefined)?.rel_type === "m.replace");
    expect((edit?.body["m.new_content"] as { body: string } | undefined)?.body).toContain("Zusagen: 1");
  });
});
