import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole, type ConsoleHarness } from "../support/console-harness";

/** The reference (`m12`) of the last printed message with a line matching `pattern`. */
function refOf(lines: readonly string[], pattern: RegExp): string {
  const hit = lines.findLastIndex((l) => pattern.test(l));
  const head = lines.slice(0, hit + 1).findLast((l) => /\((m\d+)\)/.test(l));
  const ref = /\((m\d+)\)/.exec(head ?? "")?.[1];
  if (hit < 0 || !ref) throw new Error(`no line matching ${pattern} in:\n${lines.join("\n")}`);
  return ref;
}

const reminderLines = (lines: readonly string[]): string[] => lines.filter((l) => l.includes("Beginnt in"));

async function setUp(h: ConsoleHarness, options = ""): Promise<void> {
  await h.send(":in #allgemein", "Moin zusammen");
  const out = await h.send(`/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein ${options}`.trim());
  expect(out.join("\n")).toContain("Termin #1 „CoP-Treffen“ ist angelegt");
}

describe("console story: a weekly Monday meeting", () => {
  it("reminds at the right local times for 8 weeks across DST and Ostermontag (moved)", async () => {
    const h = await startConsole({ start: "2027-03-04T12:00:00+01:00" });
    await setUp(h, "holidays DE-BY move");
    const preview = (await h.send("/cop meeting preview 1")).join("\n");
    expect(preview).toContain("Mo, 29.03.2027, 10:00 – verschoben wegen Ostermontag → Di, 30.03.2027, 10:00");
    // "1 day before" never falls on a weekend or holiday (#19.9): for a Monday it comes on
    // Friday; for Tuesday 30.03. (moved off Easter Monday) on Thursday, Good Friday being a holiday.
    const dates: [string, string, string][] = [
      ["08.03.", "2027-03-05", "3 Tagen"],
      ["15.03.", "2027-03-12", "3 Tagen"],
      ["22.03.", "2027-03-19", "3 Tagen"],
      // Summer time begins on 28.03.: Thursday 10:00 to Tuesday 10:00 is an hour short of 5 days.
      ["30.03.", "2027-03-25", "4 Tagen und 23 Stunden"],
      ["05.04.", "2027-04-02", "3 Tagen"],
      ["12.04.", "2027-04-09", "3 Tagen"],
      ["19.04.", "2027-04-16", "3 Tagen"],
      ["26.04.", "2027-04-23", "3 Tagen"],
    ];
    const isoDay = (d: string): string => `2027-${d.slice(3, 5)}-${d.slice(0, 2)}`;
    for (const [date, remindDay, lead] of dates) {
      const day = isoDay(date);
      // A working day ahead, at 10:00 local: nothing a minute early, exactly one reminder on the minute.
      expect(reminderLines(await h.send(`:clock ${remindDay}T09:59`))).toEqual([]);
      expect(reminderLines(await h.send(`:clock ${remindDay}T10:00`))).toEqual([
        expect.stringContaining(`Beginnt in ${lead}: *${date}`.replace("*", `*${weekday(day)}, `)),
      ]);
      expect(reminderLines(await h.send(`:clock ${day}T09:44`))).toEqual([]);
      expect(reminderLines(await h.send(`:clock ${day}T09:45`))).toEqual([
        expect.stringContaining(`Beginnt in 15 Minuten: *${weekday(day)}, ${date}2027, 10:00–11:00*`),
      ]);
    }
    // The UTC instants really differ by the DST change: 09:45 local was 08:45Z in March, 07:45Z in April.
    const sent = h.app.db
      .prepare("SELECT local_at, due_at FROM occurrence_ledger WHERE step = '15m' ORDER BY due_at")
      .all() as { local_at: string; due_at: number }[];
    expect(sent.map((r) => [r.local_at, new Date(r.due_at).toISOString().slice(11, 16)])).toEqual([
      ["2027-03-08T10:00", "08:45"],
      ["2027-03-15T10:00", "08:45"],
      ["2027-03-22T10:00", "08:45"],
      ["2027-03-30T10:00", "07:45"],
      ["2027-04-05T10:00", "07:45"],
      ["2027-04-12T10:00", "07:45"],
      ["2027-04-19T10:00", "07:45"],
      ["2027-04-26T10:00", "07:45"],
    ]);
    const moved = h.transcript.find((l) => l.includes("Wegen Ostermontag verschoben"));
    expect(moved).toBeDefined();
    h.close();
  });

  it("keeps 10:00 local across the autumn change too", async () => {
    const h = await startConsole({ start: "2027-10-20T12:00:00+02:00" });
    await setUp(h, "remind 15m");
    expect(reminderLines(await h.send(":clock 2027-10-25T09:44"))).toEqual([]);
    expect(reminderLines(await h.send(":clock 2027-10-25T09:45"))).toHaveLength(1);
    expect(reminderLines(await h.send(":clock 2027-11-01T09:44"))).toEqual([]);
    expect(reminderLines(await h.send(":clock 2027-11-01T09:45"))).toEqual([
      expect.stringContaining("Beginnt in 15 Minuten: *Mo, 01.11.2027, 10:00–11:00*"),
    ]);
    const due = h.app.db.prepare("SELECT due_at FROM occurrence_ledger ORDER BY due_at").all() as {
      due_at: number;
    }[];
    expect(due.map((r) => new Date(r.due_at).toISOString())).toEqual([
      "2027-10-25T07:45:00.000Z",
      "2027-11-01T08:45:00.000Z",
    ]);
    h.close();
  });

  it("skips the holiday when the rule says skip, and RSVP counts update in place", async () => {
    const h = await startConsole({ start: "2027-03-21T12:00:00+01:00" });
    await setUp(h, "holidays DE-BY skip");
    await h.send(":as ben", "/cop ask Wie sichert ihr SQLite im Container?", ":as admin");
    const week = await h.send(":clock 2027-03-22T09:45");
    const ref = refOf(week, /Beginnt in 15 Minuten/);
    // The agenda lists what is open in the community (here: the open Q&A question).
    expect(week).toEqual(
      expect.arrayContaining([
        "    *Agenda*",
        expect.stringMatching(/• #1 Wie sichert ihr SQLite im Container\?/),
      ]),
    );
    const clicks = await h.send(
      `:as anna`,
      `:click ${ref} Zusage`,
      `:as ben`,
      `:click ${ref} Vielleicht`,
      `:as anna`,
      `:click ${ref} Absage`,
    );
    const updates = clicks.filter((l) => l.includes(`(${ref} ✎)`));
    expect(updates.length).toBe(3);
    const counts = clicks.filter((l) => l.includes("Zusagen:"));
    expect(counts.at(-1)).toContain("Zusagen: 0 · Vielleicht: 1 · Absagen: 1");
    expect(counts[0]).toContain("Zusagen: 1 · Vielleicht: 0 · Absagen: 0");
    expect(clicks.join("\n")).toContain("Schade! Deine Absage für „CoP-Treffen“ ist notiert.");
    // Ostermontag (29.03.) is skipped: no reminder that week, but a note on the last working
    // day before it (Thursday: Good Friday is a holiday too); the next reminders are for 05.04.
    expect((await h.send(":clock 2027-03-25T09:59")).join("\n")).not.toContain("entfällt");
    const dropped = (await h.send(":clock 2027-03-25T10:00")).join("\n");
    expect(dropped).toContain("copbot: 📅 „CoP-Treffen“ am Mo, 29.03.2027, 10:00 entfällt (Ostermontag).");
    expect(dropped).toContain("Nächster Termin: Mo, 05.04.2027, 10:00");
    const easter = reminderLines(await h.send(":clock 2027-04-05T09:45"));
    expect(easter).toEqual([
      expect.stringContaining("Beginnt in 3 Tagen: *Mo, 05.04.2027"),
      expect.stringContaining("Beginnt in 15 Minuten: *Mo, 05.04.2027"),
    ]);
    h.close();
  });
});

describe("console story: restarts", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-meetings-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stopping just before a due time and restarting after it yields exactly one reminder, marked late", async () => {
    const dbPath = join(dir, "copbot.db");
    const first = await startConsole({ start: "2027-03-07T09:00:00+01:00", dbPath });
    await setUp(first, "remind 15m");
    expect(reminderLines(await first.send(":clock 2027-03-08T09:44"))).toEqual([]);
    first.close();
    // Down from 09:44 to 09:53 local: back 8 minutes after the 09:45 due time. The late
    // reminder says what is really left (7 minutes), not its lead time.
    const second = await startConsole({ start: "2027-03-08T09:53:00+01:00", dbPath });
    const restarted = reminderLines(second.transcript);
    expect(restarted).toEqual([expect.stringContaining("Beginnt in 7 Minuten: *Mo, 08.03.2027")]);
    expect(second.transcript.join("\n")).toContain("⏰ Verspätet: copbot war offline");
    second.close();
    // A third start (another restart) sends nothing again.
    const third = await startConsole({ start: "2027-03-08T09:55:00+01:00", dbPath });
    expect(reminderLines(third.transcript)).toEqual([]);
    expect(reminderLines(await third.send(":clock 2027-03-15T09:45"))).toEqual([
      expect.stringContaining("Beginnt in 15 Minuten: *Mo, 15.03.2027"),
    ]);
    third.close();
  });

  it("a downtime beyond the grace window posts one short missed note instead", async () => {
    const dbPath = join(dir, "copbot.db");
    const first = await startConsole({ start: "2027-03-07T09:00:00+01:00", dbPath });
    await setUp(first, "remind 3h,15m");
    first.close();
    const second = await startConsole({ start: "2027-03-08T12:00:00+01:00", dbPath });
    const text = second.transcript.join("\n");
    expect(reminderLines(second.transcript)).toEqual([]);
    const missed = second.transcript.filter((l) => l.includes("habe ich verpasst"));
    expect(missed).toEqual([
      expect.stringContaining("Die Erinnerung an „CoP-Treffen“ am Mo, 08.03.2027, 10:00 habe ich verpasst"),
    ]);
    expect(text).not.toContain("15.03.2027");
    // The series goes on normally afterwards.
    expect(reminderLines(await second.send(":clock 2027-03-15T09:45"))).toEqual([
      expect.stringContaining("Beginnt in 3 Stunden: *Mo, 15.03.2027"),
      expect.stringContaining("Beginnt in 15 Minuten: *Mo, 15.03.2027"),
    ]);
    second.close();
  });
});

function weekday(isoDay: string): string {
  return ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"][new Date(`${isoDay}T12:00:00Z`).getUTCDay()] ?? "";
}
