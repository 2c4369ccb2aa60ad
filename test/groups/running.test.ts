import type { ConsoleHarness } from "../support/console-harness";
import { copbot, EVERYONE, groupSessionForEachTest, startWithThree } from "../support/groups-fixtures";

describe("working groups: running and closing", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(EVERYONE, (s) => (h = s));
  beforeEach(() => startWithThree(h));

  it("lists running groups in the meeting agenda without their status, which stays in the group", async () => {
    await h.send("/cop group status Entwurf der Checkliste steht");
    const agenda = h.app.bot.services
      .agenda("de")
      .map((line) => line.map((i) => (typeof i === "string" ? i : "bold" in i ? i.bold : "")).join(""));
    expect(agenda).toContain("Checkliste PDF · fällig am 25.01.2027");
    expect(agenda.join("\n")).not.toContain("Entwurf der Checkliste steht");
  });

  it("posts the weekly status summary in the space without a join button: every member takes part", async () => {
    // The first round comes after a full working week (the group started on Monday 30.11.).
    await h.send(
      ":clock 2026-12-07T10:05",
      ":as ben",
      ":in dm",
      "Tags geprüft",
      "Lesereihenfolge",
      "Wer prüft PDF/UA?",
    );
    const summary = await h.send(":clock 2026-12-07T14:05");
    expect(summary.join("\n")).toMatch(
      /\[#ag-1-checkliste-pdf\] \(m\d+\) copbot: \*📝 Status: Checkliste PDF · Mo, 07\.12\.2026, 10:00\*/,
    );
    expect(summary).toContain("    [button checkin.ask: Als Frage stellen (ben)]");
    expect(summary.join("\n")).not.toContain("[button checkin.join");
  });

  it("reminds before the due date, and the reminders follow an extension", async () => {
    expect(copbot(await h.send("/cop group extend 2027-02-08"))).toContain(
      "Bitte nenn eine kurze Begründung",
    );
    expect(copbot(await h.send("/cop group extend 2026-11-01 zu spät"))).toContain(
      "liegt in der Vergangenheit",
    );
    expect(copbot(await h.send("/cop group extend 2027-01-20 früher"))).toContain(
      "Das neue Datum muss nach der bisherigen Fälligkeit (25.01.2027) liegen.",
    );
    expect(copbot(await h.send(":as ben", "/cop group extend 2027-02-08 mehr Zeit"))).toContain(
      "Das dürfen nur die Moderation",
    );
    const extended = await h.send(
      ":as anna",
      "/cop group extend 2027-02-08 Abstimmung mit dem Datenschutz dauert länger",
    );
    expect(copbot(extended)).toContain(
      "Die Fälligkeit von „Checkliste PDF“ ist jetzt der 08.02.2027. Begründung: Abstimmung mit dem Datenschutz dauert länger",
    );
    const oldDates = await h.send(":clock 2027-01-25T12:00");
    expect(oldDates.some((l) => l.includes("Erinnerung: „Checkliste PDF“"))).toBe(false);
    const week = await h.send(":clock 2027-02-01T09:30");
    expect(copbot(week)).toContain("Erinnerung: „Checkliste PDF“ ist in 7 Tagen fällig (08.02.2027).");
    // 08.02.2027 is a Monday: "1 day before" goes out on Friday, not on Sunday (#19.9).
    const friday = await h.send(":clock 2027-02-05T09:30");
    expect(copbot(friday)).toContain("Erinnerung: „Checkliste PDF“ ist in 3 Tagen fällig (08.02.2027).");
    expect(copbot(await h.send(":clock 2027-02-07T09:30"))).not.toContain("Erinnerung");
  });

  it("explains bad input for status, time, milestones and closing", async () => {
    expect(copbot(await h.send(":as dora", "/cop group status #1 hallo"))).toContain(
      "Du bist nicht Mitglied von #1 „Checkliste PDF“.",
    );
    expect(copbot(await h.send("/cop group time #1 2h"))).toContain("Du bist nicht Mitglied");
    expect(copbot(await h.send(":as ben", "/cop group time zwei Stunden"))).toContain(
      "„zwei“ verstehe ich nicht als Zeit",
    );
    expect(copbot(await h.send("/cop group time #9 2h"))).toContain("Eine Arbeitsgruppe #9 gibt es nicht");
    await h.send(":as anna");
    expect(copbot(await h.send("/cop group milestone add 2026-11-01 Alt"))).toContain(
      "liegt in der Vergangenheit",
    );
    expect(copbot(await h.send("/cop group milestone add 2027-03-01 Spät"))).toContain(
      "nach der Fälligkeit der Gruppe (25.01.2027)",
    );
    expect(copbot(await h.send("/cop group milestone add demnächst Etwas"))).toContain(
      "So geht’s: /cop group milestone add",
    );
    await h.send("/cop group milestone add 2026-12-10 Entwurf");
    expect(copbot(await h.send("/cop group milestone done 1"))).toContain("Meilenstein „Entwurf“ erledigt");
    expect(copbot(await h.send("/cop group milestone done #1"))).toContain("„Entwurf“ ist schon erledigt.");
    expect(copbot(await h.send("/cop group milestone done #1 7"))).toContain(
      "Den Meilenstein „7“ finde ich nicht",
    );
    expect(copbot(await h.send("/cop group milestone list"))).toContain("✓ #1 10.12.2026 – Entwurf");
    expect(copbot(await h.send("/cop group close"))).toContain(
      "Zum Abschließen brauche ich einen Link zum Ergebnis",
    );
    expect(copbot(await h.send("/cop group close wiki/checkliste fertig"))).toContain(
      "„wiki/checkliste“ ist kein Link, den alle öffnen können – ein Ergebnis-Link beginnt mit https:// oder http://",
    );
    expect(copbot(await h.send(":as ben", "/cop group close https://wiki.example.org/x"))).toContain(
      "Das dürfen nur die Moderation",
    );
    expect(
      copbot(await h.send(":as anna", "/cop group close https://wiki.example.org/checkliste")),
    ).toContain("ist abgeschlossen – danke für eure Arbeit!");
    expect(copbot(await h.send(":as dora", "/cop group join 1"))).toContain(
      "#1 „Checkliste PDF“ ist bereits abgeschlossen.",
    );
    expect(
      copbot(await h.send(":as anna", "/cop group close #1 https://wiki.example.org/checkliste")),
    ).toContain("ist bereits abgeschlossen");
    expect(copbot(await h.send(":as dora", "/cop group confirmation 1"))).toContain(
      "Du warst bei „Checkliste PDF“ nicht dabei",
    );
    const confirmation = await h.send(":as carla", "/cop group confirmation 1");
    expect(confirmation.join("\n")).toContain("[file teilnahmebestaetigung-gruppe-1.md]");
  });
});
