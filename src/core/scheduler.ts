import type { Logger } from "pino";
import type { Db } from "../../db/open";
import type { Clock } from "./clock";
import { JobRepo, type JobRow } from "./job-repo";
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

const MAX_ATTEMPTS = 5;
/** Longest stretch of due jobs run without letting other events through. */
const SLICE_MS = 10;
const RETRY_BASE_MS = 60_000;

function isPromise(value: unknown): value is Promise<void> {
  return typeof value === "object" && value !== null && "then" in value;
}

/** Durable, idempotent job scheduler on SQLite. Time comes from the injected clock. */
export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private running: Promise<number> | undefined;
  private readonly jobs: JobRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.jobs = new JobRepo(db);
    // A job left "running" by a crash is retried: its handler had not finished.
    this.jobs.resetRunning();
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** Schedules a job; a second call with the same key is ignored. Returns the job id if new. */
  schedule(job: { kind: string; runAt: Date; payload?: unknown; key?: string }): number | undefined {
    const key = job.key ?? `${job.kind}:${this.clock.now().getTime()}:${Math.random().toString(36).slice(2)}`;
    return this.jobs.insert({
      kind: job.kind,
      key,
      runAt: job.runAt,
      payload: job.payload,
      at: this.clock.now(),
    });
  }

  /** Cancels a pending job by key; false when there was none pending (it ran, or never was). */
  cancel(key: string): boolean {
    return this.jobs.cancel(key);
  }

  /** Cancels every pending job whose key starts with `prefix`. */
  cancelPrefix(prefix: string): void {
    this.jobs.cancelPrefix(prefix);
  }

  /** True when a job with this key exists in any state. */
  has(key: string): boolean {
    return this.jobs.has(key);
  }

  /** When the next pending job is due, if any. */
  nextDueAt(): Date | undefined {
    return this.jobs.nextDueAt();
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
      const row = this.jobs.nextDue(now);
      if (row === undefined) return count;
      await this.runOne(row, services, now);
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
    return this.jobs.pruneFinished(before, limit);
  }

  private async runOne(row: JobRow, services: Services, now: Date): Promise<void> {
    const job: Job = { id: row.id, kind: row.kind, key: row.key, runAt: row.runAt, payload: row.payload };
    const handler = this.handlers.get(job.kind);
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
          this.jobs.markRunning(job.id);
          return;
        }
        this.jobs.markDone(job.id, row.attempts + 1, now);
      })();
      if (pending) {
        await pending;
        this.jobs.markDone(job.id, row.attempts + 1, this.clock.now());
      }
    } catch (error) {
      this.log.error({ err: error, job: job.key }, "job failed");
      this.fail(row, error, false);
    }
  }

  private fail(row: JobRow, error: unknown, permanent: boolean): void {
    const attempts = row.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    if (permanent || attempts >= MAX_ATTEMPTS) {
      this.jobs.markFailed(row.id, attempts, message, this.clock.now());
      return;
    }
    const retryAt = new Date(this.clock.now().getTime() + RETRY_BASE_MS * 2 ** (attempts - 1));
    this.jobs.retryAt(row.id, attempts, message, retryAt);
  }
}
