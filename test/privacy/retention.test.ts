import { Writable } from "node:stream";
import pino from "pino";
import { z } from "zod";
import { startConsole, type ConsoleHarness } from "../support/console-harness";

const count = (h: ConsoleHarness, sql: string): number =>
  z.object({ n: z.number() }).parse(h.app.db.prepare(sql).get()).n;

/**
 * Retention (issue 17): a daily job at 03:30 deletes what copbot keeps only for a while, each
 * after its `COPBOT_*_RETENTION_DAYS` period, and logs how much it removed. Old data goes, recent data
 * stays; delivered messages lose their text and recipient but keep where they landed.
 */
describe("retention", () => {
  let h: ConsoleHarness;
  const logs: string[] = [];
  beforeAll(async () => {
    const log = pino(
      { level: "info" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    );
    h = await startConsole({
      log,
      env: {
        COPBOT_CHECKIN_ANSWERS_RETENTION_DAYS: "30",
        COPBOT_OPEN_QUESTIONS_RETENTION_DAYS: "60",
        COPBOT_AUDIT_RETENTION_DAYS: "90",
      },
    });
    // Monday 30 November: an open question, two audit entries, a check-in answered on Friday.
    await h.send(
      "/cop qa channel add #fragen",
      '/cop checkin add "Wochen-Check-in" weekly fri 10:00 in #team questions "Woran arbeitest du?"',
      ":as ben",
      ":in #fragen",
      "Wie archiviert ihr E-Mails revisionssicher?",
      ":clock 2026-12-04T10:00",
      ":as admin",
      ":in dm",
      "Am Archiv",
    );
  });
  afterAll(() => h.close());

  it("runs daily, empties delivered messages after 7 days and deletes old event ids, logging the counts", async () => {
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE message <> '{\"blocks\":[]}'")).toBeGreaterThan(
      5,
    );
    await h.send(":clock 2026-12-07T03:30");
    const first = logs.filter((l) => l.includes("retention"));
    // One run a day, 1 to 7 December; nothing is seven days old yet.
    expect(first).toHaveLength(7);
    for (const line of first) expect(line).toMatch(/"outbox_bodies":0,"audit_entries":0,"event_ids":0/);
    await h.send(":clock 2026-12-12T03:30");
    const later = logs
      .filter((l) => l.includes("retention"))
      .slice(7)
      .map((l) => (JSON.parse(l) as { retention: Record<string, number> }).retention);
    expect(later).toHaveLength(5);
    const sum = (name: string) => later.reduce((n, c) => n + (c[name] ?? 0), 0);
    expect(sum("outbox_bodies")).toBeGreaterThan(5);
    // The four inbound events of the first week (commands and messages).
    expect(sum("event_ids")).toBe(4);
    expect(sum("checkin_answers")).toBe(0);
    // Older deliveries keep their reference (a later update finds the message), not their text.
    expect(
      count(
        h,
        "SELECT count(*) AS n FROM outbox WHERE created_at < strftime('%s', '2026-12-02') * 1000 AND (message <> '{\"blocks\":[]}' OR target IS NOT NULL)",
      ),
    ).toBe(0);
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE posted_message IS NOT NULL")).toBeGreaterThan(5);
  });

  it("deletes check-in answers, unsolved questions and audit entries after their configured periods", async () => {
    expect(count(h, "SELECT count(*) AS n FROM checkin_answers")).toBe(1);
    await h.send(":clock 2027-01-04T03:30");
    expect(count(h, "SELECT count(*) AS n FROM checkin_answers")).toBe(0);
    expect(count(h, "SELECT count(*) AS n FROM qa_questions")).toBe(1);
    expect(count(h, "SELECT count(*) AS n FROM audit_log")).toBe(2);
    await h.send(":clock 2027-01-30T03:30");
    expect(count(h, "SELECT count(*) AS n FROM qa_questions")).toBe(0);
    expect(count(h, "SELECT count(*) AS n FROM jobs WHERE key LIKE 'qa.%' AND state = 'pending'")).toBe(0);
    expect(count(h, "SELECT count(*) AS n FROM audit_log")).toBe(2);
    await h.send(":clock 2027-03-01T03:30");
    expect(count(h, "SELECT count(*) AS n FROM audit_log")).toBe(0);
    const counts = logs
      .filter((l) => l.includes("retention"))
      .map((l) => (JSON.parse(l) as { retention: Record<string, number> }).retention);
    const total = (name: string) => counts.reduce((sum, c) => sum + (c[name] ?? 0), 0);
    expect([total("checkin_answers"), total("open_questions"), total("audit_entries")]).toEqual([1, 1, 2]);
  });
});
