import { DateTime } from "luxon";
import type { Lang, Translate } from "../i18n";
import { resolveLocal, type LocalDateTime } from "./local-time";

/** `Mo., 29.03.2027, 10:00` / `Mon, 03/29/2027, 10:00` in the series' zone. */
export function formatLocal(local: LocalDateTime, zone: string, lang: Lang): string {
  return resolveLocal(local, zone)
    .setLocale(lang)
    .toFormat(lang === "de" ? "ccc, dd.MM.yyyy, HH:mm" : "ccc, yyyy-MM-dd, HH:mm");
}

/** The wall-clock end time (`11:30`) of an occurrence lasting `minutes`. */
export function formatEnd(local: LocalDateTime, zone: string, minutes: number): string {
  return resolveLocal(local, zone).plus({ minutes }).toFormat("HH:mm");
}

/** An instant in `zone`, e.g. for deadlines. */
export function formatInstant(at: Date, zone: string, lang: Lang): string {
  return DateTime.fromJSDate(at, { zone })
    .setLocale(lang)
    .toFormat(lang === "de" ? "ccc, dd.MM.yyyy, HH:mm" : "ccc, yyyy-MM-dd, HH:mm");
}

/** A lead time in words: `1 Tag`, `2 Stunden`, `15 Minuten`. */
export function formatLead(t: Translate, minutes: number): string {
  if (minutes % 1440 === 0)
    return t(minutes === 1440 ? "meeting.lead.day" : "meeting.lead.days", { n: minutes / 1440 });
  if (minutes % 60 === 0)
    return t(minutes === 60 ? "meeting.lead.hour" : "meeting.lead.hours", { n: minutes / 60 });
  return t(minutes === 1 ? "meeting.lead.minute" : "meeting.lead.minutes", { n: minutes });
}

/** Lead times as typed in the grammar (`1d,15m`), for lists and edit hints. */
export function formatLeadsShort(minutes: readonly number[]): string {
  return minutes
    .map((m) => (m % 1440 === 0 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`))
    .join(",");
}
