import { DateTime } from "luxon";

export const PERIOD_KINDS = ["month", "quarter", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A span of the chart, e.g. one month of a quarter. */
export interface Bucket {
  readonly label: string;
  readonly from: Date;
  readonly to: Date;
}

/** A reporting period in the community's zone: [from, to), split into buckets for the chart. */
export interface Period {
  readonly kind: PeriodKind;
  /** `2027-Q1`, `2027-03`, `2027`: in file names and the CSV. */
  readonly id: string;
  readonly from: Date;
  readonly to: Date;
  readonly buckets: readonly Bucket[];
  /** Calendar weeks (Monday to Sunday) that touch the period, for the engagement tiers. */
  readonly weeks: number;
}

/**
 * The period of `kind` that contains `now`, from its start until now; with `previous` the
 * whole period before it. Months are split into calendar weeks, quarters and years into months.
 */
export function periodOf(kind: PeriodKind, now: Date, zone: string, previous: boolean): Period {
  const here = DateTime.fromJSDate(now, { zone });
  const unit = kind === "month" ? "month" : kind === "quarter" ? "quarter" : "year";
  const start = here.startOf(unit).minus(previous ? { [unit + "s"]: 1 } : {});
  // The running period includes this very moment, so what just happened counts.
  const end = previous ? start.plus({ [unit + "s"]: 1 }) : here.plus({ milliseconds: 1 });
  const id =
    kind === "month"
      ? start.toFormat("yyyy-MM")
      : kind === "quarter"
        ? `${start.year}-Q${start.quarter}`
        : String(start.year);
  return {
    kind,
    id,
    from: start.toJSDate(),
    to: end.toJSDate(),
    buckets: buckets(kind, start, end),
    weeks: weeksTouching(start, end),
  };
}

function buckets(kind: PeriodKind, start: DateTime, end: DateTime): Bucket[] {
  const result: Bucket[] = [];
  const step = kind === "month" ? { weeks: 1 } : { months: 1 };
  let cursor = kind === "month" ? start.startOf("week") : start;
  while (cursor < end) {
    const next = cursor.plus(step);
    const from = DateTime.max(cursor, start);
    const to = DateTime.min(next, end);
    const label = kind === "month" ? `KW ${cursor.weekNumber}` : cursor.toFormat("MM/yyyy");
    result.push({ label, from: from.toJSDate(), to: to.toJSDate() });
    cursor = next;
  }
  return result;
}

function weeksTouching(start: DateTime, end: DateTime): number {
  const last = end.minus({ milliseconds: 1 });
  return Math.max(1, Math.round(last.startOf("week").diff(start.startOf("week"), "weeks").weeks) + 1);
}

/** The Monday (local date) of the calendar week of an instant, to count the weeks someone was active in. */
export function weekOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).startOf("week").toISODate() ?? "";
}

/** A local occurrence key (`yyyy-MM-ddTHH:mm`) of an instant, to compare with meeting dates. */
export function localKey(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
