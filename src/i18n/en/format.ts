import type { format as de } from "../de/format";

/** English words of the format module; must have exactly the German keys. */
export const format = {
  "format.lead.day.one": "{n} day",
  "format.lead.day.other": "{n} days",
  "format.lead.hour.one": "{n} hour",
  "format.lead.hour.other": "{n} hours",
  "format.lead.minute.one": "{n} minute",
  "format.lead.minute.other": "{n} minutes",
  "format.span.day.one": "{n} day",
  "format.span.day.other": "{n} days",
  "format.span.hour.one": "{n} hour",
  "format.span.hour.other": "{n} hours",
  "format.span.minute.one": "{n} minute",
  "format.span.minute.other": "{n} minutes",
  "format.and": "{a} and {b}",
  "format.short.day": "{n} d",
  "format.short.hour": "{n} h",
  "format.short.minute": "{n} min",
} as const satisfies Record<keyof typeof de, string>;
