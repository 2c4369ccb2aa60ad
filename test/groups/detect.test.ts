import { looksLikeGroupProposal } from "../../src/groups/detect";

describe("looksLikeGroupProposal", () => {
  it.each([
    "Lasst uns einen Leitfaden zur E-Akte-Migration erarbeiten!",
    "Lass uns gemeinsam eine Checkliste für die Barrierefreiheit von Formularen schreiben",
    "Wer hat Lust, gemeinsam ein Positionspapier zu Open Source in der Verwaltung zu verfassen?",
    "Wer hat Lust, zusammen Musterprozesse für die Aktenaussonderung zu entwickeln?",
    "Sollten wir nicht eine Vorlage für Datenschutz-Folgenabschätzungen erstellen?",
    "Wollen wir gemeinsam ein Konzept für hybride Sitzungen erarbeiten?",
    "Habt ihr Lust, gemeinsam ein Positionspapier zu verfassen?",
    "Gibt es schon einen Leitfaden? Sonst lasst uns einen schreiben!",
    "Hätte jemand Lust, mit mir eine Checkliste für barrierefreie PDFs zu erstellen?",
    "Wer hätte Lust, zusammen eine Handreichung zu entwickeln?",
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
    "Wir haben gemeinsam einen Leitfaden geschrieben, der liegt im Wiki.",
    "Lasst uns gemeinsam Mittagessen gehen und über das Konzept reden",
    "Lasst uns eine kurze Mail an die Leitung schreiben.",
    "Does anyone have a template for this?",
    "Could someone share the template we developed together last year?",
    "Let's meet together next week to discuss the guide",
    "Is there a guide for the new e-file system?",
    "Let's meet at 10.",
    "Thanks, we should talk again soon!",
  ])("stays quiet for: %s", (text) => {
    expect(looksLikeGroupProposal(text)).toBe(false);
  });
});
