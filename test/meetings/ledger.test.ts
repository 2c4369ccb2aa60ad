import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REMIND_JOB } from "../../src/meetings/meeting-jobs";
import { startConsole } from "../support/console-harness";

const ADD_CHECKIN =
  '/cop checkin add "Wochen-Check-in" weekly fri 14:00 in #team questions "Woran arbeitest du?"';

describe("the occurrence ledger", () => {
  it("sends a reminder once even when its job is scheduled twice (e.g. by an older revision)", async () => {
    const h = await startConsole({ start: "2027-03-07T12:00:00+01:00" });
    await h.send(
      ":in #allgemein",
      "Moin",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 15m',
    );
    const services = h.app.bot.services;
    services.scheduler.schedule({
      kind: REMIND_JOB,
      runAt: new Date("2027-03-08T08:45:00Z"),
      key: "duplicate",
      payload: { meetingId: 1, local: "2027-03-08T10:00", lead: 15, revision: 1 },
    });
    const stale = { meetingId: 1, local: "2027-03-08T10:00", lead: 15, revision: 0 };
    services.scheduler.schedule({
      kind: REMIND_JOB,
      runAt: new Date("2027-03-08T08:45:00Z"),
      key: "stale",
      payload: stale,
    });
    const out = await h.send(":clock 2027-03-08T10:00");
    expect(out.filter((l) => l.includes("Beginnt in"))).toHaveLength(1);
    h.close();
  });

  it("plans the first reminder even when the nearest dates are closer than the lead time", async () => {
    const h = await startConsole({ start: "2027-03-08T12:00:00+01:00" });
    await h.send(
      ":in #allgemein",
      "Moin",
      '/cop meeting add "Daily" cron "0 9 * * *" in #allgemein remind 3d',
    );
    const out = await h.send(":clock 2027-03-09T09:00");
    expect(out.filter((l) => l.includes("Beginnt in"))).toEqual([
      expect.stringContaining("Beginnt in 3 Tagen: *Fr, 12.03.2027, 09:00"),
    ]);
    h.close();
  });

  it("clicking RSVP on a deleted meeting explains instead of failing", async () => {
    const h = await startConsole({ start: "2027-03-08T09:00:00+01:00" });
    await h.send(
      ":in #allgemein",
      "Moin",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 15m',
    );
    const out = await h.send(
      ":clock 2027-03-08T09:45",
      "/cop meeting delete 1",
      ":as anna",
      ":click m4 Zusage",
    );
    expect(out.at(-1)).toContain("Diesen Termin gibt es nicht mehr.");
    h.close();
  });
});

describe("check-in rounds after a downtime", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-checkins-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a round missed beyond the grace window gets one note and no nudge or summary", async () => {
    const dbPath = join(dir, "copbot.db");
    const first = await startConsole({ start: "2027-03-05T12:00:00+01:00", dbPath });
    await first.send(":in #team", "Hallo", ADD_CHECKIN);
    first.close();
    const second = await startConsole({ start: "2027-03-05T16:30:00+01:00", dbPath });
    expect(second.transcript).toEqual([
      expect.stringContaining(
        "copbot: ⚠️ Den Check-in „Wochen-Check-in“ am Fr, 05.03.2027, 14:00 habe ich verpasst, weil copbot offline war.",
      ),
    ]);
    const later = await second.send(":clock 2027-03-05T20:00");
    expect(later.filter((l) => l.includes("📝") || l.includes("Kurze Erinnerung"))).toEqual([]);
    second.close();
  });

  it("a round late within the grace window still prompts, marked late", async () => {
    const dbPath = join(dir, "copbot.db");
    const first = await startConsole({ start: "2027-03-05T12:00:00+01:00", dbPath });
    await first.send(":in #team", "Hallo", ADD_CHECKIN);
    first.close();
    const second = await startConsole({ start: "2027-03-05T15:00:00+01:00", dbPath });
    expect(second.transcript.join("\n")).toContain("⏰ Etwas verspätet: copbot war offline.");
    expect(second.transcript.filter((l) => l.includes("Zeit für"))).toHaveLength(1);
    second.close();
  });
});
