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
