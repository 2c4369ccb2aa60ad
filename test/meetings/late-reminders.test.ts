import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole } from "../support/console-harness";

/** Reminders after a downtime: what is really left, one reminder instead of two, "missed" only once begun. */

const reminders = (lines: readonly string[]): string[] => lines.filter((l) => /Beginnt (in|gleich)/.test(l));
const missed = (lines: readonly string[]): string[] => lines.filter((l) => l.includes("habe ich verpasst"));

describe("late reminders", () => {
  let dir: string;
  let dbPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-late-"));
    dbPath = join(dir, "copbot.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function createThenStop(options: string): Promise<void> {
    const first = await startConsole({ start: "2027-03-04T12:00:00+01:00", dbPath });
    await first.send(
      ":in #allgemein",
      `/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein ${options}`,
    );
    first.close();
  }

  it("says the time that is really left, not the lead time", async () => {
    await createThenStop("remind 2h");
    const back = await startConsole({ start: "2027-03-08T09:55:00+01:00", dbPath });
    expect(reminders(back.transcript)).toEqual([
      expect.stringContaining("Beginnt in 5 Minuten: *Mo, 08.03.2027, 10:00"),
    ]);
    expect(back.transcript.join("\n")).toContain(
      "⏰ Verspätet: copbot war offline; diese Erinnerung war für Mo, 08.03.2027, 08:00 geplant.",
    );
    back.close();
  });

  it("says 'gleich' when less than a minute is left", async () => {
    await createThenStop("remind 2h");
    const back = await startConsole({ start: "2027-03-08T09:59:45+01:00", dbPath });
    expect(reminders(back.transcript)).toEqual([
      expect.stringContaining("Beginnt gleich: *Mo, 08.03.2027, 10:00"),
    ]);
    back.close();
  });

  it("sends a 1-day reminder missed by more than the grace window late while the meeting is ahead", async () => {
    await createThenStop("");
    // Down from Thursday to Monday 07:00: the 1-day reminder (moved off Sunday to Friday 10:00)
    // is three days late.
    const back = await startConsole({ start: "2027-03-08T07:00:00+01:00", dbPath });
    expect(reminders(back.transcript)).toEqual([
      expect.stringContaining("Beginnt in 3 Stunden: *Mo, 08.03.2027, 10:00"),
    ]);
    expect(back.transcript.join("\n")).toContain("⏰ Verspätet");
    expect(missed(back.transcript)).toEqual([]);
    expect(reminders(await back.send(":clock 2027-03-08T09:45"))).toEqual([
      expect.stringContaining("Beginnt in 15 Minuten: *Mo, 08.03.2027, 10:00"),
    ]);
    back.close();
  });

  it("sends only the shorter reminder when both are due, and 'missed' only once the meeting began", async () => {
    await createThenStop("");
    const back = await startConsole({ start: "2027-03-08T09:50:00+01:00", dbPath });
    expect(reminders(back.transcript)).toEqual([
      expect.stringContaining("Beginnt in 10 Minuten: *Mo, 08.03.2027, 10:00"),
    ]);
    expect(missed(back.transcript)).toEqual([]);
    back.close();
    const later = await startConsole({ start: "2027-03-15T10:05:00+01:00", dbPath });
    expect(reminders(later.transcript)).toEqual([]);
    expect(missed(later.transcript)).toEqual([
      expect.stringContaining("Die Erinnerung an „CoP-Treffen“ am Mo, 15.03.2027, 10:00 habe ich verpasst"),
    ]);
    later.close();
  });

  it("finds the occurrence of a reminder two weeks ahead (the search window follows the date, not the job)", async () => {
    const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
    await h.send(
      ":in #allgemein",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 14d',
    );
    expect(reminders(await h.send(":clock 2027-03-01T10:00"))).toEqual([
      expect.stringContaining("Beginnt in 14 Tagen: *Mo, 15.03.2027, 10:00"),
    ]);
    h.close();
  });
});
