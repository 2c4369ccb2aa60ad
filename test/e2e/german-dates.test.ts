import { startConsole } from "../support/console-harness";

/** Issue 11's story: every command reads the same German dates, times and recurrences. */
describe("German dates in the console", () => {
  it("adds a meeting `jeden Montag 10 Uhr`, skips `7.6.2027` and is away until `nächsten Montag`", async () => {
    // Tuesday 1 June 2027, 09:00 in Berlin.
    const h = await startConsole({ start: "2027-06-01T09:00:00+02:00" });
    await h.send(":in #allgemein", "Moin");
    const added = await h.send('/cop meeting add "X" jeden Montag 10 Uhr in #allgemein', "/cop meeting list");
    expect(added[1]).toContain("Termin #1 „X“ ist angelegt.");
    expect(added.join("\n")).toContain("*#1 X* · jeden Montag, 10:00 (Europe/Berlin) · #allgemein");
    const skipped = await h.send("/cop meeting skip 1 7.6.2027");
    expect(skipped[1]).toContain("„X“ am Mo, 07.06.2027, 10:00 fällt aus.");
    const back = await h.send("/cop away until nächsten Montag");
    expect(back[1]).toContain("Gute Zeit! Bis 07.06.2027 frage ich dich nicht.");

    const meeting = h.app.db.prepare("SELECT schedule FROM meetings WHERE id = 1").get() as {
      schedule: string;
    };
    expect(JSON.parse(meeting.schedule)).toMatchObject({
      recurrence: { kind: "weekly", weekday: "mon", interval: 1, time: "10:00" },
      zone: "Europe/Berlin",
    });
    expect(h.app.db.prepare("SELECT local_date FROM meeting_skips").all()).toEqual([
      { local_date: "2027-06-07" },
    ]);
    const away = h.app.db.prepare("SELECT away_until FROM qa_expert_settings").get() as {
      away_until: number;
    };
    expect(new Date(away.away_until).toISOString()).toBe("2027-06-06T22:00:00.000Z");
    h.close();
  });

  it("edits a rule in part, reads quiet hours and several weekdays in words", async () => {
    const h = await startConsole({ start: "2027-06-01T09:00:00+02:00" });
    await h.send(":in #allgemein", "Moin", '/cop meeting add "X" jeden Montag 10 Uhr in #allgemein');
    const edited = await h.send("/cop meeting edit 1 um 11 Uhr", "/cop meeting edit 1 alle 2 Wochen");
    expect(edited[1]).toContain("#1 „X“ ist geändert: jeden Montag, 11:00 (Europe/Berlin)");
    expect(edited[3]).toContain("#1 „X“ ist geändert: alle 2 Wochen am Montag, 11:00 (Europe/Berlin)");
    const workdays = await h.send('/cop meeting add "Y" werktags 9 Uhr in #allgemein');
    // 09:00 today has just passed: Wednesday to Friday follow.
    expect(workdays.join("\n")).toMatch(
      /Mi, 02\.06\.2027, 09:00\n.*Do, 03\.06\.2027, 09:00\n.*Fr, 04\.06\.2027, 09:00/,
    );
    const list = await h.send('/cop meeting add "Z" Mo und Do 14 Uhr in #allgemein', "/cop meeting list");
    expect(list.join("\n")).toContain("*#2 Y* · werktags (Mo–Fr), 09:00 (Europe/Berlin)");
    expect(list.join("\n")).toContain("*#3 Z* · jeden Montag und Donnerstag, 14:00 (Europe/Berlin)");
    const quiet = await h.send("/cop expert quiet 18 Uhr bis 8 Uhr", "/cop expert quiet 6pm-8am");
    expect(quiet[1]).toContain("Ruhezeit gespeichert: 18:00–08:00 Uhr.");
    expect(quiet[3]).toContain("Ruhezeit gespeichert: 18:00–08:00 Uhr.");
    const wrong = await h.send('/cop meeting add "W" jeden Montag 25 Uhr in #allgemein');
    expect(wrong[1]).toContain(
      "Verstanden habe ich: jeden Montag. „25 Uhr“ ist keine gültige Uhrzeit (00:00 bis 23:59). Beispiel: /cop meeting add",
    );
    h.close();
  });
});
