import { startConsole, type ConsoleHarness } from "../support/console-harness";

const EXAMPLE = 'Beispiel: /cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein';

/** Rows of a table; of the jobs only those of meetings and check-ins (the daily retention job always waits). */
const count = (h: ConsoleHarness, table: string): number =>
  (
    h.app.db
      .prepare(
        `SELECT count(*) AS n FROM ${table}${table === "jobs" ? " WHERE kind <> 'privacy.retention'" : ""}`,
      )
      .get() as { n: number }
  ).n;

async function started(): Promise<ConsoleHarness> {
  const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
  await h.send(":in #allgemein", "Moin");
  return h;
}

describe("meeting commands: bad input", () => {
  it.each([
    ['"X" weekly mon 25:00 in #allgemein', "„25:00“ ist keine gültige Uhrzeit (00:00 bis 23:59). " + EXAMPLE],
    ['"X" weekly mon 10:00 tz Europe/Berlinn in #allgemein', "„Europe/Berlinn“ ist keine bekannte Zeitzone"],
    ['"X" cron "61 * * * *" in #allgemein', "„61 * * * *“ ist kein gültiger Cron-Ausdruck"],
    ['"X" weekly mon 10:00 from 2027-02-01 in #allgemein', "Das Datum 2027-02-01 liegt in der Vergangenheit"],
    ['"X" weekly mon 10:00 in #gibtsnicht', "Den Kanal „#gibtsnicht“ finde ich nicht. " + EXAMPLE],
    ['"X" weekly mon 10:00', "Sag mir, in welchem Kanal (in #kanal). " + EXAMPLE],
  ])("meeting add %s explains and stores nothing", async (args, expected) => {
    const h = await started();
    const out = await h.send(`/cop meeting add ${args}`);
    expect(out.at(-1)).toContain(expected);
    expect(out.at(-1)).toContain("Beispiel: /cop ");
    expect(count(h, "meetings")).toBe(0);
    expect(count(h, "jobs")).toBe(0);
    h.close();
  });

  it.each(["preview", "pause", "resume", "skip", "edit", "delete", "ics"])(
    "meeting %s with an unknown id names the list command and an example",
    async (sub) => {
      const h = await started();
      const out = await h.send(`/cop meeting ${sub} 42${sub === "skip" ? " 2027-03-08" : ""}`);
      expect(out.at(-1)).toContain(
        `Einen Termin oder Check-in mit der Nummer 42 gibt es nicht. Sieh mit /cop meeting list nach. Beispiel: /cop meeting ${sub} 1`,
      );
      h.close();
    },
  );

  it("check-in add without questions or with a bad time stores nothing", async () => {
    const h = await started();
    const noQuestions = await h.send('/cop checkin add "C" weekly fri 14:00 in #allgemein');
    expect(noQuestions.at(-1)).toContain(
      'Es fehlen die Fragen, z. B. questions "Woran arbeitest du?|Wo brauchst du Hilfe?"',
    );
    const badTime = await h.send('/cop checkin add "C" weekly fri 24:00 in #allgemein questions "A?"');
    expect(badTime.at(-1)).toContain("„24:00“ ist keine gültige Uhrzeit");
    expect(badTime.at(-1)).toContain('Beispiel: /cop checkin add "Wochen-Check-in" weekly fri 14:00');
    expect(count(h, "checkins")).toBe(0);
    h.close();
  });
});

describe("meeting commands: managing a series", () => {
  it("pause, resume, skip, edit, delete change what gets sent", async () => {
    const h = await started();
    await h.send('/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 15m');
    const paused = await h.send("/cop meeting pause 1", ":clock 2027-03-01T10:00");
    expect(paused.join("\n")).toContain("#1 „CoP-Treffen“ ist pausiert.");
    expect(paused.join("\n")).not.toContain("Beginnt in");
    const resumed = await h.send(
      "/cop meeting resume 1",
      "/cop meeting skip 1 2027-03-08",
      ":clock 2027-03-15T09:45",
    );
    expect(resumed.join("\n")).toContain("„CoP-Treffen“ am Mo, 08.03.2027, 10:00 fällt aus.");
    expect(resumed.filter((l) => l.includes("Beginnt in"))).toEqual([expect.stringContaining("15.03.2027")]);
    const skipBad = await h.send("/cop meeting skip 1 2027-03-16", "/cop meeting skip 1 2027-03-01");
    expect(skipBad[1]).toContain("Am 2027-03-16 findet „CoP-Treffen“ nicht statt.");
    expect(skipBad[3]).toContain("Das Datum 2027-03-01 liegt in der Vergangenheit");
    const edited = await h.send(
      '/cop meeting edit 1 weekly tue 09:30 title "Jour fixe"',
      ":clock 2027-03-23T09:15",
    );
    expect(edited.join("\n")).toContain("#1 „Jour fixe“ ist geändert: jeden Dienstag, 09:30 (Europe/Berlin)");
    expect(edited.filter((l) => l.includes("Beginnt in"))).toEqual([
      expect.stringContaining("Beginnt in 15 Minuten: *Di, 16.03.2027, 09:30–10:30*"),
      expect.stringContaining("Beginnt in 15 Minuten: *Di, 23.03.2027, 09:30–10:30*"),
    ]);
    const list = await h.send("/cop meeting list");
    expect(list.join("\n")).toContain(
      "*#1 Jour fixe* · jeden Dienstag, 09:30 (Europe/Berlin) · #allgemein · nächster Termin: Di, 23.03.2027, 09:30",
    );
    const deleted = await h.send("/cop meeting delete 1", ":clock 2027-04-30T00:00", "/cop meeting list");
    expect(deleted.filter((l) => l.includes("Beginnt in"))).toEqual([]);
    expect(deleted.at(-1)).toContain("Es gibt noch keine Termine.");
    h.close();
  });

  it("skipping a date that was already announced posts a cancellation in the channel", async () => {
    const h = await started();
    await h.send('/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 15m');
    const out = await h.send(
      ":clock 2027-03-01T09:45",
      "/cop meeting skip 1 2027-03-01",
      "/cop meeting skip 1 2027-03-08",
    );
    expect(out.filter((l) => l.includes("❌"))).toEqual([
      "[#allgemein] (m6) copbot: ❌ „CoP-Treffen“ am Mo, 01.03.2027, 10:00 fällt aus.",
    ]);
    h.close();
  });

  it("only moderators add; members may edit only their own series", async () => {
    const h = await started();
    const denied = await h.send(":as ben", '/cop meeting add "B" weekly mon 10:00 in #allgemein');
    expect(denied.at(-1)).toContain("Moderator");
    await h.send(
      ":as admin",
      "/cop mod add @ben",
      ":as ben",
      '/cop meeting add "Bens Runde" weekly mon 10:00 in #allgemein',
    );
    await h.send(
      ":as admin",
      "/cop mod remove @ben",
      '/cop meeting add "Admins Runde" weekly tue 10:00 in #allgemein',
    );
    const own = await h.send(
      ":as ben",
      "/cop meeting edit 1 duration 30m",
      "/cop meeting edit 2 duration 30m",
    );
    expect(own.join("\n")).toContain("#1 „Bens Runde“ ist geändert");
    expect(own.at(-1)).toContain("Nur Moderator:innen oder wer den Termin angelegt hat, dürfen ihn ändern.");
    h.close();
  });

  it("ics gives an RFC 5545 file with RRULE, EXDATE for holidays and a moved instance", async () => {
    const h = await started();
    await h.send(
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein holidays DE-BY move duration 90m',
    );
    await h.send("/cop meeting skip 1 2027-03-15");
    const out = (await h.send("/cop meeting ics 1")).join("\n");
    expect(out).toContain("[file cop-treffen.ics]");
    expect(out).toContain("BEGIN:VTIMEZONE");
    expect(out).toContain("DTSTART;TZID=Europe/Berlin:20270301T100000");
    expect(out).toContain("DTEND;TZID=Europe/Berlin:20270301T113000");
    expect(out).toContain("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;UNTIL=20280301T070000Z");
    expect(out).toContain("Die Datei deckt das nächste Jahr ab");
    expect(out).toContain("danach lade sie einfach neu mit /cop meeting ics 1.");
    expect(out).toContain("EXDATE;TZID=Europe/Berlin:20270315T100000");
    expect(out).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20270329T100000");
    expect(out).toContain("DTSTART;TZID=Europe/Berlin:20270330T100000");
    expect(out).toContain("DTSTAMP:20270301T070000Z");
    h.close();
  });
});
