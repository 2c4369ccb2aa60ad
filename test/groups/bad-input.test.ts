import { de, en } from "../../src/i18n";
import type { ConsoleHarness } from "../support/console-harness";
import { copbot, groupSessionForEachTest, PROPOSAL_FIELDS } from "../support/groups-fixtures";

/** The standard proposal with `extra` instead of its due date. */
const propose = (extra = "due=2027-01-25") => `/cop group propose ${PROPOSAL_FIELDS} ${extra}`;

describe("working groups: messages that say what was wrong", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(["anna", "ben", "carla", "anna"], (s) => (h = s));

  const twoGroups = async () => {
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
    await h.send("/cop group confirm 1");
    await h.send(propose().replace("Checkliste PDF", "Zweite Gruppe"));
    await h.send(":as ben", "/cop group join 2", ":as carla", "/cop group join 2", ":as anna");
    await h.send("/cop group confirm 2");
  };

  it("names what is wrong in a one-line proposal", async () => {
    expect(
      copbot(await h.send(propose().replace('title="Checkliste PDF"', "title=x") + " due=2027-01-25")),
    ).toContain("Das Feld „due“ steht doppelt da (zuerst als „due“)");
    expect(copbot(await h.send(propose().replace('title="Checkliste PDF"', "title=x")))).toContain(
      "Der Titel „x“ ist zu kurz – nimm mindestens 3 Zeichen",
    );
    expect(copbot(await h.send(propose("due=2027-02-01 x=5")))).toContain("Das Feld „x“ kenne ich nicht.");
    expect(copbot(await h.send(propose("facilitator=@ghost")))).toContain("@ghost kenne ich nicht");
    expect(copbot(await h.send("/cop group list"))).toContain("Gerade gibt es keine");
  });

  it("fills in the limits when an extension lies in the past, and asks for a missing date", async () => {
    await twoGroups();
    const past = copbot(await h.send("/cop group extend 1 2026-11-01 weil"));
    expect(past).toContain(
      "Das Datum liegt in der Vergangenheit – wähl einen Tag nach der bisherigen Fälligkeit (25.01.2027), höchstens 12 Wochen ab heute.",
    );
    expect(past).not.toMatch(/\{\w+\}/);
    expect(copbot(await h.send("/cop group extend 1 2027-12-01 weil"))).toContain("Höchstens 12 Wochen");
    expect(copbot(await h.send("/cop group extend 1"))).toContain(
      "Nenn das neue Fälligkeitsdatum und eine Begründung",
    );
    expect(copbot(await h.send("/cop group extend 1 2027-02-08 Mehr Zeit"))).toContain(
      "Die Fälligkeit von „Checkliste PDF“ ist jetzt der 08.02.2027.",
    );
  });

  it("reads a bare group number before a link or a time, and takes intranet links", async () => {
    await twoGroups();
    expect(copbot(await h.send(":as ben", "/cop group time"))).toContain(
      "Wie viel Zeit möchtest du erfassen? Schreib z. B. /cop group time 2h",
    );
    expect(copbot(await h.send("/cop group time 1 2h"))).toContain("2:00 h für „Checkliste PDF“ erfasst.");
    expect(copbot(await h.send("/cop group time #2 1h Entwurf"))).toContain(
      "1:00 h für „Zweite Gruppe“ erfasst.",
    );
    expect(copbot(await h.send(":as anna", "/cop group close 1 wiki-leitfaden"))).toContain(
      "„wiki-leitfaden“ ist kein Link",
    );
    const closed = await h.send("/cop group close 1 https://wiki/leitfaden Fertig");
    expect(copbot(closed)).toContain("„Checkliste PDF“ ist abgeschlossen – danke für eure Arbeit!");
    expect(closed).toContain("[#ag-1-checkliste-pdf] 🗄");
  });

  it("takes time for two weeks after the close, and the confirmation includes it", async () => {
    await twoGroups();
    await h.send(":as ben", "/cop group time 1 2h", ":as anna", "/cop group close 1 https://wiki/leitfaden");
    await h.send(":clock +13d");
    expect(copbot(await h.send(":as ben", "/cop group time 1 1,5h letzte Woche"))).toContain(
      "1:30 h für „Checkliste PDF“ erfasst. Insgesamt: 3:30 h.",
    );
    const confirmation = await h.send("/cop group confirmation 1");
    expect(confirmation.join("\n")).toContain("3:30 h");
    await h.send(":clock +2d");
    expect(copbot(await h.send("/cop group time 1 1h"))).toContain(
      "„Checkliste PDF“ ist seit mehr als 14 Tagen abgeschlossen",
    );
  });
});

describe("working groups: offer text and language", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(["anna", "ben"], (s) => (h = s));

  it("offers the proposal's message as the default problem in the step-by-step dialog", async () => {
    const text =
      "Lasst uns gemeinsam eine Checkliste erarbeiten: barrierefreie PDF-Formulare scheitern in jeder Behörde an Tags und Lesereihenfolge.";
    const first = await h.send(text);
    const offer = /\((m\d+)\) copbot: Das klingt/.exec(first.join("\n"))?.[1] ?? "";
    await h.send(":as anna", `:click ${offer} group.offer`, ":in dm");
    const asked = await h.send("Checkliste PDF");
    expect(copbot(asked)).toContain(`Mit „-“ übernimmst du: ${text}`);
    await h.send("-", "Checkliste", "2027-01-25", "-", "-");
    const done = await h.send("ich");
    expect(copbot(done)).toContain(`*Praxisproblem:* ${text}`);
  });

  it("gives English users English examples and a clean usage line", async () => {
    await h.send("/cop lang en");
    const problems = copbot(await h.send("/cop group propose title=x"));
    expect(problems).toContain('/cop group propose title="E-file migration guide"');
    expect(problems).not.toContain("Leitfaden E-Akte");
    const help = copbot(await h.send("/cop help group propose"));
    expect(help).toContain('/cop group propose [title="…" problem="…"');
    expect(help).not.toMatch(/ {2}\|/);
  });

  it("keeps the modal title within Slack's 24 characters", () => {
    expect(de["group.form.title"].length).toBeLessThanOrEqual(24);
    expect(en["group.form.title"].length).toBeLessThanOrEqual(24);
  });
});
