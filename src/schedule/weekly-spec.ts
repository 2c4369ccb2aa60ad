import { DateTime } from "luxon";
import type { Weekday } from "./schedule";

/** Weekday names as people type them, German and English, short and long. */
const WEEKDAY_NAMES: Readonly<Record<string, Weekday>> = {
  mo: "mon",
  mon: "mon",
  montag: "mon",
  monday: "mon",
  di: "tue",
  tue: "tue",
  dienstag: "tue",
  tuesday: "tue",
  mi: "wed",
  wed: "wed",
  mittwoch: "wed",
  wednesday: "wed",
  do: "thu",
  thu: "thu",
  donnerstag: "thu",
  thursday: "thu",
  fr: "fri",
  fri: "fri",
  freitag: "fri",
  friday: "fri",
  sa: "sat",
  sat: "sat",
  samstag: "sat",
  saturday: "sat",
  so: "sun",
  sun: "sun",
  sonntag: "sun",
  sunday: "sun",
};

/** The weekday a token names (`mon`, `Montag`, `mo.`), or undefined. */
export function parseWeekday(token: string): Weekday | undefined {
  return WEEKDAY_NAMES[token.toLowerCase().replace(/\.$/, "")];
}

/** A time of day as `HH:MM` from `9:30`, `09:30` or `9` (full hours), or undefined. */
export function parseTimeOfDay(token: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(?:\s*uhr)?$/i.exec(token.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * A calendar day as typed: `2027-01-06`, `6.1.2027` or `6.1.` (the next such day), in `zone`.
 * Undefined when it is no valid date.
 */
export function parseLocalDate(text: string, now: Date, zone: string): DateTime | undefined {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(text.trim());
  let date: DateTime | undefined;
  if (iso) date = DateTime.fromObject({ year: +iso[1]!, month: +iso[2]!, day: +iso[3]! }, { zone });
  else if (german) {
    const year = german[3] === undefined ? today.year : Number(german[3]);
    date = DateTime.fromObject({ year, month: Number(german[2]), day: Number(german[1]) }, { zone });
    if (german[3] === undefined && date.isValid && date < today) date = date.plus({ years: 1 });
  }
  return date?.isValid ? date : undefined;
}
