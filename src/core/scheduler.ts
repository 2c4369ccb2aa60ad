import { z } from "zod";
import type { Logger } from "pino";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import type { Clock } from "./clock";
import type { Services } from "./services";

/** A durable job as handlers see it. */
export interface Job {
  readonly id: number;
  readonly kind: string;
  readonly key: string;
  readonly runAt: Date;
  readonly payload: unknown;
}

export interface JobContext {
  readonly services: Services;
  readonly now: Date;
  /** How late the job runs (0 when on time); handlers decide between "late" and "missed". */
  readonly lateMs: number;
}

/**
 * Runs one due job. A synchronous handler runs in the same SQLite transaction that marks the
 * job done, so whatever it enqueues is committed together with "done": a crash can neither
 * lose nor repeat it. An asynchronous handler is marked done when its promise settles.
 */
export type JobHandler = (job: Job, ctx: JobContext) => void | Promise<void>;

const JobRow = z.object({
  id: z.number(),
  kind: z.string(),
  key: z.string(),
  run_at: z.number(),
  payload: z.string(),
  attempts: z.number(),
});

const MAX_ATTEMPTS = 5;
/** Longest stretch of due jobs run without letting other events through. */
const SLICE_MS = 10;
const RETRY_BASE_MS = 60_000;

function toJob(row: z.infer<typeof JobRow>): Job {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    runAt: new Date(row.run_at),
    payload: JSON.parse(row.payload) as unknown,
  };
}

function isPromise(value: unknown): value is Promise<void> {
  return typeof value === "object" && value !== null && "then" in value;
}

/** Durable, idempotent job scheduler on SQLite. Time comes from the injected clock. */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    // A job left "running" by a crash is retried: its handler had not finished.
    statement(db, "UPDATE jobs SET state = 'pending' WHERE state = 'running'").run();
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** Schedules a job; a second call with the same key is ignored. Returns the job id if new. */
  schedule(job: { kind: string; runAt: Date; payload?: unknown; key?: string }): number | undefined {
    const key = job.key ?? `${job.kind}:${this.clock.now().getTime()}:${Math.random().toString(36).slice(2)}`;
    const result = statement(
      this.db,
      `INSERT INTO jobs (kind, key, run_at, payload, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
    ).run(
      job.kind,
      key,
      job.runAt.getTime(),
      JSON.stringify(job.payload ?? null),
      this.clock.now().getTime(),
    );
    return result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
  }

  /** Cancels a pending job by key. */
  cancel(key: string): void {
    statement(this.db, "UPDATE jobs SET state = 'cancelled' WHERE key = ? AND state = 'pending'").run(key);
  }

  /** Cancels every pending job whose key starts with `prefix`. */
  cancelPrefix(prefix: string): void {
    statement(
      this.db,
      "UPDATE jobs SET state = 'cancelled' WHERE state = 'pending' AND substr(key, 1, ?) = ?",
    ).run(prefix.length, prefix);
  }

  /** True when a job with this key exists in any state. */
  has(key: string): boolean {
    return statement(this.db, "SELECT 1 FROM jobs WHERE key = ?").get(key) !== undefined;
  }

  /** When the next pending job is due, if any. */
  nextDueAt(): Date | undefined {
    const row = statement(this.db, "SELECT min(run_at) AS at FROM jobs WHERE state = 'pending'").get() as
      { at: number | null } | undefined;
    return row?.at == null ? undefined : new Date(row.at);
  }

  /** Runs every job due now, oldest first; concurrent calls share one run. */
  runDue(services: Services): Promise<number> {
    this.running ??= this.runAll(services).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Runs due jobs one after another in slices of about `SLICE_MS`, letting the event loop turn
   * between slices: catching up after a weekend down (hundreds of reminders) must not keep
   * messages and Slack's 3-second acks waiting.
   */
  private async runAll(services: Services): Promise<number> {
    let count = 0;
    let sliceStart = performance.now();
    for (;;) {
      const now = this.clock.now();
      const row = statement(
        this.db,
        "SELECT id, kind, key, run_at, payload, attempts FROM jobs WHERE state = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT 1",
      ).get(now.getTime());
      if (row === undefined) return count;
      await this.runOne(JobRow.parse(row), services, now);
      count += 1;
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  /**
   * Deletes up to `limit` finished jobs (done, failed, cancelled) that were due before
   * `before`; returns how many. Their keys are never scheduled again: plans only look ahead.
   */
  pruneFinished(before: Date, limit: number): number {
    return statement(
      this.db,
      `DELETE FROM jobs WHERE id IN (
         SELECT id FROM jobs WHERE state IN ('done', 'failed', 'cancelled') AND run_at < ? LIMIT ?)`,
    ).run(before.getTime(), limit).changes;
  }

  private async runOne(row: z.infer<typeof JobRow>, services: Services, now: Date): Promise<void> {
    const job = toJob(row);
    const handler = this.handlers.get(job.kind);
    const markDone = statement(
      this.db,
      "UPDATE jobs SET state = 'done', finished_at = ?, attempts = ? WHERE id = ?",
    );
    if (!handler) {
      this.log.error({ job: job.key }, "no handler for job kind %s", job.kind);
      this.fail(row, new Error(`no handler for ${job.kind}`), true);
      return;
    }
    const ctx: JobContext = { services, now, lateMs: Math.max(0, now.getTime() - job.runAt.getTime()) };
    try {
      // better-sqlite3 transactions are synchronous: an async handler's promise is kept
      // outside, and its job is marked done only when it settles.
      let pending: Promise<void> | undefined;
      this.db.transaction(() => {
        const result = handler(job, ctx);
        if (isPromise(result)) {
          pending = result;
          statement(this.db, "UPDATE jobs SET state = 'running' WHERE id = ?").run(job.id);
          return;
        }
        markDone.run(now.getTime(), row.attempts + 1, job.id);
      })();
      if (pending) {
        await pending;
        markDone.run(this.clock.now().getTime(), row.attempts + 1, job.id);
      }
    } catch (error) {
      this.log.error({ err: error, job: job.key }, "job failed");
      this.fail(row, error, false);
    }
  }

  private fail(row: z.infer<typeof JobRow>, error: unknown, permanent: boolean): void {
    const attempts = row.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    if (permanent || attempts >= MAX_ATTEMPTS) {
      statement(
        this.db,
        "UPDATE jobs SET state = 'failed', attempts = ?, last_error = ?, finished_at = ? WHERE id = ?",
      ).run(attempts, message, this.clock.now().getTime(), row.id);
      return;
    }
    const retryAt = this.clock.now().getTime() + RETRY_BASE_MS * 2 ** (attempts - 1);
    statement(
      this.db,
      "UPDATE jobs SET state = 'pending', attempts = ?, last_error = ?, run_at = ? WHERE id = ?",
    ).run(attempts, message, retryAt, row.id);
  }
}
