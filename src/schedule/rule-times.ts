import { CronExpressionParser } from "cron-parser";
import { DateTime } from "luxon";
import type { LocalDateTime } from "./local-time";
import { weekdayNumber, type Recurrence } from "./schedule";

/**
 * The rule times of one series computed so far, from local date `begin` on: a reminder job
 * expands its series four or five times (the occurrence, the next dates, the dropped ones,
 * the missed ones), and a cron rule's dates are the dearest part of a catch-up.
 */
interface Run {
  readonly begin: string;
  readonly times: LocalDateTime[];
  /** Continues after the last of `times`. */
  readonly source: Iterator<LocalDateTime>;
  done: boolean;
}

/** Series kept (least recently used goes first) and times kept per series: about a MiB at most. */
const CACHED_SERIES = 256;
const CACHED_TIMES = 64;
const runs = new Map<string, Run>();

/**
 * The rule's wall-clock times from local date `from` (inclusive) on, never before `start`,
 * in order. Series looked at again reuse what was computed (bounded, see `CACHED_SERIES`).
 */
export function* ruleTimes(recurrence: Recurrence, start: string, from: string): Generator<LocalDateTime> {
  // ISO dates order as strings.
  const begin = from > start ? from : start;
  const key = `${start}|${JSON.stringify(recurrence)}`;
  let run = runs.get(key);
  if (run === undefined || run.begin > begin)
    run = { begin, times: [], source: computeTimes(recurrence, start, begin), done: false };
  runs.delete(key);
  runs.set(key, run);
  if (runs.size > CACHED_SERIES) runs.delete(runs.keys().next().value ?? key);
  // A date sorts before every time on it, so this is the first time on `begin` or later.
  let i = firstAtOrAfter(run.times, begin);
  for (;;) {
    const cached = run.times[i];
    if (cached !== undefined) {
      i += 1;
      yield cached;
      continue;
    }
    if (run.done) return;
    const last = run.times[run.times.length - 1];
    if (last !== undefined && run.times.length >= CACHED_TIMES) {
      // Far ahead (a calendar export): computed afresh, not kept.
      for (const time of computeTimes(recurrence, start, last.slice(0, 10))) if (time > last) yield time;
      return;
    }
    const next = run.source.next();
    if (next.done === true) {
      run.done = true;
      return;
    }
    run.times.push(next.value);
  }
}

function firstAtOrAfter(times: readonly string[], value: string): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((times[mid] ?? "") < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The rule's times from local date `beginDate` on (not before the series' `start`). */
function* computeTimes(recurrence: Recurrence, start: string, beginDate: string): Generator<LocalDateTime> {
  const begin = day(beginDate);
  if (recurrence.kind === "cron") {
    yield* cronTimes(recurrence.expression, begin);
    return;
  }
  if (recurrence.kind === "weekly") {
    const anchor = day(start).plus({
      days: (weekdayNumber(recurrence.weekday) - day(start).weekday + 7) % 7,
    });
    const period = 7 * recurrence.interval;
    const skipped = Math.max(0, Math.floor(begin.diff(anchor, "days").days / period));
    for (let d = anchor.plus({ days: skipped * period }); ; d = d.plus({ days: period })) {
      if (d >= begin) yield `${d.toISODate()}T${recurrence.time}`;
    }
  }
  for (let month = begin.startOf("month"); ; month = month.plus({ months: 1 })) {
    const d =
      recurrence.kind === "monthly-day" ? monthDay(month, recurrence.day) : nthWeekday(month, recurrence);
    if (d >= begin) yield `${d.toISODate()}T${recurrence.time}`;
  }
}

function* cronTimes(expression: string, begin: DateTime): Generator<LocalDateTime> {
  // Evaluated on wall-clock time (as if UTC), then placed in the zone like every other rule,
  // so cron series follow the same daylight-saving decisions.
  const iterator = CronExpressionParser.parse(`0 ${expression}`, {
    strict: true,
    tz: "UTC",
    currentDate: new Date(Date.UTC(begin.year, begin.month - 1, begin.day) - 1000),
  });
  for (;;) {
    let next: Date;
    try {
      next = iterator.next().toDate();
    } catch {
      return;
    }
    yield next.toISOString().slice(0, 16);
  }
}

function day(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: "UTC" });
}

/** Day `n` of the month, or its last day when the month is shorter. */
function monthDay(month: DateTime, n: number): DateTime {
  return month.set({ day: Math.min(n, month.daysInMonth ?? 28) });
}

function nthWeekday(month: DateTime, rule: Extract<Recurrence, { kind: "monthly-weekday" }>): DateTime {
  const wd = weekdayNumber(rule.weekday);
  if (rule.nth === -1) {
    const last = month.endOf("month").startOf("day");
    return last.minus({ days: (last.weekday - wd + 7) % 7 });
  }
  return month.plus({ days: ((wd - month.weekday + 7) % 7) + 7 * (rule.nth - 1) });
}
