import { DateTime } from "luxon";
import { translator, type Lang, type Translate } from ".";

/**
 * The one place where dates, times, durations and counts become text for people. Dates follow
 * the reader's language (German `07.12.2026`, English ISO `2026-12-07`); times are 24-hour.
 */

type When = Date | DateTime;

const inZone = (at: When, zone: string): DateTime =>
  at instanceof DateTime ? at.setZone(zone) : DateTime.fromJSDate(at, { zone });

/** A day and time with weekday: `Mo., 29.03.2027, 10:00` / `Mon, 2027-03-29, 10:00`. */
export function formatDateTime(at: When, zone: string, lang: Lang): string {
  return inZone(at, zone)
    .setLocale(lang)
    .toFormat(lang === "de" ? "ccc, dd.MM.yyyy, HH:mm" : "ccc, yyyy-MM-dd, HH:mm");
}

const DAY = { de: "dd.MM.yyyy", en: "yyyy-MM-dd" } as const;

/** The local day of an instant: `07.12.2026` / `2026-12-07`. */
export function formatDay(at: When, zone: string, lang: Lang): string {
  return inZone(at, zone).toFormat(DAY[lang]);
}

/** A calendar day given as an ISO date (`2027-02-15`): `15.02.2027` / `2027-02-15`. */
export function formatIsoDate(isoDate: string, lang: Lang): string {
  return DateTime.fromISO(isoDate).toFormat(DAY[lang]);
}

/** A short day and time for lists: `07.12. 09:30` / `Dec 7, 09:30`. */
export function formatShortDayTime(at: When, zone: string, lang: Lang): string {
  const local = inZone(at, zone);
  return lang === "de" ? local.toFormat("dd.MM. HH:mm") : local.setLocale("en").toFormat("LLL d, HH:mm");
}

/** A wall-clock time: `09:30`. */
export function formatTime(at: When, zone: string): string {
  return inZone(at, zone).toFormat("HH:mm");
}

/** A log stamp, the same in every language: `2026-12-07 09:30`. */
export function formatStamp(at: When, zone: string): string {
  return inZone(at, zone).toFormat("yyyy-MM-dd HH:mm");
}

/** A weekday's name (`Montag`, `Monday`) by its ISO number, Monday = 1. */
export function formatWeekday(weekday: number, lang: Lang): string {
  // 2024-01-01 was a Monday.
  return DateTime.fromISO("2024-01-01")
    .plus({ days: weekday - 1 })
    .setLocale(lang)
    .toFormat("cccc");
}

type Unit = "day" | "hour" | "minute";

const LEAD = { day: "format.lead.day", hour: "format.lead.hour", minute: "format.lead.minute" } as const;
const SPAN = { day: "format.span.day", hour: "format.span.hour", minute: "format.span.minute" } as const;

/**
 * A time span after "in" (German dative): `1 Tag`, `2 Stunden und 5 Minuten`, `3 Tagen und
 * 2 Stunden`. Spans of a day or more leave out the minutes.
 */
export function formatLead(t: Translate, minutes: number): string {
  return spanParts(minutes)
    .map(([unit, n]) => t(LEAD[unit], { n }))
    .reduce((a, b) => t("format.and", { a, b }));
}

/** A duration (German accusative, "… lang"): `4 Stunden`, `2 Tage`. */
export function formatSpan(t: Translate, minutes: number): string {
  return spanParts(minutes)
    .map(([unit, n]) => t(SPAN[unit], { n }))
    .reduce((a, b) => t("format.and", { a, b }));
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

/** A measured duration, abbreviated: `3 Std. 5 Min.` / `3 h 5 min` (two largest units, at least a minute). */
export function formatDurationShort(ms: number, lang: Lang): string {
  const t = translator(lang);
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const units = [
    { value: Math.floor(minutes / 1440), key: "format.short.day" as const },
    { value: Math.floor((minutes % 1440) / 60), key: "format.short.hour" as const },
    { value: minutes % 60, key: "format.short.minute" as const },
  ];
  return units
    .filter((u) => u.value > 0)
    .slice(0, 2)
    .map((u) => t(u.key, { n: u.value }))
    .join(" ");
}

/** Logged working time: `1:30 h`. */
export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, "0")} h`;
}

const numberFormats: Readonly<Record<Lang, Intl.NumberFormat>> = {
  de: new Intl.NumberFormat("de-DE"),
  en: new Intl.NumberFormat("en-GB"),
};

/** A count with the reader's digit grouping: `5.001` / `5,001` (ids stay plain: `#1234`). */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

const decimalFormats: Readonly<Record<Lang, Intl.NumberFormat>> = {
  de: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** A measure with two decimals in the reader's notation: `0,35` / `0.35`. */
export function formatDecimal(value: number, lang: Lang): string {
  return decimalFormats[lang].format(value);
}
