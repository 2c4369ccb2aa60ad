import { startConsole, type ConsoleHarness } from "../../support/console-harness";
import { refOf, text } from "../console-lines";

/** #19.10/#19.11 through the console: odd input is refused, named and explained. */
describe("odd input", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
    await h.send("/cop qa channel add #fragen");
  });
  afterAll(() => h.close());

  it.each([
    ["<!channel>", "„<!channel>“ ist eine Erwähnung, kein Thema."],
    ["@here", "„@here“ ist eine Erwähnung, kein Thema."],
    ["Cloud☁️", "„Cloud☁️“ enthält das Emoji ☁️."],
    ["🚀", "„🚀“ enthält das Emoji 🚀."],
    ["---", "„---“ ist kein Thema: Ein Thema braucht Buchstaben oder Ziffern."],
  ])("refuses %s as a topic, naming it", async (topic, problem) => {
    const out = text(await h.send(":as anna", ":in #allgemein", `/cop expert add E-Akte ${topic}`));
    expect(out).toContain(problem);
    expect(out).not.toContain("Du bist jetzt Expert:in");
  });

  it.each(["meeting", "group", "qa", "expert"])(
    "lists the %s commands when only the family is named",
    async (family) => {
      const out = text(await h.send(`/cop ${family}`));
      expect(out).toContain(`Zu „${family}“ gibt es diese Befehle:`);
      expect(out).toContain(`• \`/cop ${family} `);
      expect(out).not.toContain("kenne ich nicht");
    },
  );

  it("says an empty meeting title is empty, not a bad recurrence", async () => {
    const out = text(await h.send(":as admin", '/cop meeting add "" weekly mon 10:00 in #allgemein'));
    expect(out).toContain("Der Titel ist leer");
    expect(out).not.toContain("ist angelegt");
  });

  it("escalates a question nobody is expert for without speaking of 'further' experts", async () => {
    const asked = await h.send(":as ben", ":in #fragen", "Wer kennt sich mit Friedhofsverwaltung aus?");
    expect(text(asked)).toContain("kenne ich noch keine Expert:innen");
    const later = text(await h.send(":clock 2026-12-01T09:01"));
    expect(later).toContain("Noch keine Antwort – und für dieses Thema kenne ich noch keine Expert:innen.");
    expect(later).not.toContain("Weitere passende Expert:innen");
  });

  it("solves without an answer without a double period", async () => {
    const asked = await h.send(":as ben", ":in #fragen", "Wer hat eine Vorlage für die Friedhofssatzung?");
    const routing = refOf(asked, /copbot: /);
    const out = text(await h.send(":clock +1m", `:click ${routing} qa.solved`));
    expect(out).toContain("✅ Gelöst nach 1 Min. – ohne Antwort im Thread");
    expect(out).not.toContain("Min..");
  });
});
