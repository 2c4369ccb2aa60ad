import type HolidaysType from "date-holidays";
import type { Lang } from "../i18n";
import { remember } from "../core/bounded-map";

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

/** Region-years kept per cache: all Bundesländer for a few years, in both languages. */
const CACHE_CAP = 256;

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
  return remember(cache, cacheKey, days, CACHE_CAP);
}

const DAY_MS = 86_400_000;

/** One region's public holidays of one year as day numbers (days since 1970-01-01). */
interface HolidayYear {
  readonly region: string;
  readonly first: number;
  readonly end: number;
  readonly days: ReadonlySet<number>;
}

const dayCache = new Map<string, HolidayYear>();
let lastYear: HolidayYear | undefined;

/**
 * True when day number `day` (days since 1970-01-01, a local date) is a public holiday in
 * `region`. The question path asks this for every day its deadline walks over, so each
 * region-year becomes a set of numbers once, and the last one answers without a lookup.
 */
function isHolidayDay(region: string, day: number): boolean {
  const hit = lastYear;
  if (hit !== undefined && hit.region === region && day >= hit.first && day < hit.end)
    return hit.days.has(day);
  const year = new Date(day * DAY_MS).getUTCFullYear();
  const cacheKey = `${region}|${year}`;
  let entry = dayCache.get(cacheKey);
  if (entry === undefined) {
    const days = new Set<number>();
    for (const date of holidaysOf(region, year, "de").keys())
      days.add(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    const first = Date.UTC(year, 0, 1) / DAY_MS;
    entry = remember(
      dayCache,
      cacheKey,
      { region, first, end: Date.UTC(year + 1, 0, 1) / DAY_MS, days },
      CACHE_CAP,
    );
  }
  lastYear = entry;
  return entry.days.has(day);
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

/** True when day number `day` (days since 1970-01-01, a Thursday) is a Saturday or Sunday. */
function isWeekendDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The next working day (Mon–Fri, no public holiday) strictly after `date`. */
export function nextWorkingDay(region: string, date: string): string {
  let day = dayOf(date);
  do day += 1;
  while (isWeekendDay(day) || isHolidayDay(region, day));
  return dateOf(day);
}

/**
 * Which days a reminder avoids: weekends and the public holidays of `region` (`workdays`),
 * weekends only (`weekends`), or none (`off`).
 */
export type ReminderShift = "workdays" | "weekends" | "off";

/**
 * True when day number `day` is a day a reminder avoids under `shift`; under "workdays",
 * Saturday, Sunday or a public holiday of `region` (none: weekends only).
 */
export function isDayOff(day: number, shift: ReminderShift, region: string | undefined): boolean {
  if (shift === "off") return false;
  if (isWeekendDay(day)) return true;
  return shift === "workdays" && region !== undefined && isHolidayDay(region, day);
}

/**
 * `date` (`yyyy-MM-dd`), or the last working day before it when it is a day off under `shift`:
 * a reminder due on a Sunday goes out on Friday, one due on Easter Monday on the Thursday
 * before (Good Friday is a holiday too).
 */
export function workingDayOnOrBefore(date: string, shift: ReminderShift, region: string | undefined): string {
  let day = dayOf(date);
  // A year has no run of more than a few days off; the bound only guards against bad input.
  for (let i = 0; i < 14 && isDayOff(day, shift, region); i++) day -= 1;
  return dateOf(day);
}
