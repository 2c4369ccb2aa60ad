import { WEEKDAYS } from "../schedule";
import { addDays, calendarDay, isoWeekday, nextDayOfMonth, nextWeekday, type LocalDate } from "./calendar";
import { chronoDay } from "./chrono-date";
import { normalizeWord, weekdayOf } from "./words";
import { ownValue } from "../../core/own";

/** A date read at a position, or the reason the text there is none. */
export type DateRead =
  | { readonly kind: "date"; readonly date: LocalDate; readonly used: number }
  | { readonly kind: "bad"; readonly problem: "date"; readonly value: string; readonly used: number }
  | {
      readonly kind: "bad";
      readonly problem: "weekdayMismatch";
      readonly value: string;
      readonly used: number;
      /** The day the date itself names, so the error can show it. */
      readonly date: LocalDate;
    };

/** Days relative to today, by their names. */
const RELATIVE: Readonly<Record<string, number>> = {
  heute: 0,
  today: 0,
  morgen: 1,
  tomorrow: 1,
  übermorgen: 2,
  gestern: -1,
  yesterday: -1,
};
const DAY_AFTER_TOMORROW = ["day", "after", "tomorrow"];

/** `nächsten Montag`: the first one after today. `diesen Montag` / `Montag`: today counts. */
const NEXT = new Set(["nächsten", "nächste", "nächster", "kommenden", "kommende", "next", "coming"]);
const THIS = new Set(["diesen", "dieser", "diese", "this"]);
const AFTER_NEXT = new Set(["übernächsten", "übernächste", "übernächster"]);
const BEFORE_DATE = new Set(["am", "on", "den"]);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.?(\d{4}|\d{2})?$/;
/** At most this many words are tried for one date (`Montag, 7. Juni 2027` has four). */
const MAX_WORDS = 5;

/** A numeric date in one word: ISO `2027-01-07` or German `7.1.2027`, `07.01.`, `7.1.27`. */
function numericDate(word: string, today: LocalDate): LocalDate | null | undefined {
  const iso = ISO.exec(word);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? null;
  const german = GERMAN.exec(word);
  if (!german) return undefined;
  const [dayOfMonth, month, year] = [Number(german[1]), Number(german[2]), german[3]];
  if (year === undefined) return nextDayOfMonth(today, month, dayOfMonth) ?? null;
  const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
  return calendarDay(fullYear, month, dayOfMonth) ?? null;
}

/** A day named by words at `at` (`morgen`, `nächsten Montag`, `Montag`, `day after tomorrow`). */
function namedDay(
  words: readonly string[],
  at: number,
  today: LocalDate,
): { date: LocalDate; used: number } | undefined {
  const [first = "", second = ""] = [words[at], words[at + 1]];
  const relative = ownValue(RELATIVE, first);
  if (relative !== undefined) return { date: addDays(today, relative), used: 1 };
  const phrase = first === "the" ? 1 : 0;
  if (DAY_AFTER_TOMORROW.every((word, i) => words[at + phrase + i] === word)) {
    return { date: addDays(today, 2), used: phrase + 3 };
  }
  const modified = NEXT.has(first) || THIS.has(first) || AFTER_NEXT.has(first);
  const weekday = weekdayOf(modified ? second : first);
  if (weekday === undefined) return undefined;
  const number = WEEKDAYS.indexOf(weekday) + 1;
  const next = nextWeekday(today, number, !THIS.has(first) && modified);
  return { date: AFTER_NEXT.has(first) ? addDays(next, 7) : next, used: modified ? 2 : 1 };
}

/**
 * Reads one calendar day at `tokens[at]`, with an optional `am`/`on`/`den` before it.
 * The forms and their rules:
 * - `2027-01-07`, `7.1.2027`, `07.01.2027`, `7.1.27` (20xx): that day.
 * - `07.01.`, `7.1`, `7. Januar`, `January 7th`: without a year, the next such day from today on
 *   (today included); `29.02.` the next leap year's.
 * - `heute`/`today`, `morgen`/`tomorrow`, `übermorgen`/`day after tomorrow`, `gestern`.
 * - `Montag`, `diesen Montag`, `this Monday`: the next Monday from today on, today included.
 * - `nächsten Montag`, `kommenden Montag`, `next Monday`: the first Monday after today, so on a
 *   Monday it is the one in 7 days. `übernächsten Montag`: a week after that.
 * - `Montag, 7.6.2027`, `Mo 7.6.`: the date, which must fall on that weekday.
 * - Everything chrono-node reads as one particular day (see `chronoDay`).
 * The longest reading wins, so `7. Juni 2027` is one date, not `7.` and more.
 */
export function readDateAt(tokens: readonly string[], at: number, today: LocalDate): DateRead | undefined {
  const words = tokens.map(normalizeWord);
  const lead = BEFORE_DATE.has(words[at] ?? "") && at + 1 < words.length ? 1 : 0;
  const start = at + lead;
  const found = readFrom(tokens, words, start, today);
  return found && { ...found, used: found.used + lead };
}

function readFrom(
  tokens: readonly string[],
  words: readonly string[],
  at: number,
  today: LocalDate,
): DateRead | undefined {
  const first = words[at] ?? "";
  const numeric = numericDate(first, today);
  if (numeric === null) return { kind: "bad", problem: "date", value: tokens[at] ?? "", used: 1 };
  if (numeric !== undefined) return { kind: "date", date: numeric, used: 1 };
  // A weekday before a date checks the date: `Montag, 7.6.2027`.
  const weekday = weekdayOf(first);
  const dated = weekday !== undefined ? numericDate(words[at + 1] ?? "", today) : undefined;
  if (weekday !== undefined && dated) {
    const value = tokens.slice(at, at + 2).join(" ");
    return isoWeekday(dated) === WEEKDAYS.indexOf(weekday) + 1
      ? { kind: "date", date: dated, used: 2 }
      : { kind: "bad", problem: "weekdayMismatch", value, used: 2, date: dated };
  }
  const longest = Math.min(MAX_WORDS, tokens.length - at);
  for (let n = longest; n >= 1; n -= 1) {
    const text = tokens.slice(at, at + n).join(" ");
    const read = chronoDay(text.replace(/,$/, ""), today);
    if (read === null) return { kind: "bad", problem: "date", value: text, used: n };
    if (read === undefined) continue;
    if (read.namedWeekday !== undefined && read.namedWeekday !== isoWeekday(read.date)) {
      return { kind: "bad", problem: "weekdayMismatch", value: text, used: n, date: read.date };
    }
    // A bare weekday is ours (its rule differs from chrono's); a longer text wins over it.
    const named = namedDay(words, at, today);
    if (named && named.used >= n) return { kind: "date", date: named.date, used: named.used };
    return { kind: "date", date: read.date, used: n };
  }
  const named = namedDay(words, at, today);
  return named && { kind: "date", ...named };
}
