import type HolidaysType from "date-holidays";
import { DateTime } from "luxon";
import type { Lang } from "../i18n";

let holidaysClass: typeof HolidaysType | undefined;

/**
 * date-holidays builds its calendars of every country when it is loaded, a third of copbot's
 * start-up; it is loaded when a holiday is first looked up instead.
 */
function Holidays(): typeof HolidaysType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate late load (see above)
  holidaysClass ??= require("date-holidays") as typeof HolidaysType;
  return holidaysClass;
}

/** Regions we accept: Germany (`DE`) and its Bundesländer (`DE-BY`, `DE-NW` …). */
export function isHolidayRegion(region: string): boolean {
  const m = /^DE(?:-([A-Z]{2}))?$/.exec(region);
  if (!m) return false;
  return m[1] === undefined || Object.keys(new (Holidays())().getStates("DE") ?? {}).includes(m[1]);
}

const cache = new Map<string, ReadonlyMap<string, string>>();

/** Public holidays of `region` in `year` by local date (`yyyy-MM-dd`) -> name in `lang`. */
function holidaysOf(region: string, year: number, lang: Lang): ReadonlyMap<string, string> {
  const cacheKey = `${region}|${year}|${lang}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const [country = "DE", state] = region.split("-");
  const Calendar = Holidays();
  const calendar = state ? new Calendar(country, state) : new Calendar(country);
  const days = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year, lang)) {
    if (holiday.type === "public") days.set(holiday.date.slice(0, 10), holiday.name);
  }
  cache.set(cacheKey, days);
  return days;
}

/**
 * Computes the holidays of `regions` for `years` now, so that the first reminder of each region
 * in a year does not pay for it (date-holidays takes up to 100 ms per region and year).
 */
export function warmHolidays(regions: readonly string[], years: readonly number[], lang: Lang = "de"): void {
  for (const region of regions)
    if (isHolidayRegion(region)) for (const year of years) holidaysOf(region, year, lang);
}

/** The holiday's name when `date` (`yyyy-MM-dd`) is a public holiday in `region`. */
export function holidayOn(region: string, date: string, lang: Lang = "de"): string | undefined {
  return holidaysOf(region, Number(date.slice(0, 4)), lang).get(date);
}

/** The next working day (Mon–Fri, no public holiday) strictly after `date`. */
export function nextWorkingDay(region: string, date: string): string {
  let day = DateTime.fromISO(date, { zone: "UTC" });
  for (;;) {
    day = day.plus({ days: 1 });
    const iso = day.toISODate() ?? date;
    if (day.weekday <= 5 && holidayOn(region, iso) === undefined) return iso;
  }
}

/**
 * Which days a reminder avoids: weekends and the public holidays of `region` (`workdays`),
 * weekends only (`weekends`), or none (`off`).
 */
export type ReminderShift = "workdays" | "weekends" | "off";

/** True when `date` (`yyyy-MM-dd`) is a day a reminder avoids under `shift`. */
function isDayOff(date: string, shift: ReminderShift, region: string | undefined): boolean {
  if (shift === "off") return false;
  const weekday = DateTime.fromISO(date, { zone: "UTC" }).weekday;
  if (weekday >= 6) return true;
  return shift === "workdays" && region !== undefined && holidayOn(region, date) !== undefined;
}

/**
 * `date` (`yyyy-MM-dd`), or the last working day before it when it is a day off under `shift`:
 * a reminder due on a Sunday goes out on Friday, one due on Easter Monday on the Thursday
 * before (Good Friday is a holiday too).
 */
export function workingDayOnOrBefore(date: string, shift: ReminderShift, region: string | undefined): string {
  let day = DateTime.fromISO(date, { zone: "UTC" });
  // A year has no run of more than a few days off; the bound only guards against bad input.
  for (let i = 0; i < 14 && isDayOff(day.toISODate() ?? date, shift, region); i++)
    day = day.minus({ days: 1 });
  return day.toISODate() ?? date;
}
