import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole } from "../support/console-harness";

/** A long downtime of a daily series: one "missed" note for all dates, then on as usual, never twice. */

const missed = (lines: readonly string[]): string[] => lines.filter((l) => l.includes("verpasst"));
const reminders = (lines: readonly string[]): string[] => lines.filter((l) => /Beginnt (in|gleich)/.test(l));
const prompts = (lines: readonly string[]): string[] => lines.filter((l) => l.includes("Zeit für „Daily“"));

describe("missed dates after a long downtime", () => {
  let dir: string;
  let dbPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-collapse-"));
    dbPath = join(dir, "copbot.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("notes 30 missed meeting dates once, then reminds for the next date, and a restart adds nothing", async () => {
    const first = await startConsole({ start: "2027-03-05T12:00:00+01:00", dbPath });
    await first.send(":in #allgemein", '/cop meeting add "Daily" cron "0 10 * * *" in #allgemein');
    first.close();

    // Down from Friday 5 March to Monday 5 April 09:30: 6 March … 4 April (30 dates) have passed.
    const back = await startConsole({ start: "2027-04-05T09:30:00+02:00", dbPath });
    expect(missed(back.transcript)).toEqual([
      expect.stringContaining(
        "Während copbot offline war, habe ich die Erinnerungen an „Daily“ für 30 Termine verpasst, zuletzt am So, 04.04.2027, 10:00.",
      ),
    ]);
    // The next date is ahead: its 1-day reminder goes out late, then the 15-minute one on time.
    expect(reminders(back.transcript)).toEqual([
      expect.stringContaining("Beginnt in 30 Minuten: *Mo, 05.04.2027, 10:00"),
    ]);
    expect(reminders(await back.send(":clock 2027-04-05T09:45"))).toEqual([
      expect.stringContaining("Beginnt in 15 Minuten: *Mo, 05.04.2027, 10:00"),
    ]);
    const noted = back.app.db
      .prepare("SELECT count(*) AS n FROM occurrence_ledger WHERE step = 'missed'")
      .get() as { n: number };
    expect(noted.n).toBe(30);
    back.close();

    const again = await startConsole({ start: "2027-04-05T09:50:00+02:00", dbPath });
    expect(missed(again.transcript)).toEqual([]);
    expect(reminders(again.transcript)).toEqual([]);
    again.close();
  });

  it("notes a single missed date as before", async () => {
    const first = await startConsole({ start: "2027-03-05T12:00:00+01:00", dbPath });
    await first.send(":in #allgemein", '/cop meeting add "Daily" cron "0 10 * * *" in #allgemein');
    first.close();
    const back = await startConsole({ start: "2027-03-06T10:05:00+01:00", dbPath });
    expect(missed(back.transcript)).toEqual([
      expect.stringContaining("Die Erinnerung an „Daily“ am Sa, 06.03.2027, 10:00 habe ich verpasst"),
    ]);
    back.close();
  });

  it("notes 14 missed check-in rounds once and opens the round still within the grace window late", async () => {
    const first = await startConsole({ start: "2027-03-05T12:00:00+01:00", dbPath });
    await first.send(
      ":in #team",
      '/cop checkin add "Daily" cron "0 9 * * *" in #team questions "Woran arbeitest du?"',
    );
    first.close();

    // Down until Saturday 20 March 10:00: 6–19 March are past their grace window, 20 March is not.
    const back = await startConsole({ start: "2027-03-20T10:00:00+01:00", dbPath });
    expect(missed(back.transcript)).toEqual([
      expect.stringContaining(
        "Während copbot offline war, habe ich 14 Runden des Check-ins „Daily“ verpasst, zuletzt am Fr, 19.03.2027, 09:00.",
      ),
    ]);
    expect(prompts(back.transcript)).toEqual([expect.stringMatching(/^\[dm admin\]/)]);
    expect(back.transcript.join("\n")).toContain("Etwas verspätet");
    back.close();

    const again = await startConsole({ start: "2027-03-20T10:30:00+01:00", dbPath });
    expect(missed(again.transcript)).toEqual([]);
    expect(prompts(again.transcript)).toEqual([]);
    again.close();
  });
});
