import { DateTime } from "luxon";

/** A calendar day, `yyyy-MM-dd`. Day arithmetic runs in UTC: a day has no daylight-saving hour. */
export type LocalDate = string;

/** Today in `zone` at `now`: the calendar day the community's clocks show. */
export function todayIn(now: Date, zone: string): LocalDate {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

function day(date: LocalDate): DateTime {
  return DateTime.fromISO(date, { zone: "UTC" });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return day(date).plus({ days }).toISODate() ?? date;
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(date: LocalDate): number {
  return day(date).weekday;
}

/** The calendar day, or undefined when it does not exist (31.02.). */
export function calendarDay(year: number, month: number, dayOfMonth: number): LocalDate | undefined {
  const date = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: "UTC" });
  return date.isValid ? (date.toISODate() ?? undefined) : undefined;
}

/**
 * A day and month without a year: the next such day from `today` on, today included. 29.02.
 * goes to the next leap year. Undefined when the day exists in no year (31.04.).
 */
export function nextDayOfMonth(today: LocalDate, month: number, dayOfMonth: number): LocalDate | undefined {
  const year = day(today).year;
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = calendarDay(year + offset, month, dayOfMonth);
    if (date !== undefined && date >= today) return date;
  }
  return undefined;
}

/** The first day with ISO weekday `weekday` on or after `from` (`after`: strictly after). */
export function nextWeekday(from: LocalDate, weekday: number, after: boolean): LocalDate {
  const ahead = (weekday - isoWeekday(from) + 7) % 7;
  return addDays(from, ahead === 0 && after ? 7 : ahead);
}
