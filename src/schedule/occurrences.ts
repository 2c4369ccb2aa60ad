import type { Lang } from "../i18n";
import { holidayOn, nextWorkingDay } from "./holidays";
import { instantOf, localDateOf, type LocalDateTime } from "./local-time";
import { ruleTimes } from "./rule-times";
import type { Schedule } from "./schedule";

/** One occurrence of a series, as it happens or as it was dropped. */
export interface Occurrence {
  /** The wall-clock time it takes place (for dropped ones: would have); the ledger key. */
  readonly local: LocalDateTime;
  readonly at: Date;
  readonly status: "normal" | "moved" | "holiday" | "skipped";
  /** The rule's own time when the occurrence was moved off a holiday. */
  readonly original: LocalDateTime;
  readonly holiday?: string;
}

export interface ExpandOptions {
  /** Stop after this many occurrences that take place. */
  readonly count?: number;
  /** Stop at rule times after this instant. */
  readonly until?: Date;
  /** Local dates (`yyyy-MM-dd`) a moderator skipped. */
  readonly skips?: ReadonlySet<string>;
  readonly lang?: Lang;
}

/** Safety net against rules that never produce a usable date (e.g. everything a holiday). */
const MAX_CANDIDATES = 5000;

/**
 * The occurrences strictly after `after`, in order, computed in the schedule's zone. Holidays
 * are skipped or moved to the next working day; dropped ones are returned with their status
 * (for previews and EXDATE) but do not count towards `count`.
 */
export function expand(schedule: Schedule, after: Date, opts: ExpandOptions): Occurrence[] {
  const count = opts.count ?? Number.POSITIVE_INFINITY;
  const result: Occurrence[] = [];
  const seen = new Set<LocalDateTime>();
  let active = 0;
  let candidates = 0;
  // Start a week early when holidays move occurrences: one moved off a holiday lands after its
  // rule date. Without moves no earlier rule date can end up after `after` (and each cron date
  // costs, which a catch-up of hundreds of reminders feels).
  const early = schedule.holidays?.rule === "move" ? 7 : 0;
  const from = localDateOf(after.getTime(), schedule.zone, -early);
  for (const original of ruleTimes(schedule.recurrence, schedule.start, from)) {
    if ((candidates += 1) > MAX_CANDIDATES || active >= count) break;
    const originalAt = new Date(instantOf(original, schedule.zone));
    if (opts.until && originalAt.getTime() > opts.until.getTime()) break;
    const occurrence = applyRules(schedule, original, originalAt, opts);
    if (occurrence.at.getTime() <= after.getTime() || seen.has(occurrence.local)) continue;
    seen.add(occurrence.local);
    result.push(occurrence);
    if (occurrence.status === "normal" || occurrence.status === "moved") active += 1;
  }
  return result;
}

/** Only the occurrences that take place. */
export function upcoming(schedule: Schedule, after: Date, opts: ExpandOptions): Occurrence[] {
  return expand(schedule, after, opts).filter((o) => o.status === "normal" || o.status === "moved");
}

function applyRules(
  schedule: Schedule,
  original: LocalDateTime,
  originalAt: Date,
  opts: ExpandOptions,
): Occurrence {
  const at = (local: LocalDateTime): Date => new Date(instantOf(local, schedule.zone));
  const base = { local: original, at: originalAt, original };
  const rule = schedule.holidays;
  const holiday = rule ? holidayOn(rule.region, original.slice(0, 10), opts.lang) : undefined;
  let occurrence: Occurrence = { ...base, status: "normal" };
  if (rule && holiday !== undefined) {
    if (rule.rule === "skip") return { ...base, status: "holiday", holiday };
    const moved = `${nextWorkingDay(rule.region, original.slice(0, 10))}${original.slice(10)}`;
    occurrence = { local: moved, at: at(moved), original, status: "moved", holiday };
  }
  return opts.skips?.has(occurrence.local.slice(0, 10)) ? { ...occurrence, status: "skipped" } : occurrence;
}
