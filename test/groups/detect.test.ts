import { looksLikeGroupProposal } from "../../src/groups/detect";

describe("looksLikeGroupProposal", () => {
  it.each([
    "Lasst uns einen Leitfaden zur E-Akte-Migration erarbeiten!",
    "Lass uns gemeinsam eine Checkliste für die Barrierefreiheit von Formularen schreiben",
    "Wer hat Lust, gemeinsam ein Positionspapier zu Open Source in der Verwaltung zu verfassen?",
    "Wer hat Lust, zusammen Musterprozesse für die Aktenaussonderung zu entwickeln?",
    "Sollten wir nicht eine Vorlage für Datenschutz-Folgenabschätzungen erstellen?",
    "Wollen wir gemeinsam ein Konzept für hybride Sitzungen erarbeiten?",
    "We should write a guide for migrating legacy files.",
    "Let's draft a position paper on open source procurement together",
    "Anyone up for creating a checklist for accessible PDFs?",
    "Who wants to put together a template for data protection impact assessments jointly?",
  ])("offers a group for: %s", (text) => {
    expect(looksLikeGroupProposal(text)).toBe(true);
  });

  it.each([
    "Hat jemand einen Leitfaden zur E-Akte-Migration?",
    "Gibt es eine Checkliste für barrierefreie PDFs?",
    "Wie migriert ihr Altakten in die E-Akte?",
    "Wer hat Lust auf Kaffee nach dem Treffen?",
    "Lass uns morgen Mittag essen gehen",
    "Lasst uns die Vorlage morgen besprechen.",
    "Ich habe einen Leitfaden geschrieben, schaut mal rein",
    "Guten Morgen zusammen!",
    "Does anyone have a template for this?",
    "Is there a guide for the new e-file system?",
    "Let's meet at 10.",
    "Thanks, we should talk again soon!",
  ])("stays quiet for: %s", (text) => {
    expect(looksLikeGroupProposal(text)).toBe(false);
  });
});
