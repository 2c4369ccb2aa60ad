import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import type { LocalDateTime } from "./local-time";

export type Outcome = "sent" | "late" | "missed";

/** One step of one occurrence, e.g. the 15-minute reminder of `meeting:3` at `2027-03-29T10:00`. */
export interface LedgerEntry {
  readonly key: string;
  readonly series: string;
  readonly local: LocalDateTime;
  readonly step: string;
  readonly outcome: Outcome;
  readonly details: unknown;
}

const Row = z.object({
  key: z.string(),
  series: z.string(),
  local_at: z.string(),
  step: z.string(),
  outcome: z.enum(["sent", "late", "missed"]),
  details: z.string().nullable(),
});

function toEntry(row: unknown): LedgerEntry {
  const r = Row.parse(row);
  return {
    key: r.key,
    series: r.series,
    local: r.local_at,
    step: r.step,
    outcome: r.outcome,
    details: r.details === null ? undefined : (JSON.parse(r.details) as unknown),
  };
}

/** The key of one occurrence step: `<series>:<local date-time>:<step>`. */
export function stepKey(series: string, local: LocalDateTime, step: string): string {
  return `${series}:${local}:${step}`;
}

/**
 * What copbot did for each occurrence step. `record` is first-writer-wins: called in the job's
 * transaction together with the outbox message, it is the guard that makes a step happen once.
 */
export class Ledger {
  constructor(private readonly db: Db) {}

  /** Records a step; false when it was recorded before (then nothing must be sent). */
  record(entry: Omit<LedgerEntry, "key">, dueAt: Date, doneAt: Date): boolean {
    const result = statement(
      this.db,
      `INSERT INTO occurrence_ledger (key, series, local_at, step, outcome, due_at, done_at, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ).run(
      stepKey(entry.series, entry.local, entry.step),
      entry.series,
      entry.local,
      entry.step,
      entry.outcome,
      dueAt.getTime(),
      doneAt.getTime(),
      entry.details === undefined ? null : JSON.stringify(entry.details),
    );
    return result.changes > 0;
  }

  /** Records each of `occurrences` as missed: a catch-up that serves only the newest of them. */
  recordMissed(
    series: string,
    step: string,
    occurrences: readonly { readonly local: LocalDateTime; readonly at: Date }[],
    now: Date,
  ): void {
    for (const o of occurrences) {
      this.record({ series, local: o.local, step, outcome: "missed", details: undefined }, o.at, now);
    }
  }

  get(key: string): LedgerEntry | undefined {
    const row = statement(this.db, "SELECT * FROM occurrence_ledger WHERE key = ?").get(key);
    return row === undefined ? undefined : toEntry(row);
  }

  /** Deletes up to `limit` steps done before `before`; returns how many. */
  pruneBefore(before: Date, limit: number): number {
    return statement(
      this.db,
      `DELETE FROM occurrence_ledger WHERE key IN (SELECT key FROM occurrence_ledger WHERE done_at < ? LIMIT ${sqlLimit(limit)})`,
    ).run(before.getTime()).changes;
  }

  /** Every recorded step of one occurrence. */
  ofOccurrence(series: string, local: LocalDateTime): LedgerEntry[] {
    return statement(
      this.db,
      "SELECT * FROM occurrence_ledger WHERE series = ? AND local_at = ? ORDER BY due_at",
    )
      .all(series, local)
      .map(toEntry);
  }
}
