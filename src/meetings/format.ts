import { DateTime } from "luxon";
import type { Lang, Translate } from "../i18n";
import { resolveLocal, type LocalDateTime } from "../schedule/local-time";

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

type Unit = "day" | "hour" | "minute";

const LEAD_ONE = {
  day: "meeting.lead.day",
  hour: "meeting.lead.hour",
  minute: "meeting.lead.minute",
} as const;
const LEAD_MANY = {
  day: "meeting.lead.days",
  hour: "meeting.lead.hours",
  minute: "meeting.lead.minutes",
} as const;
const SPAN_MANY = {
  day: "meeting.span.days",
  hour: "meeting.lead.hours",
  minute: "meeting.lead.minutes",
} as const;

/**
 * A time span after "in" (German dative): `1 Tag`, `2 Stunden und 5 Minuten`, `3 Tagen und
 * 2 Stunden`. Spans of a day or more leave out the minutes.
 */
export function formatLead(t: Translate, minutes: number): string {
  return spanParts(minutes)
    .map(([unit, n]) => t((n === 1 ? LEAD_ONE : LEAD_MANY)[unit], { n }))
    .reduce((a, b) => t("meeting.lead.and", { a, b }));
}

/** A duration (German accusative, "… lang"): `4 Stunden`, `2 Tage`. */
export function formatSpan(t: Translate, minutes: number): string {
  return spanParts(minutes)
    .map(([unit, n]) => t((n === 1 ? LEAD_ONE : SPAN_MANY)[unit], { n }))
    .reduce((a, b) => t("meeting.lead.and", { a, b }));
}

/** The two largest non-zero units of a span (at least one minute). */
function spanParts(total: number): [Unit, number][] {
  const minutes = Math.max(1, Math.round(total));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: [Unit, number][] =
    days > 0
      ? [
          ["day", days],
          ["hour", hours],
        ]
      : [
          ["hour", hours],
          ["minute", rest],
        ];
  const shown = parts.filter(([, n]) => n > 0);
  return shown.length > 0 ? shown : [["minute", minutes]];
}

/** Lead times as typed in the grammar (`1d,15m`), for lists and edit hints. */
export function formatLeadsShort(minutes: readonly number[]): string {
  return minutes
    .map((m) => (m % 1440 === 0 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`))
    .join(",");
}
