/**
 * German messages of the date, time and recurrence parser (keys prefixed `dates.`). Every error
 * takes `{understood}` (a sentence naming what was read, or empty), `{value}` (what was not)
 * and `{example}` (a correct input, or the calling command's example line).
 */
export const dates = {
  "dates.understood": "Verstanden habe ich: {parts}. ",
  "dates.error.date":
    "{understood}„{value}“ verstehe ich nicht als Datum. Ich verstehe z. B. 7.1.2027, 07.01., 2027-01-07, 7. Januar, heute, morgen, übermorgen, Montag, nächsten Montag, in 3 Tagen. Beispiel: {example}",
  "dates.error.dateMissing":
    "{understood}Es fehlt das Datum, z. B. 7.1.2027, 07.01., morgen oder nächsten Montag. Beispiel: {example}",
  "dates.error.weekdayMismatch":
    "{understood}„{value}“ passt nicht zusammen: Wochentag und Datum widersprechen sich. Beispiel: {example}",
  "dates.error.past":
    "{understood}Das Datum {value} liegt in der Vergangenheit. Nimm heute oder ein späteres Datum. Beispiel: {example}",
  "dates.error.time":
    "{understood}„{value}“ ist keine gültige Uhrzeit (00:00 bis 23:59; z. B. 10 Uhr, 10:30, 10.30 Uhr). Beispiel: {example}",
  "dates.error.timeMissing":
    "{understood}Es fehlt die Uhrzeit, z. B. 10 Uhr, 10:30 oder 10.30 Uhr. Beispiel: {example}",
  "dates.error.weekday":
    "{understood}„{value}“ ist kein Wochentag (Montag bis Sonntag, kurz Mo bis So). Beispiel: {example}",
  "dates.error.weekdayMissing":
    "{understood}Es fehlt der Wochentag, z. B. Montag oder Mo. Beispiel: {example}",
  "dates.error.interval":
    "{understood}„{value}“ verstehe ich nicht: Schreib die Zahl der Wochen als Ziffer (1 bis 52), z. B. alle 2 Wochen Montag 10 Uhr oder jeden zweiten Montag 10 Uhr. Beispiel: {example}",
  "dates.error.monthDay": "{understood}„{value}“ ist kein Tag im Monat (1 bis 31). Beispiel: {example}",
  "dates.error.ordinal":
    "{understood}„{value}“ verstehe ich nicht: ersten, zweiten, dritten, vierten, letzten oder ein Tag (1–31), z. B. monatlich am ersten Dienstag 10 Uhr oder monatlich am 15. 10 Uhr. Beispiel: {example}",
  "dates.error.ordinalMissing":
    "{understood}Es fehlt, wann im Monat: z. B. monatlich am ersten Dienstag 10 Uhr oder monatlich am 15. 10 Uhr. Beispiel: {example}",
  "dates.error.recurrence":
    "{understood}„{value}“ ist keine Wiederholung. Ich verstehe z. B. jeden Montag 10 Uhr, alle 2 Wochen Di 9:30, jeden zweiten Montag 10 Uhr, monatlich am ersten Dienstag 10 Uhr, monatlich am 15. 10 Uhr, werktags 9 Uhr, Mo und Do 14 Uhr oder cron. Beispiel: {example}",
  "dates.error.combination":
    "{understood}„{value}“ kann ich so nicht planen: Mehrere Wochentage gibt es nur jede Woche (z. B. Mo und Do 10 Uhr), ein Rhythmus von mehreren Wochen oder Monaten nur an einem Wochentag. Beispiel: {example}",
  "dates.error.cron":
    '„{value}“ ist kein gültiger Cron-Ausdruck (5 Felder: Minute Stunde Tag Monat Wochentag, z. B. cron "0 10 * * 1"). Beispiel: {example}',
  "dates.error.cronFrequent":
    '„{value}“ würde mehrmals am Tag auslösen. Termine und Check-ins gibt es höchstens einmal am Tag, z. B. cron "0 10 * * 1-5" (werktags 10:00). Beispiel: {example}',
  "dates.example.date": "7.1.2027",
  "dates.example.time": "10 Uhr",
  "dates.example.recurrence": "jeden Montag 10 Uhr",
  "dates.part.weekly": "jeden {day}",
  "dates.part.everyWeeks": "alle {n} Wochen",
  "dates.part.and": "und",
  "dates.part.workdays": "werktags (Mo–Fr)",
  "dates.part.monthly": "monatlich",
  "dates.part.nth": "am {nth} {day}",
  "dates.part.monthDay": "am {day}.",
  "dates.part.time": "um {time}",
  "dates.nth.1": "ersten",
  "dates.nth.2": "zweiten",
  "dates.nth.3": "dritten",
  "dates.nth.4": "vierten",
  "dates.nth.last": "letzten",
} as const;
