import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import { column, rowReader } from "../../db/rows";

/** A stored job as the scheduler runs it. */
export interface JobRow {
  readonly id: number;
  readonly kind: string;
  readonly key: string;
  readonly runAt: Date;
  readonly payload: unknown;
  readonly attempts: number;
}

const toJobRow: (row: unknown) => JobRow = rowReader({
  id: z.number(),
  kind: z.string(),
  key: z.string(),
  run_at: column.date,
  payload: z.string().transform((json) => JSON.parse(json) as unknown),
  attempts: z.number(),
});

/** The `jobs` table: durable jobs by unique key. */
export class JobRepo {
  constructor(private readonly db: Db) {}

  /** Jobs left "running" by a crash go back to pending: their handler had not finished. */
  resetRunning(): void {
    statement(this.db, "UPDATE jobs SET state = 'pending' WHERE state = 'running'").run();
  }

  /** Inserts a job; undefined when the key exists (in any state), else the new id. */
  insert(job: { kind: string; key: string; runAt: Date; payload: unknown; at: Date }): number | undefined {
    const result = statement(
      this.db,
      `INSERT INTO jobs (kind, key, run_at, payload, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
    ).run(job.kind, job.key, job.runAt.getTime(), JSON.stringify(job.payload ?? null), job.at.getTime());
    return result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
  }

  cancel(key: string): boolean {
    return (
      statement(this.db, "UPDATE jobs SET state = 'cancelled' WHERE key = ? AND state = 'pending'").run(key)
        .changes > 0
    );
  }

  cancelPrefix(prefix: string): void {
    statement(
      this.db,
      "UPDATE jobs SET state = 'cancelled' WHERE state = 'pending' AND substr(key, 1, ?) = ?",
    ).run(prefix.length, prefix);
  }

  has(key: string): boolean {
    return statement(this.db, "SELECT 1 FROM jobs WHERE key = ?").get(key) !== undefined;
  }

  /** When the earliest pending job is due. */
  nextDueAt(): Date | undefined {
    const row = z
      .object({ at: z.number().nullable() })
      .parse(statement(this.db, "SELECT min(run_at) AS at FROM jobs WHERE state = 'pending'").get());
    return row.at === null ? undefined : new Date(row.at);
  }

  /** The oldest pending job due at `now`. */
  nextDue(now: Date): JobRow | undefined {
    const row = statement(
      this.db,
      "SELECT id, kind, key, run_at, payload, attempts FROM jobs WHERE state = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT 1",
    ).get(now.getTime());
    return row === undefined ? undefined : toJobRow(row);
  }

  markRunning(id: number): void {
    statement(this.db, "UPDATE jobs SET state = 'running' WHERE id = ?").run(id);
  }

  markDone(id: number, attempts: number, at: Date): void {
    statement(this.db, "UPDATE jobs SET state = 'done', finished_at = ?, attempts = ? WHERE id = ?").run(
      at.getTime(),
      attempts,
      id,
    );
  }

  markFailed(id: number, attempts: number, error: string, at: Date): void {
    statement(
      this.db,
      "UPDATE jobs SET state = 'failed', attempts = ?, last_error = ?, finished_at = ? WHERE id = ?",
    ).run(attempts, error, at.getTime(), id);
  }

  /** Deletes up to `limit` finished jobs due before `before`; returns how many. */
  pruneFinished(before: Date, limit: number): number {
    return statement(
      this.db,
      `DELETE FROM jobs WHERE id IN (
           SELECT id FROM jobs WHERE state IN ('done', 'failed', 'cancelled') AND run_at < ? LIMIT ${sqlLimit(limit)})`,
    ).run(before.getTime()).changes;
  }

  /** Puts a failed job back for a later attempt. */
  retryAt(id: number, attempts: number, error: string, at: Date): void {
    statement(
      this.db,
      "UPDATE jobs SET state = 'pending', attempts = ?, last_error = ?, run_at = ? WHERE id = ?",
    ).run(attempts, error, at.getTime(), id);
  }
}
