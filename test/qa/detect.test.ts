import { isQuestion } from "../../src/qa/detect";

describe("isQuestion", () => {
  it.each([
    "Wie migriert ihr Altakten in die E-Akte?",
    "Hat jemand Erfahrung mit der OZG-Umsetzung in kleinen Kommunen?",
    "Kennt jemand ein gutes Tool für Barrierefreiheitsprüfungen",
    "Gibt es eine Vorlage für den Datenschutz-Check?",
    "Hallo zusammen, welche Software nutzt ihr für die Aktenablage?",
    "Moin! Weiß jemand, wann die neue XRechnung-Version kommt?",
    "Wer ist bei euch für die Einführung von E-Rechnungen zuständig?",
    "How do you handle records retention in SharePoint?",
    "Does anyone have a template for a data protection impact assessment?",
    "What is the best way to migrate legacy files?",
    "Is there a guide for accessible PDFs",
    "Wir planen die Umstellung. Habt ihr Tipps für die Schulung der Kolleginnen?",
    "Gibt es schon Erfahrungen mit der neuen Vergabeplattform",
    "Kann mir jemand den Antrag auf Fördermittel erklären",
    "Has anyone migrated from Lotus Notes to something else",
    // Short questions (#19.7): a question mark after a word that carries meaning.
    "OZG-Reifegrad?",
    "XRechnung 3.0?",
    "Hallo zusammen, Nextcloud-Erfahrungen?",
    "Barrierefreiheit PDF?",
  ])("tracks %s", (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each([
    "Hallo zusammen!",
    "Guten Morgen",
    "Danke!",
    "Vielen Dank für die Hilfe, das hat geklappt.",
    "Wie geht's euch?",
    "Wie geht es euch allen heute?",
    "Alles klar?",
    "Echt?",
    "How are you all?",
    "What's up?",
    "Good morning everyone",
    "Was für ein schöner Tag heute!",
    "Ich habe die Folien hochgeladen.",
    "",
    "   ",
    "ok?",
    "@anna kannst du?",
    "https://example.org/faq?x=1 ist der Link",
    // Statements that open with a W-word: without "?" only explicit openers count.
    "Wie gesagt, das klappt so nicht.",
    "Was ich noch sagen wollte: morgen fällt aus.",
    "Wer zuerst kommt, bekommt den Raum mit Beamer.",
    "Wann immer ihr Zeit habt, schaut bitte in das Dokument.",
    "Warum dauert die Freigabe im DMS so lange",
    "How we did it: first the pilot, then the rollout.",
    "Und?",
    "Na?",
    "Sicher?",
    "Warum?",
    "Kaffee?",
    "Mittagessen?",
    "Und jetzt?",
    "??",
  ])("ignores %p", (text) => {
    expect(isQuestion(text)).toBe(false);
  });
});
