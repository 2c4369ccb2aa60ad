import { z } from "zod";
import type { Db } from "../../db/open";
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
    this.db.prepare("UPDATE jobs SET state = 'pending' WHERE state = 'running'").run();
  }

  /** Inserts a job; undefined when the key exists (in any state), else the new id. */
  insert(job: { kind: string; key: string; runAt: Date; payload: unknown; at: Date }): number | undefined {
    const result = this.db
      .prepare(
        `INSERT INTO jobs (kind, key, run_at, payload, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
      )
      .run(job.kind, job.key, job.runAt.getTime(), JSON.stringify(job.payload ?? null), job.at.getTime());
    return result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
  }

  cancel(key: string): void {
    this.db.prepare("UPDATE jobs SET state = 'cancelled' WHERE key = ? AND state = 'pending'").run(key);
  }

  cancelPrefix(prefix: string): void {
    this.db
      .prepare("UPDATE jobs SET state = 'cancelled' WHERE state = 'pending' AND substr(key, 1, ?) = ?")
      .run(prefix.length, prefix);
  }

  has(key: string): boolean {
    return this.db.prepare("SELECT 1 FROM jobs WHERE key = ?").get(key) !== undefined;
  }

  /** When the earliest pending job is due. */
  nextDueAt(): Date | undefined {
    const row = z
      .object({ at: z.number().nullable() })
      .parse(this.db.prepare("SELECT min(run_at) AS at FROM jobs WHERE state = 'pending'").get());
    return row.at === null ? undefined : new Date(row.at);
  }

  /** The oldest pending job due at `now`. */
  nextDue(now: Date): JobRow | undefined {
    const row = this.db
      .prepare(
        "SELECT id, kind, key, run_at, payload, attempts FROM jobs WHERE state = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT 1",
      )
      .get(now.getTime());
    return row === undefined ? undefined : toJobRow(row);
  }

  markRunning(id: number): void {
    this.db.prepare("UPDATE jobs SET state = 'running' WHERE id = ?").run(id);
  }

  markDone(id: number, attempts: number, at: Date): void {
    this.db
      .prepare("UPDATE jobs SET state = 'done', finished_at = ?, attempts = ? WHERE id = ?")
      .run(at.getTime(), attempts, id);
  }

  markFailed(id: number, attempts: number, error: string, at: Date): void {
    this.db
      .prepare("UPDATE jobs SET state = 'failed', attempts = ?, last_error = ?, finished_at = ? WHERE id = ?")
      .run(attempts, error, at.getTime(), id);
  }

  /** Puts a failed job back for a later attempt. */
  retryAt(id: number, attempts: number, error: string, at: Date): void {
    this.db
      .prepare("UPDATE jobs SET state = 'pending', attempts = ?, last_error = ?, run_at = ? WHERE id = ?")
      .run(attempts, error, at.getTime(), id);
  }
}
