import { startConsole, type ConsoleHarness } from "../../support/console-harness";
import { refOf, text } from "../console-lines";

/**
 * The "done when" story of #19 as members live it in the console: a compound-word question
 * reaches the right expert, ✅ on copbot's reply solves it, two answers are accepted, a
 * follower hears once, taking the ✅ back opens the question again, escalation skips the
 * Easter holidays, and the meeting's Easter Monday date is announced as cancelled before.
 */
describe("#19 console story: Q&A and meetings as people use them", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole({ start: "2027-03-22T09:00:00+01:00", env: { COPBOT_HOLIDAY_REGION: "DE-BY" } });
    await h.send("/cop qa channel add #fragen", ":as anna", "/cop expert add Dokumentenmanagement");
  });
  afterAll(() => h.close());

  it("routes, solves with ✅ on copbot's reply, accepts two answers, tells the follower once, reopens", async () => {
    const asked = await h.send(
      ":as ben",
      ":in #fragen",
      "Welches Dokumentenmanagementsystem nutzt ihr für Bauakten?",
    );
    const question = refOf(asked, /ben: Welches Dokumentenmanagementsystem/);
    const reply = refOf(asked, /copbot: Ich frage mal nach/);
    expect(text(asked)).toContain("@anna – *Dokumentenmanagement* · noch keine gelösten Fragen");

    expect(text(await h.send(":as dora", `:react ${question} 👀`))).toContain("Du folgst Frage #1.");
    await h.send(":as anna", `:reply ${question} Wir nutzen enaio mit einem Bauakten-Aktenplan.`);
    const solved = text(await h.send(":as ben", `:react ${reply} ✅`));
    expect(solved).toMatch(/✅ Gelöst nach \d+ Min\. – danke @anna!/);
    expect(solved).toContain("[dm dora]");
    expect(solved).toContain("@anna: Wir nutzen enaio mit einem Bauakten-Aktenplan.");

    const carla = refOf(
      await h.send(":as carla", `:reply ${question} Bei uns d.velop, mit XBau-Schnittstelle.`),
      /carla: Bei uns/,
    );
    expect(text(await h.send(":as ben", `:react ${carla} ✅`))).toContain(
      "Auch diese Antwort hat geholfen – danke @carla!",
    );
    const found = text(await h.send("/cop search Dokumentenmanagementsystem"));
    expect(found).toContain("enaio");
    expect(found).toContain("d.velop");

    const reopened = text(await h.send(`:unreact ${reply} ✅`));
    expect(reopened).toContain("Frage #1 ist wieder offen.");
    expect(text(await h.send(":as admin", "/cop qa open"))).toContain("Welches Dokumentenmanagementsystem");
    // Solved again: the follower is not told twice.
    await h.send(":as ben", `:react ${reply} ✅`);
    expect(h.transcript.filter((l) => l.startsWith("[dm dora]") && l.includes("der du folgst"))).toHaveLength(
      1,
    );
  });

  it("announces the Easter Monday meeting as cancelled and escalates past the Easter holidays", async () => {
    await h.send(
      ":as admin",
      ":in #allgemein",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein holidays DE-BY',
    );
    // Good Friday is a public holiday too: the last working day before Easter Monday is Thursday.
    const thursday = text(await h.send(":clock 2027-03-25T10:00"));
    expect(thursday).toContain("📅 „CoP-Treffen“ am Mo, 29.03.2027, 10:00 entfällt (Ostermontag).");
    expect(thursday).toContain("Nächster Termin: Mo, 05.04.2027, 10:00");

    await h.send(
      ":clock 2027-03-25T15:00",
      ":as anna",
      "/cop expert add Bauakten",
      ":as emil",
      "/cop expert add Bauakten",
    );
    const asked = await h.send(
      ":as ben",
      ":in #fragen",
      "Wie lange bewahrt ihr Bauakten nach Abschluss auf?",
    );
    const question = refOf(asked, /ben: Wie lange/);
    // Thursday 15:00 + 24 working hours, without Good Friday, the weekend and Easter Monday.
    expect(text(await h.send(":clock 2027-03-29T15:01"))).not.toContain(`[#fragen › ${question}]`);
    expect(text(await h.send(":clock 2027-03-30T15:01"))).toContain(`[#fragen › ${question}]`);
  });
});
