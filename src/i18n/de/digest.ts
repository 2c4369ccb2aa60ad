/** German messages of the weekly digest (keys prefixed `digest.`). */
export const digest = {
  "digest.summary": "Wochenrückblick: Kanal, Wochentag und Uhrzeit festlegen, ausschalten oder vorab ansehen",
  "digest.usage": "digest in #Kanal [Wochentag] [HH:MM] · digest off · digest preview",
  "digest.example": "digest in #allgemein mon 09:00",
  "digest.err.args":
    "Das verstehe ich nicht. Schreib `digest in #Kanal [Wochentag] [HH:MM]`, `digest off` oder `digest preview`.",
  "digest.set": "Der Wochenrückblick kommt {rule} in",
  "digest.next": "Nächster Rückblick: {date}.",
  "digest.off": "Der Wochenrückblick ist ausgeschaltet.",
  "digest.preview.empty":
    "Für die letzten 7 Tage gäbe es nichts zu berichten – der Rückblick würde ausfallen.",
  "digest.preview.title": "So sähe der Rückblick jetzt aus:",
  "digest.title": "Wochenrückblick der Community",
  "digest.span": "{from} – {to}",
  "digest.late": "Etwas verspätet: copbot war eine Weile nicht erreichbar.",
  "digest.solved": "✅ Neu gelöst",
  "digest.open": "🙋 Offene Fragen – wer kann helfen?",
  "digest.open.topics": "Themen: {topics}",
  "digest.open.since": "seit {date}",
  "digest.open.more": "… und {n} weitere: `{prefix} qa open`",
  "digest.meetings": "📅 Treffen in den nächsten 7 Tagen",
  "digest.calls": "👥 Arbeitsgruppen suchen Mitstreiter:innen",
  "digest.calls.seats": "{seated} von {max} Plätzen · mitmachen: `{prefix} group join {id}`",
  "digest.results": "🎉 Ergebnisse",
} as const;
