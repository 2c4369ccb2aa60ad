import { DateTime } from "luxon";
import { parseDate as parseNatural, readDate } from "../schedule/natural";

/**
 * A calendar day in `zone` (its start), read by the one date parser relative to `now`:
 * `2027-02-15`, `15.2.2027`, `15.02.`, `nächsten Freitag`, `in 8 Wochen` …
 */
export function parseDate(raw: string, zone: string, now: Date): DateTime | undefined {
  const date = parseNatural(raw, { now, zone });
  return date.ok ? DateTime.fromISO(date.value, { zone }) : undefined;
}

/** Splits `<date> <text>`; the date may take several words (`nächsten Freitag Entwurf fertig`). */
export function splitLeadingDate(text: string, zone: string, now: Date): { date: string; rest: string } {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "");
  const read = readDate(words, 0, { now, zone });
  const used = read.ok ? read.value.used : 1;
  return { date: words.slice(0, used).join(" "), rest: words.slice(used).join(" ") };
}

/** The calendar day of an instant in `zone`, as an ISO date. */
export function dayOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? at.toISOString().slice(0, 10);
}

/** The instant of a local time of day on a calendar day in `zone`. */
export function atLocal(isoDate: string, hour: number, zone: string): Date {
  return DateTime.fromISO(isoDate, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
