import type { Recurrence } from "../schedule";
import { todayIn, type LocalDate } from "./calendar";
import { readDateAt } from "./date";
import { problem, resolved, type ParseOptions, type Parsed, type TimeOptions } from "./errors";
import { dayInWords, recurrenceInWords, ruleInWords } from "./explain";
import { readRecurrenceAt } from "./recurrence";
import { readTimeAt } from "./time-of-day";

export { DateInputError, type DateProblem, type ParseOptions, type Parsed, type TimeOptions } from "./errors";
export { readRecurrenceAt, recurrenceAhead, type RecurrenceRead } from "./recurrence";
export type { LocalDate } from "./calendar";

/**
 * One parser for the dates, times and recurrences of every command, German and English.
 *
 * Dates resolve against `options.now` in `options.zone` (default Europe/Berlin): "today" is
 * the calendar day the community's clocks show, and all day arithmetic is on calendar days,
 * so daylight-saving changes never shift a date. Results are wall-clock values — a date
 * `yyyy-MM-dd`, a time `HH:MM`, a `Recurrence` as schedules store it — that the schedule
 * code places in the zone. Failures are values: `{ ok: false, error }` with a
 * `DateInputError` that says what was understood and shows a correct example in
 * `options.lang`.
 */

/** Splits text into words; quotes are the command tokenizer's business. */
function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === "" ? [] : trimmed.split(/\s+/);
}

/** A date at `tokens[at]` and the number of tokens it took. See `readDateAt` for the forms. */
export function readDate(
  tokens: readonly string[],
  at: number,
  options: ParseOptions,
): Parsed<{ date: LocalDate; used: number }> {
  const { zone, lang } = resolved(options);
  const read = readDateAt(tokens, at, todayIn(options.now, zone));
  if (read?.kind === "date") return { ok: true, value: { date: read.date, used: read.used } };
  if (read?.problem === "weekdayMismatch") {
    return problem("weekdayMismatch", read.value, dayInWords(read.date, lang), options, "date");
  }
  return problem("date", read?.value ?? tokens[at] ?? "", "", options, "date");
}

/** A time of day at `tokens[at]` (`10 Uhr`, `10:30`, `10.30 Uhr`, `10am`, `um 10`). */
export function readTime(
  tokens: readonly string[],
  at: number,
  options: TimeOptions = {},
): Parsed<{ time: string; used: number }> {
  const read = readTimeAt(tokens, at);
  if (read?.kind === "time") return { ok: true, value: { time: read.time, used: read.used } };
  return problem("time", read?.value ?? tokens[at] ?? "", "", options, "time");
}

/** Fails when `used` tokens did not cover `all`: the rest is named, with what was understood. */
function whole<T>(
  all: readonly string[],
  used: number,
  value: T,
  fail: (rest: string) => Parsed<never>,
): Parsed<T> {
  return used >= all.length ? { ok: true, value } : fail(all.slice(used).join(" "));
}

/** A whole text as one calendar day, e.g. `7.1.2027`, `07.01.`, `morgen`, `nächsten Montag`. */
export function parseDate(text: string, options: ParseOptions): Parsed<LocalDate> {
  const tokens = words(text);
  const read = readDate(tokens, 0, options);
  // Nothing read: name the whole text, not just its first word (`nächste Woche`).
  if (!read.ok && read.error.problem === "date") return problem("date", text.trim(), "", options, "date");
  if (!read.ok) return read;
  const understood = dayInWords(read.value.date, resolved(options).lang);
  return whole(tokens, read.value.used, read.value.date, (rest) =>
    problem("date", rest, understood, options, "date"),
  );
}

/** `parseDate`, and the day must not lie before today (for `from`, `skip`, deadlines). */
export function parseFutureDate(text: string, options: ParseOptions): Parsed<LocalDate> {
  const date = parseDate(text, options);
  if (!date.ok) return date;
  const today = todayIn(options.now, resolved(options).zone);
  return date.value < today ? problem("past", text.trim(), "", options, "date") : date;
}

/** A whole text as one time of day, normalized to `HH:MM`. */
export function parseTime(text: string, options: TimeOptions = {}): Parsed<string> {
  const tokens = words(text);
  const read = readTime(tokens, 0, options);
  if (!read.ok) return read;
  const understood = ruleInWords(
    { every: false, weekdays: [], workdays: false, monthly: false, time: read.value.time },
    resolved(options).lang,
  );
  return whole(tokens, read.value.used, read.value.time, (rest) =>
    problem("time", rest, understood, options, "time"),
  );
}

/**
 * A whole text as one recurrence (`jeden Montag 10 Uhr`, `every 2 weeks Tue 9:30`); see
 * `readRecurrenceAt` for the forms and `base` for edits.
 */
export function parseRecurrence(text: string, options: ParseOptions, base?: Recurrence): Parsed<Recurrence> {
  const tokens = words(text);
  const read = readRecurrenceAt(tokens, 0, options, base);
  if (!read.ok) return read;
  const understood = recurrenceInWords(read.value.recurrence, resolved(options).lang);
  return whole(tokens, read.value.used, read.value.recurrence, (rest) =>
    problem("recurrence", rest, understood, options, "recurrence"),
  );
}
