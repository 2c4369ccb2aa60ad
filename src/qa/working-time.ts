import { DateTime } from "luxon";
import { holidayOn } from "../schedule/holidays";

const BERLIN = "Europe/Berlin";

const HOUR_MS = 3_600_000;

/** A day off: Saturday, Sunday, or a public holiday of `region` (none: weekends only). */
function isDayOff(day: DateTime, region: string | undefined): boolean {
  if (day.weekday >= 6) return true;
  return region !== undefined && holidayOn(region, day.toISODate() ?? "") !== undefined;
}

/**
 * `start` plus `hours` of working time, where only Monday to Friday count (whole local days
 * in `zone`; Saturday, Sunday and the public holidays of `region` are skipped). A question
 * asked on Friday at 15:00 with 24 working hours is due on Monday at 15:00 (Tuesday when that
 * Monday is a holiday); one asked on Saturday is due on Tuesday at 00:00.
 */
export function addWorkingHours(start: Date, hours: number, zone: string = BERLIN, region?: string): Date {
  let remaining = Math.max(0, hours) * HOUR_MS;
  let cursor = DateTime.fromJSDate(start, { zone });
  for (;;) {
    if (isDayOff(cursor, region)) {
      cursor = cursor.startOf("day").plus({ days: 1 });
      continue;
    }
    const dayEnd = cursor.startOf("day").plus({ days: 1 });
    const available = dayEnd.toMillis() - cursor.toMillis();
    if (remaining <= available) return new Date(cursor.toMillis() + remaining);
    remaining -= available;
    cursor = dayEnd;
  }
}

/** Local working hours in which escalations and nudges reach people (Mon–Fri, 08:00–18:00). */
const WORK_START_HOUR = 8;
const WORK_END_HOUR = 18;

/**
 * `at` if it falls inside working hours in `zone`, otherwise the next start of working hours:
 * a deadline at 20:00 moves to 08:00 the next working day, one on Saturday to Monday 08:00
 * (public holidays of `region` count as days off).
 */
export function intoWorkingHours(at: Date, zone: string = BERLIN, region?: string): Date {
  let cursor = DateTime.fromJSDate(at, { zone });
  if (cursor.hour >= WORK_END_HOUR) cursor = cursor.startOf("day").plus({ days: 1 });
  if (cursor.hour < WORK_START_HOUR)
    cursor = cursor.set({ hour: WORK_START_HOUR, minute: 0, second: 0, millisecond: 0 });
  while (isDayOff(cursor, region))
    cursor = cursor.plus({ days: 1 }).set({ hour: WORK_START_HOUR, minute: 0, second: 0, millisecond: 0 });
  return cursor.toJSDate();
}
