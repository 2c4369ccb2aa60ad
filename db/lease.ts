import { randomUUID } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type Database from "better-sqlite3";
import { z } from "zod";
import { DatabaseError } from "../src/core/errors";

type Db = Database.Database;

/** A lease not renewed for this long is free to take. */
export const LEASE_TTL_MS = 10_000;
/** How often a running copbot renews its lease. */
export const LEASE_RENEW_MS = 2_000;

/** Who holds the lease: enough to tell, on the same machine, whether that process still runs. */
const HolderSchema = z.object({
  host: z.string(),
  boot: z.string(),
  pidns: z.string(),
  pid: z.number(),
  started: z.string(),
});
type Holder = z.infer<typeof HolderSchema>;

const LeaseRow = z.object({ token: z.string(), holder: z.string(), expires_at: z.number() });

function readOr(read: () => string, fallback: string): string {
  try {
    return read().trim();
  } catch {
    return fallback;
  }
}

/** The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or "". */
function processStart(pid: number | "self"): string {
  const stat = readOr(() => readFileSync(`/proc/${pid}/stat`, "utf8"), "");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
}

function me(): Holder {
  return {
    host: hostname(),
    boot: readOr(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8"), "unknown"),
    pidns: readOr(() => readlinkSync("/proc/self/ns/pid"), "unknown"),
    pid: process.pid,
    started: processStart("self"),
  };
}

/** Same machine, same boot and same PID namespace: the holder's pid means something here. */
function comparable(a: Holder, b: Holder): boolean {
  return (
    a.host === b.host &&
    a.boot === b.boot &&
    a.pidns === b.pidns &&
    a.boot !== "unknown" &&
    a.pidns !== "unknown"
  );
}

/** Blocks the thread (start-up only, before anything else runs). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function describe(holder: Holder | undefined, expiresAt: number): string {
  const who = holder ? `pid ${holder.pid} on ${holder.host}` : "an unknown process";
  return `${who}, its lease runs until ${new Date(expiresAt).toISOString()}`;
}

const leases = new WeakMap<Db, DatabaseLease>();

/** The lease `openDatabase` took for this connection (none for `:memory:`). */
export function leaseOf(db: Db): DatabaseLease | undefined {
  return leases.get(db);
}

/**
 * One copbot per database, enforced inside the database itself: a single lease row names
 * its holder and runs out unless renewed. It works wherever the file is shared — another PID
 * namespace (a container in a rolling deploy), a hard link under another name — because every
 * opener reads the same row; each renewal is checkpointed into the main file (by the
 * checkpoint worker while it runs, `publishVia`), so even a second opener through a hard link
 * (which has its own WAL) sees it. A lease whose holder provably died (same machine and PID
 * namespace, process gone) is taken over at once, so a restart after a crash never waits; one
 * that cannot be checked is waited for until it runs out, and refused if it is renewed
 * meanwhile.
 */
export class DatabaseLease {
  private timer: NodeJS.Timeout | undefined;
  private renewedAt = 0;
  private publisher: (() => boolean) | undefined;

  private constructor(
    private readonly db: Db,
    private readonly path: string,
    private readonly token: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease or throws a `DatabaseError` naming the holder and when its lease ends. */
  static acquire(db: Db, path: string, ttlMs = LEASE_TTL_MS): DatabaseLease {
    db.exec(
      `CREATE TABLE IF NOT EXISTS copbot_lease (
         id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, holder TEXT NOT NULL,
         acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
    );
    const self = me();
    const token = randomUUID();
    const deadline = Date.now() + ttlMs + 1_000;
    let seenExpiry: number | undefined;
    for (;;) {
      const now = Date.now();
      const current = db
        .transaction(() => {
          const row = LeaseRow.safeParse(
            db.prepare("SELECT token, holder, expires_at FROM copbot_lease").get(),
          );
          const holder = row.success ? HolderSchema.safeParse(JSON.parse(row.data.holder)).data : undefined;
          const free =
            !row.success ||
            row.data.expires_at <= now ||
            (holder !== undefined && comparable(holder, self) && (holder.pid === self.pid || !alive(holder)));
          if (!free) return { holder, expiresAt: row.data.expires_at };
          db.prepare(
            `INSERT INTO copbot_lease (id, token, holder, acquired_at, expires_at) VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET token = excluded.token, holder = excluded.holder,
             acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
          ).run(token, JSON.stringify(self), now, now + ttlMs);
          return undefined;
        })
        .immediate();
      if (current === undefined) {
        const lease = new DatabaseLease(db, path, token, ttlMs);
        lease.renewedAt = now;
        lease.publish();
        leases.set(db, lease);
        return lease;
      }
      const checkable = current.holder !== undefined && comparable(current.holder, self);
      const renewed = seenExpiry !== undefined && current.expiresAt !== seenExpiry;
      if (checkable || renewed || now >= deadline) {
        throw new DatabaseError(
          `COPBOT_DB ${path} is in use by another copbot (${describe(current.holder, current.expiresAt)}); stop it first or use another COPBOT_DB`,
        );
      }
      // Another machine or PID namespace: wait for the lease to run out, or to be renewed.
      seenExpiry = current.expiresAt;
      pause(Math.min(500, Math.max(50, current.expiresAt - now)));
    }
  }

  /** Keeps the lease alive; `onFailure` hears of a lost lease or a database that cannot be written. */
  startRenewing(onFailure: (error: unknown) => void, everyMs = LEASE_RENEW_MS): void {
    this.timer = setInterval(() => {
      try {
        this.renew();
      } catch (error) {
        this.stopRenewing();
        onFailure(error);
      }
    }, everyMs);
    this.timer.unref();
  }

  stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Extends the lease; throws when another process has taken it. */
  renew(): void {
    const now = Date.now();
    const changed = this.db
      .prepare("UPDATE copbot_lease SET expires_at = ? WHERE id = 1 AND token = ?")
      .run(now + this.ttlMs, this.token).changes;
    if (changed === 0) {
      throw new DatabaseError(
        `COPBOT_DB ${this.path}: another copbot took over this database while this one was not renewing its lease; this one stops`,
        { fatal: true },
      );
    }
    this.renewedAt = now;
    this.publish();
  }

  /** Whether the last renewal is recent: the database was writable then. */
  fresh(now = Date.now()): boolean {
    return now - this.renewedAt < this.ttlMs;
  }

  /** Gives the lease up (clean stop), so the next copbot need not wait. */
  release(): void {
    this.stopRenewing();
    try {
      this.db.prepare("DELETE FROM copbot_lease WHERE id = 1 AND token = ?").run(this.token);
      this.publish();
    } catch {
      // A broken or closed database: the lease simply runs out.
    }
  }

  /**
   * Hands the copying of renewals into the main file to `publisher` (the checkpoint worker,
   * db/checkpointer.ts: the main thread then pays no checkpoint), or takes it back (undefined).
   * A publisher that returns false could not take the request; the lease checkpoints itself.
   */
  publishVia(publisher: (() => boolean) | undefined): void {
    this.publisher = publisher;
  }

  /** Copies the WAL into the main file, where an opener through a hard link reads it. */
  private publish(): void {
    if (this.publisher?.()) return;
    if (this.db.pragma("journal_mode", { simple: true }) === "wal") this.db.pragma("wal_checkpoint(PASSIVE)");
  }
}

function alive(holder: Holder): boolean {
  const started = processStart(holder.pid);
  return started !== "" && started === holder.started;
}
