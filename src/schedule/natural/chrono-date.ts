import type * as Chrono from "chrono-node";
import { calendarDay, nextDayOfMonth, type LocalDate } from "./calendar";

/** What chrono-node read: a day, and the weekday the text named alongside it (ISO, 1 = Monday). */
export interface ChronoDay {
  readonly date: LocalDate;
  readonly namedWeekday?: number;
}

/** What this module needs of one of chrono-node's language parsers. */
type DateParser = Pick<Chrono.Chrono, "parse">;

let parsers: readonly DateParser[] | undefined;

/**
 * chrono-node builds the parsers of every language it knows when it is loaded, more than half
 * of copbot's start-up; it is loaded when a date in words is first read instead.
 */
function chronoParsers(): readonly DateParser[] {
  if (parsers === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate late load (see above)
    const chrono = require("chrono-node") as typeof Chrono;
    parsers = [chrono.de, chrono.en.GB];
  }
  return parsers;
}

/**
 * Reads a whole text as one calendar day with chrono-node's German and English parsers: month
 * names (`7. Januar 2027`, `7 Jan 2027`, `January 7th`) and offsets (`in 3 Tagen`, `in 2 weeks`).
 * Returns `null` when the text is a date that does not exist, undefined when it is no date.
 *
 * Deliberately refused: a text with a time (a date is asked for), numeric dates with slashes
 * (7/1 is 7 January in Germany and 1 July in the US), and periods without a day
 * (`nächste Woche`, `next month`) — they name no particular day.
 */
export function chronoDay(text: string, today: LocalDate): ChronoDay | null | undefined {
  if (text.includes("/")) return undefined;
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  // chrono computes in the process's zone: give it today's date at local noon, read the day.
  const reference = new Date(year, month - 1, day, 12);
  for (const parser of chronoParsers()) {
    const results = parser.parse(text, reference);
    const [result] = results;
    if (results.length !== 1 || !result || result.index !== 0 || result.text.length !== text.length) continue;
    const start = result.start;
    if (!start.isCertain("day") || !start.isCertain("month") || start.isCertain("hour")) continue;
    if (result.tags().has("result/relativeDate") && !/^(in)\s/i.test(text)) continue;
    const m = start.get("month") ?? 0;
    const d = start.get("day") ?? 0;
    const date = start.isCertain("year")
      ? calendarDay(start.get("year") ?? 0, m, d)
      : nextDayOfMonth(today, m, d);
    if (date === undefined) return null;
    const weekday = start.isCertain("weekday") ? start.get("weekday") : undefined;
    return weekday === undefined || weekday === null
      ? { date }
      : { date, namedWeekday: weekday === 0 ? 7 : weekday };
  }
  return undefined;
}
