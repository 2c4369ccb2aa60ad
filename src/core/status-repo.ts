import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** A job counts as overdue when the minute tick should have run it a while ago. */
export const OVERDUE_AFTER_MS = 2 * 60_000;

const Overdue = z.object({ count: z.number(), oldest: z.number().nullable(), kind: z.string().nullable() });

/** Reads what `/cop status` shows about durable jobs. */
export class StatusRepo {
  constructor(private readonly db: Db) {}

  /** Pending jobs that should have run more than `OVERDUE_AFTER_MS` ago: how many, and the oldest. */
  overdueJobs(now: number): { count: number; oldestAt?: number; kind?: string } {
    const cutoff = now - OVERDUE_AFTER_MS;
    const row = Overdue.parse(
      statement(
        this.db,
        `SELECT count(*) AS count, min(run_at) AS oldest,
             (SELECT kind FROM jobs WHERE state = 'pending' AND run_at < ? ORDER BY run_at, id LIMIT 1) AS kind
           FROM jobs WHERE state = 'pending' AND run_at < ?`,
      ).get(cutoff, cutoff),
    );
    return {
      count: row.count,
      ...(row.oldest !== null ? { oldestAt: row.oldest } : {}),
      ...(row.kind !== null ? { kind: row.kind } : {}),
    };
  }

  /** How long the oldest pending job that is due has waited past its time, in ms (0: none waits). */
  lagMs(now: number): number {
    const row = statement(
      this.db,
      "SELECT min(run_at) AS oldest FROM jobs WHERE state = 'pending' AND run_at <= ?",
    ).get(now) as { oldest: number | null };
    return row.oldest === null ? 0 : now - row.oldest;
  }

  /** Jobs the scheduler gave up on. */
  failedJobs(): number {
    return (
      statement(this.db, "SELECT count(*) AS n FROM jobs WHERE state = 'failed'").get() as { n: number }
    ).n;
  }
}
