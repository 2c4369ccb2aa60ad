import { context, divider, header, section } from "../../support/slack-blocks";

/**
 * Anna's App Home once the Slack story has run its first three steps: she is the E-Akte expert
 * who answered Ben's question, facilitates the running group #1 and sees the weekly meeting.
 */
export const ANNAS_HOME = [
  header("Deine Übersicht"),
  context("Hallo <@U0ANNA>! Hier siehst du, was in der Community gerade für dich ansteht."),
  divider,
  // Ben asked the question and Anna answered it: nothing of hers is open.
  section("*Meine offenen Fragen*"),
  context("Du hast gerade keine offenen Fragen."),
  section("Meine Themen als Expert:in: E-Akte"),
  section("Erreichbarkeit: ich darf dich markieren"),
  context("Gelöste Fragen durchsuchen: `/cop search &lt;Wörter&gt;`"),
  divider,
  section("*Meine Arbeitsgruppen*"),
  section("• *#1 Leitfaden E-Akte-Migration* · läuft · fällig am 25.01.2027 · <#GNEWGROUP1>"),
  context("Alle Gruppen und eine eigene vorschlagen: `/cop group list` · `/cop group propose`"),
  divider,
  section("*Nächste Termine*"),
  section(
    "• Mo, 30.11.2026, 10:00 · *CoP-Treffen* · <#C0TREFFEN>\n• Mo, 07.12.2026, 10:00 · *CoP-Treffen* · <#C0TREFFEN>",
  ),
  context("Alle Termine und Kalenderdatei: `/cop meeting list` · `/cop meeting ics &lt;nr&gt;`"),
  divider,
  section("*Meine Einstellungen*"),
  section(
    [
      "• Sprache: Deutsch · `/cop lang en`",
      '• Profil: anna (noch keine Kurzbeschreibung) · `/cop profile name|org|bio "…"`',
      "• Expert:in: höchstens 3 Anfragen pro Woche · `/cop expert cap &lt;Anzahl&gt;`",
      "• Ruhezeit: keine · `/cop expert quiet &lt;HH:MM-HH:MM&gt;|off`",
      "• Abwesend: nein · `/cop away until &lt;Datum&gt;`",
      "• Anfragen: an · `/cop expert pause`",
      "• Einladungen zu passenden Arbeitsgruppen: aus · `/cop group invitations on`",
      "• Kontakte knüpfen: nicht dabei · `/cop intros join`",
    ].join("\n"),
  ),
];
