import { holidayOn } from "../schedule/holidays";
import { instantOf, localDateOf, wallKey } from "../schedule/local-time";

const BERLIN = "Europe/Berlin";

const HOUR_MS = 3_600_000;

/*
 * Local dates and times come from the zone's cached offsets (src/schedule/local-time.ts), not
 * from luxon date-times in the zone: every new question computes its escalation deadline, and
 * walking a few days with luxon cost a third of a millisecond.
 */

/** A day off: Saturday, Sunday, or a public holiday of `region` (none: weekends only). */
function isDayOff(date: string, region: string | undefined): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  return region !== undefined && holidayOn(region, date) !== undefined;
}

/** The local date (`yyyy-MM-dd`) `days` after `date`. */
function dayAfter(date: string, days = 1): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a local date begins in `zone`. */
const startOfDay = (date: string, zone: string): number => instantOf(`${date}T00:00`, zone);

/**
 * `start` plus `hours` of working time, where only Monday to Friday count (whole local days
 * in `zone`; Saturday, Sunday and the public holidays of `region` are skipped). A question
 * asked on Friday at 15:00 with 24 working hours is due on Monday at 15:00 (Tuesday when that
 * Monday is a holiday); one asked on Saturday is due on Tuesday at 00:00.
 */
export function addWorkingHours(start: Date, hours: number, zone: string = BERLIN, region?: string): Date {
  let remaining = Math.max(0, hours) * HOUR_MS;
  let cursor = start.getTime();
  let date = localDateOf(cursor, zone);
  for (;;) {
    const next = dayAfter(date);
    const dayEnd = startOfDay(next, zone);
    if (!isDayOff(date, region)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
    date = next;
  }
}

/** Local working hours in which escalations and nudges reach people (Mon–Fri, 08:00–18:00). */
const WORK_START_HOUR = 8;
const WORK_END_HOUR = 18;
const WORK_START = `T${String(WORK_START_HOUR).padStart(2, "0")}:00`;

/**
 * `at` if it falls inside working hours in `zone`, otherwise the next start of working hours:
 * a deadline at 20:00 moves to 08:00 the next working day, one on Saturday to Monday 08:00
 * (public holidays of `region` count as days off).
 */
export function intoWorkingHours(at: Date, zone: string = BERLIN, region?: string): Date {
  const local = wallKey(at.getTime(), zone);
  const hour = Number(local.slice(11, 13));
  let date = local.slice(0, 10);
  let moved = false;
  if (hour >= WORK_END_HOUR) {
    date = dayAfter(date);
    moved = true;
  } else if (hour < WORK_START_HOUR) moved = true;
  while (isDayOff(date, region)) {
    date = dayAfter(date);
    moved = true;
  }
  return moved ? new Date(instantOf(`${date}${WORK_START}`, zone)) : at;
}
