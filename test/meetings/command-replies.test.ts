import { startConsole, type ConsoleHarness } from "../support/console-harness";

/** Replies that say what happened and what would have been right (review of issue 5). */

/** Rows of a table; of the jobs only those of meetings and check-ins (the daily retention job always waits). */
const count = (h: ConsoleHarness, table: string): number =>
  (
    h.app.db
      .prepare(
        `SELECT count(*) AS n FROM ${table}${table === "jobs" ? " WHERE kind <> 'privacy.retention'" : ""}`,
      )
      .get() as { n: number }
  ).n;

const revision = (h: ConsoleHarness): number =>
  (h.app.db.prepare("SELECT revision FROM meetings WHERE id = 1").get() as { revision: number }).revision;

async function withMeeting(options = ""): Promise<ConsoleHarness> {
  const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
  await h.send(
    ":in #allgemein",
    "Moin",
    `/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein ${options}`,
  );
  return h;
}

describe("meeting replies", () => {
  it("asks for the number when it is missing instead of naming an empty one", async () => {
    const h = await withMeeting();
    const out = await h.send("/cop meeting preview", "/cop meeting edit");
    expect(out[1]).toContain(
      "Welcher Termin oder Check-in? Gib die Nummer an, z. B. /cop meeting preview 1. Alle zeigt /cop meeting list.",
    );
    expect(out[3]).toContain("z. B. /cop meeting edit 1.");
    expect(out.join("\n")).not.toContain("mit der Nummer  gibt es");
    h.close();
  });

  it("shows a skip example with the series' next date, and edit errors show an edit line", async () => {
    const h = await withMeeting();
    const skip = await h.send("/cop meeting skip 1 irgendwann");
    expect(skip.at(-1)).toContain(
      "„irgendwann“ ist kein gültiges Datum (z. B. 7.6.2027, 07.06., 2027-06-07, morgen, nächsten Montag). Beispiel: /cop meeting skip 1 2027-03-01",
    );
    expect(skip.at(-1)).not.toContain("from");
    const edit = await h.send("/cop meeting edit 1 tz Mars/Olympus", "/cop meeting edit 1 from 2027-02-01");
    expect(edit[1]).toContain("Beispiel: /cop meeting edit 1 weekly tue 09:30 tz Europe/Berlin");
    expect(edit[3]).toContain("Beispiel: /cop meeting edit 1 weekly tue 09:30 from 2027-03-01");
    expect(edit.join("\n")).not.toContain("meeting add");
    h.close();
  });

  it("takes -, off, keine and none to switch link and holidays off", async () => {
    const h = await withMeeting("link https://meet.example.org/cop holidays DE-BY");
    const out = await h.send("/cop meeting edit 1 link -", "/cop meeting edit 1 holidays off");
    expect(out[1]).toContain(
      "#1 „CoP-Treffen“ ist geändert: jeden Montag, 10:00 (Europe/Berlin), entfällt an Feiertagen (DE-BY)",
    );
    expect(out[3]).toContain("#1 „CoP-Treffen“ ist geändert: jeden Montag, 10:00 (Europe/Berlin)");
    const bad = await h.send("/cop meeting edit 1 link ftp://x");
    expect(bad.at(-1)).toContain("ohne Link: none");
    h.close();
  });

  it("says so when an edit, pause or resume changes nothing, and keeps the revision", async () => {
    const h = await withMeeting();
    const before = revision(h);
    const jobs = h.app.db.prepare("SELECT key FROM jobs ORDER BY key").all();
    const out = await h.send("/cop meeting edit 1", "/cop meeting edit 1 duration 60m weekly mon 10:00");
    expect(out[1]).toContain(
      "Du hast nichts angegeben, was sich ändern soll. Beispiel: /cop meeting edit 1 weekly tue 09:30",
    );
    expect(out[3]).toContain("#1 „CoP-Treffen“ ist schon so eingestellt; ich habe nichts geändert.");
    expect(revision(h)).toBe(before);
    expect(h.app.db.prepare("SELECT key FROM jobs ORDER BY key").all()).toEqual(jobs);
    const states = await h.send(
      "/cop meeting resume 1",
      "/cop meeting pause 1",
      "/cop meeting pause 1",
      "/cop meeting resume 1",
    );
    expect(states[1]).toContain("#1 „CoP-Treffen“ läuft schon; es gibt nichts fortzusetzen.");
    expect(states[3]).toContain("#1 „CoP-Treffen“ ist pausiert.");
    expect(states[5]).toContain(
      "#1 „CoP-Treffen“ ist schon pausiert. Weiter geht's mit /cop meeting resume 1.",
    );
    expect(states[7]).toContain("#1 „CoP-Treffen“ läuft wieder.");
    expect(revision(h)).toBe(before + 2);
    h.close();
  });

  it("refuses rules that fire more than once a day and stores nothing", async () => {
    const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
    const out = await h.send(
      ":in #allgemein",
      '/cop meeting add "A" cron "* * * * *" in #allgemein',
      '/cop checkin add "C" cron "0 * * * *" in #allgemein questions "A?"',
    );
    expect(out[1]).toContain("„* * * * *“ würde mehrmals am Tag auslösen.");
    expect(out[3]).toContain("„0 * * * *“ würde mehrmals am Tag auslösen.");
    expect([count(h, "meetings"), count(h, "checkins"), count(h, "jobs")]).toEqual([0, 0, 0]);
    h.close();
  });

  it("stores the zone's canonical name and lists the rule in words, in the member's language", async () => {
    const h = await withMeeting("tz europe/berlin");
    await h.send('/cop meeting add "Sync" monthly first tue 09:30 in #allgemein tz utc holidays DE move');
    const de = await h.send("/cop meeting list");
    expect(de.join("\n")).toContain("*#1 CoP-Treffen* · jeden Montag, 10:00 (Europe/Berlin) · #allgemein");
    expect(de.join("\n")).toContain(
      "*#2 Sync* · jeden ersten Dienstag im Monat, 09:30 (UTC), an Feiertagen (DE) am nächsten Werktag · #allgemein",
    );
    const en = await h.send("/cop lang en", "/cop meeting list", "/cop meeting preview 1");
    expect(en.join("\n")).toContain("*#1 CoP-Treffen* · every Monday, 10:00 (Europe/Berlin) · #allgemein");
    expect(en.join("\n")).toContain("every first Tuesday of the month, 09:30 (UTC)");
    expect(en.join("\n")).toContain("Mon, 2027-03-01, 10:00");
    h.close();
  });

  it("marks occurrences on a weekend in the preview (monthly 31 lands on Saturday, 31 July)", async () => {
    const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
    const out = await h.send(
      ":in #allgemein",
      '/cop meeting add "Monatsende" monthly 31 10:00 in #allgemein',
      "/cop meeting preview 1",
    );
    expect(out).toContain("      • Sa, 31.07.2027, 10:00 – Wochenende");
    expect(out).toContain("      • Mi, 30.06.2027, 10:00");
    h.close();
  });
});

describe("check-in replies", () => {
  const ADD = '/cop checkin add "C" weekly fri 14:00 in #allgemein questions "Woran arbeitest du?"';

  it("refuses a deadline as long as the time between rounds, and meeting-only options", async () => {
    const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
    const out = await h.send(
      ":in #allgemein",
      '/cop checkin add "C" cron "0 9 * * *" in #allgemein questions "A?" deadline 2d',
      `${ADD} remind 1h`,
      `${ADD} link https://meet.example.org/x`,
    );
    expect(out[1]).toContain(
      "Die Frist 2 Tage ist nicht kürzer als der Abstand zwischen zwei Runden (1 Tag); dann würden sich die Runden überschneiden.",
    );
    expect(out[3]).toContain("„remind“ gibt es nur bei Terminen, nicht bei Check-ins");
    expect(out[5]).toContain("„link“ gibt es nur bei Terminen, nicht bei Check-ins");
    expect([count(h, "checkins"), count(h, "jobs")]).toEqual([0, 0]);
    h.close();
  });

  it("announces the answer time in correct German", async () => {
    const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
    const out = await h.send(":in #allgemein", `${ADD} deadline 2d`);
    expect(out.join("\n")).toContain("antworten könnt ihr 2 Tage lang, danach fasse ich hier zusammen.");
    h.close();
  });

  it("says in check-in words who may end a check-in, and keeps it running", async () => {
    const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
    await h.send(":as ben", ":in #allgemein", "Moin", ":as admin", ADD);
    const out = await h.send(":as ben", "/cop checkin delete 1");
    expect(out.at(-1)).toContain(
      "Diesen Check-in dürfen nur Moderator:innen oder wer ihn angelegt hat beenden.",
    );
    expect(h.app.db.prepare("SELECT state FROM checkins WHERE id = 1").get()).not.toEqual({
      state: "deleted",
    });
    expect(count(h, "jobs")).toBeGreaterThan(0);
    h.close();
  });
});
