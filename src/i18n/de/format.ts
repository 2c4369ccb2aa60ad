/** German words of the format module (keys prefixed `format.`). */
export const format = {
  "format.lead.day.one": "{n} Tag",
  "format.lead.day.other": "{n} Tagen",
  "format.lead.hour.one": "{n} Stunde",
  "format.lead.hour.other": "{n} Stunden",
  "format.lead.minute.one": "{n} Minute",
  "format.lead.minute.other": "{n} Minuten",
  "format.span.day.one": "{n} Tag",
  "format.span.day.other": "{n} Tage",
  "format.span.hour.one": "{n} Stunde",
  "format.span.hour.other": "{n} Stunden",
  "format.span.minute.one": "{n} Minute",
  "format.span.minute.other": "{n} Minuten",
  "format.and": "{a} und {b}",
  "format.short.day": "{n} Tg.",
  "format.short.hour": "{n} Std.",
  "format.short.minute": "{n} Min.",
} as const;
