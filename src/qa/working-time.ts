import { DateTime } from "luxon";

const BERLIN = "Europe/Berlin";

const HOUR_MS = 3_600_000;

function isWeekend(day: DateTime): boolean {
  return day.weekday >= 6;
}

/**
 * `start` plus `hours` of working time, where only Monday to Friday count (whole local days
 * in `zone`; Saturday and Sunday are skipped). A question asked on Friday at 15:00 with 24
 * working hours is due on Monday at 15:00; one asked on Saturday is due on Tuesday at 00:00.
 */
export function addWorkingHours(start: Date, hours: number, zone: string = BERLIN): Date {
  let remaining = Math.max(0, hours) * HOUR_MS;
  let cursor = DateTime.fromJSDate(start, { zone });
  for (;;) {
    if (isWeekend(cursor)) {
      cursor = cursor.startOf("day").plus({ days: 8 - cursor.weekday });
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
 * a deadline at 20:00 moves to 08:00 the next working day, one on Saturday to Monday 08:00.
 */
export function intoWorkingHours(at: Date, zone: string = BERLIN): Date {
  let cursor = DateTime.fromJSDate(at, { zone });
  if (cursor.hour >= WORK_END_HOUR) cursor = cursor.startOf("day").plus({ days: 1 });
  if (cursor.hour < WORK_START_HOUR)
    cursor = cursor.set({ hour: WORK_START_HOUR, minute: 0, second: 0, millisecond: 0 });
  while (isWeekend(cursor))
    cursor = cursor.plus({ days: 1 }).set({ hour: WORK_START_HOUR, minute: 0, second: 0, millisecond: 0 });
  return cursor.toJSDate();
}
