import type { Ledger } from "./ledger-repo";
import { upcoming, type Occurrence } from "./occurrences";
import type { Schedule } from "./schedule";

/** The dates of a series that copbot could no longer serve after a downtime. */
export interface MissedRun {
  /** Missed dates not noted before, oldest first: the channel hears about these, once. */
  readonly fresh: readonly Occurrence[];
  /** The newest missed date: planning continues after it, with the next date still ahead. */
  readonly last: Occurrence;
}

export interface CatchUp {
  readonly ledger: Ledger;
  readonly series: string;
  readonly schedule: Schedule;
  readonly skips?: ReadonlySet<string>;
  /** The ledger step that marks a date as noted (first writer wins). */
  readonly step: string;
  /** True when it is too late for the date's own message. */
  readonly isMissed: (occurrence: Occurrence) => boolean;
  readonly now: Date;
}

/**
 * Collects `first` and every later date that was missed as well, and records each in the
 * ledger. A daily series that was down for 30 days thus gets one note about 30 dates instead
 * of 30 notes, and the ledger keeps a restart from noting any of them again.
 */
export function collectMissed(first: Occurrence, c: CatchUp): MissedRun {
  const later = upcoming(c.schedule, first.at, { until: c.now, ...(c.skips ? { skips: c.skips } : {}) });
  const stop = later.findIndex((o) => !c.isMissed(o));
  const missed = [first, ...(stop < 0 ? later : later.slice(0, stop))];
  const fresh = missed.filter((o) =>
    c.ledger.record(
      { series: c.series, local: o.local, step: c.step, outcome: "missed", details: undefined },
      o.at,
      c.now,
    ),
  );
  return { fresh, last: missed[missed.length - 1] ?? first };
}
