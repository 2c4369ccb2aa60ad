import { isDayOff } from "../schedule/holidays";
import { instantOfWall, wallOf } from "../schedule/local-time";

const BERLIN = "Europe/Berlin";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/*
 * Every new question computes its escalation deadline, so this walks local days as numbers
 * (days since 1970-01-01) with the zone's cached offsets and the holidays as cached sets of
 * day numbers (src/schedule/local-time.ts, holidays.ts): no luxon date-time and no date strings
 * per call. test/qa/calendar-equivalence.test.ts holds it to the plain luxon reading.
 */

/** The instant local day number `day` begins in `zone`. */
const startOfDay = (day: number, zone: string): number => instantOfWall(day * DAY_MS, zone);

/**
 * `start` plus `hours` of working time, where only Monday to Friday count (whole local days
 * in `zone`; Saturday, Sunday and the public holidays of `region` are skipped). A question
 * asked on Friday at 15:00 with 24 working hours is due on Monday at 15:00 (Tuesday when that
 * Monday is a holiday); one asked on Saturday is due on Tuesday at 00:00.
 */
export function addWorkingHours(start: Date, hours: number, zone: string = BERLIN, region?: string): Date {
  let remaining = Math.max(0, hours) * HOUR_MS;
  let cursor = start.getTime();
  let day = Math.floor(wallOf(cursor, zone) / DAY_MS);
  for (;;) {
    const dayEnd = startOfDay(day + 1, zone);
    if (!isDayOff(day, "workdays", region)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
    day += 1;
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
  const wall = wallOf(at.getTime(), zone);
  let day = Math.floor(wall / DAY_MS);
  const hour = Math.floor((wall - day * DAY_MS) / HOUR_MS);
  let moved = false;
  if (hour >= WORK_END_HOUR) {
    day += 1;
    moved = true;
  } else if (hour < WORK_START_HOUR) moved = true;
  while (isDayOff(day, "workdays", region)) {
    day += 1;
    moved = true;
  }
  return moved ? new Date(instantOfWall(day * DAY_MS + WORK_START_HOUR * HOUR_MS, zone)) : at;
}
