import { z } from "zod";
import type { Statement } from "better-sqlite3";
import type { Db } from "../../db/open";
import { sqlLimit } from "../../db/statements";
import { transaction } from "../../db/transaction";
import type { Platform } from "./ids";
import {
  parseRows,
  STATES,
  toOutboxRow,
  type StoredBookkeeping,
  type DeliveryClass,
  type NewItem,
  type OutboxRow,
} from "./outbox-row";
import type { PostedRef } from "./message";

/**
 * A failed item as `/cop status` shows it, for its retry and drop buttons: an id alone could by
 * then name another item (ids are taken again once every newer item is gone, migration 017), the
 * delivery id cannot.
 */
export interface FailedRef {
  readonly id: number;
  readonly deliveryId: string;
}

/** Depth and oldest item of one lane, for `/cop status`. */
export interface LaneDepth {
  readonly lane: string;
  readonly platform: Platform;
  readonly depth: number;
  readonly oldestId: number;
  readonly oldestAt: number;
}

const OPEN = "state IN ('pending', 'sending')";
/** What marks an item in flight (`?`: now, the first attempt's time if it is the first). */
const SENDING =
  "state = 'sending', attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ?)";
const FINISHED = "state IN ('sent', 'failed', 'expired', 'dropped')";
/** The first open item of each lane: the only one that may go next. */
const HEADS = `SELECT lane, min(id) AS head, min(priority) AS prio FROM outbox WHERE ${OPEN} GROUP BY lane`;

/** All SQL of the outbox (see `Outbox` for what the states and columns mean). */
export class OutboxRepo {
  /** Statements are prepared once: the outbox runs several per message. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** False once the database was closed (a test or a stop that did not stop delivery first). */
  isOpen(): boolean {
    return this.db.open;
  }

  /** Whether a transaction is open (what it wrote may still roll back). */
  inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** Runs `work` in one transaction (through the connection's one wrapper, db/transaction.ts). */
  transaction<T>(work: () => T): T {
    return transaction(this.db, work);
  }

  /** Stores an item; undefined when its key was queued before (keyed posts happen once). */
  insert(item: NewItem): number | undefined {
    const result = this.sql(
      `INSERT INTO outbox (platform, op, key, ref_key, target, message, lane, class, priority, delivery_id,
           next_attempt_at, expires_at, notify_expiry, created_at)
         VALUES (@platform, @op, @key, @refKey, @target, @message, @lane, @cls, @priority, @deliveryId,
           @notBefore, @expiresAt, @notifyExpiry, @now)
         ON CONFLICT (key) WHERE key IS NOT NULL DO NOTHING`,
    ).run({ ...item, notifyExpiry: item.notifyExpiry ? 1 : 0 });
    return result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
  }

  /**
   * Stores an item someone waits for already in flight, this attempt counted, when its lane
   * has no open item (it is then its lane's head; otherwise it waits, pending, like `insert`).
   * One commit instead of two (queued, then claimed): a crash after it leaves the item in
   * flight, as a crash after a claim would. Undefined when its key was queued before.
   */
  insertClaimed(item: NewItem): { id: number; claimed: boolean } | undefined {
    // Three probes of the open items' index (the few open items), a few microseconds each.
    const busy = `EXISTS (SELECT 1 FROM outbox WHERE lane = @lane AND ${OPEN})`;
    const row = this.sql(
      `INSERT INTO outbox (platform, op, key, ref_key, target, message, lane, class, priority, delivery_id,
           next_attempt_at, expires_at, notify_expiry, created_at, state, attempts, first_attempt_at)
         VALUES (@platform, @op, @key, @refKey, @target, @message, @lane, @cls, @priority, @deliveryId,
           @notBefore, @expiresAt, @notifyExpiry, @now, iif(${busy}, 'pending', 'sending'),
           iif(${busy}, 0, 1), iif(${busy}, NULL, @now))
         ON CONFLICT (key) WHERE key IS NOT NULL DO NOTHING
         RETURNING id, state = 'sending' AS claimed`,
    ).get({ ...item, notifyExpiry: item.notifyExpiry ? 1 : 0 }) as
      { id: number; claimed: number } | undefined;
    return row === undefined ? undefined : { id: row.id, claimed: row.claimed === 1 };
  }

  /** Whether an item queued in flight was committed (its transaction may have rolled back). */
  stillClaimed(id: number, deliveryId: string): boolean {
    return (
      this.sql("SELECT 1 FROM outbox WHERE id = ? AND delivery_id = ? AND state = 'sending'").get(
        id,
        deliveryId,
      ) !== undefined
    );
  }

  /** An item queued in flight whose call was never made goes back to waiting, as queued. */
  release(id: number, deliveryId: string): void {
    this.sql(
      `UPDATE outbox SET state = 'pending', attempts = attempts - 1, first_attempt_at = NULL
         WHERE id = ? AND delivery_id = ? AND state = 'sending' AND attempts = 1`,
    ).run(id, deliveryId);
  }

  /** Drops pending updates of a message: only the newest replacement matters. */
  dropPendingUpdates(refKey: string, now: number): void {
    this.sql(
      "UPDATE outbox SET state = 'dropped', finished_at = ? WHERE op = 'update' AND ref_key = ? AND state = 'pending'",
    ).run(now, refKey);
  }

  /** Platform and lane of the post queued under `key`. */
  laneOfKey(key: string): { platform: Platform; lane: string } | undefined {
    const row = this.sql("SELECT platform, lane FROM outbox WHERE key = ?").get(key);
    return row === undefined ? undefined : z.object({ platform: z.string(), lane: z.string() }).parse(row);
  }

  /** State of the post queued under `key`. */
  stateOfKey(key: string): OutboxRow["state"] | undefined {
    const row = this.sql("SELECT state FROM outbox WHERE key = ?").get(key);
    return row === undefined ? undefined : z.object({ state: z.enum(STATES) }).parse(row).state;
  }

  posted(key: string): PostedRef | undefined {
    const row = this.sql(
      "SELECT posted_channel, posted_message FROM outbox WHERE key = ? AND state = 'sent'",
    ).get(key) as { posted_channel: string | null; posted_message: string | null } | undefined;
    if (!row?.posted_channel || !row.posted_message) return undefined;
    return { channelId: row.posted_channel, messageId: row.posted_message };
  }

  keyOf(ref: PostedRef): string | undefined {
    const row = this.sql(
      "SELECT key FROM outbox WHERE posted_channel = ? AND posted_message = ? AND key IS NOT NULL",
    ).get(ref.channelId, ref.messageId) as { key: string } | undefined;
    return row?.key;
  }

  /** The item queued under `key`. */
  byKey(key: string): OutboxRow | undefined {
    const row = this.sql("SELECT * FROM outbox WHERE key = ?").get(key);
    return row === undefined ? undefined : toOutboxRow(row);
  }

  get(id: number): OutboxRow | undefined {
    const row = this.sql("SELECT * FROM outbox WHERE id = ?").get(id);
    return row === undefined ? undefined : toOutboxRow(row);
  }

  /** Lane heads that are due now: answers to people first, then by age. */
  candidates(now: number, limit: number): OutboxRow[] {
    return parseRows(
      this.sql(
        `SELECT o.* FROM (${HEADS}) h JOIN outbox o ON o.id = h.head
           WHERE o.state = 'pending' AND o.next_attempt_at <= ? ORDER BY h.prio, o.id LIMIT ${sqlLimit(limit)}`,
      ).all(now),
    );
  }

  /** Whether anything waits to be delivered at all (one probe of the pending items' index). */
  anyPending(): boolean {
    return this.sql("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1").get() !== undefined;
  }

  /** When the earliest lane head that is not in flight may be tried. */
  nextHeadAt(): number | undefined {
    const row = this.sql(
      `SELECT min(o.next_attempt_at) AS at FROM (${HEADS}) h JOIN outbox o ON o.id = h.head WHERE o.state = 'pending'`,
    ).get() as { at: number | null };
    return row.at ?? undefined;
  }

  /** Whether a lane still has an open item (cheaper than looking at the heads of all lanes). */
  laneHasOpen(lane: string): boolean {
    return this.sql(`SELECT 1 FROM outbox WHERE lane = ? AND ${OPEN} LIMIT 1`).get(lane) !== undefined;
  }

  /** The first open item of a lane. */
  laneHead(lane: string): OutboxRow | undefined {
    const row = this.sql(`SELECT * FROM outbox WHERE lane = ? AND ${OPEN} ORDER BY id LIMIT 1`).get(lane);
    return row === undefined ? undefined : toOutboxRow(row);
  }

  /**
   * Marks an item in flight (committed before the call) and returns it as it is now, this
   * attempt counted; undefined when it is no longer pending. What an item says and where it
   * goes never change once queued, so only the bookkeeping is read back (a row's message, read
   * back with it, made a fan-out 15 % slower).
   */
  markSending(row: OutboxRow, now: number): OutboxRow | undefined {
    const fresh = this.sql(
      `UPDATE outbox SET ${SENDING} WHERE id = ? AND state = 'pending'
         RETURNING attempts, in_doubt, next_attempt_at, first_attempt_at, expires_at, last_error`,
    ).get(now, row.id) as StoredBookkeeping | undefined;
    if (fresh === undefined) return undefined;
    return {
      ...row,
      state: "sending",
      attempts: fresh.attempts,
      inDoubt: fresh.in_doubt === 1,
      nextAttemptAt: fresh.next_attempt_at,
      firstAttemptAt: fresh.first_attempt_at,
      expiresAt: fresh.expires_at,
      lastError: fresh.last_error,
    };
  }

  /**
   * `markSending` for an item known from when it was queued, in one statement: only while it
   * is (still) the one queued as `deliveryId`, due, and the first open item of its lane.
   */
  claimHead(id: number, deliveryId: string, now: number): OutboxRow | undefined {
    const row = this.sql(
      `UPDATE outbox SET ${SENDING}
         WHERE id = ? AND delivery_id = ? AND state = 'pending' AND next_attempt_at <= ?
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.lane = outbox.lane AND o.${OPEN} AND o.id < outbox.id)
         RETURNING *`,
    ).get(now, id, deliveryId, now);
    return row === undefined ? undefined : toOutboxRow(row);
  }

  /** Marks an item delivered; returns whether its lane has another open item. */
  markSent(id: number, ref: PostedRef | undefined, now: number): boolean {
    const row = this.sql(
      `UPDATE outbox SET state = 'sent', posted_channel = coalesce(?, posted_channel),
           posted_message = coalesce(?, posted_message), finished_at = ?, last_error = NULL WHERE id = ?
         RETURNING EXISTS (SELECT 1 FROM outbox o WHERE o.lane = outbox.lane AND o.${OPEN} AND o.id <> outbox.id) AS more`,
    ).get(ref?.channelId ?? null, ref?.messageId ?? null, now, id) as { more: number } | undefined;
    return row?.more === 1;
  }

  /** The highest id queued so far (0 when none). */
  lastId(): number {
    return (this.sql("SELECT coalesce(max(id), 0) AS id FROM outbox").get() as { id: number }).id;
  }

  /** Back to pending, to be tried at `at`; `inDoubt` once set stays set. */
  reschedule(id: number, at: number, error: string, inDoubt: boolean): void {
    this.sql(
      `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?, in_doubt = max(in_doubt, ?)
         WHERE id = ?`,
    ).run(at, error, inDoubt ? 1 : 0, id);
  }

  markFailed(id: number, error: string, now: number): void {
    this.sql("UPDATE outbox SET state = 'failed', last_error = ?, finished_at = ? WHERE id = ?").run(
      error,
      now,
      id,
    );
  }

  /** Expires what waited too long; returns the expired items. */
  expireDue(now: number): OutboxRow[] {
    return parseRows(
      this.sql(
        `UPDATE outbox SET state = 'expired', finished_at = ? WHERE state = 'pending' AND expires_at <= ? RETURNING *`,
      ).all(now, now),
    );
  }

  /** Nothing of this class (or, without one, of this platform) is tried before `until`. */
  holdBack(platform: Platform, cls: DeliveryClass | undefined, until: number): void {
    this.sql(
      `UPDATE outbox SET next_attempt_at = max(next_attempt_at, ?)
         WHERE state = 'pending' AND platform = ? AND (? IS NULL OR class = ?)`,
    ).run(until, platform, cls ?? null, cls ?? null);
  }

  /** Items found in flight at start-up: their call may or may not have arrived. */
  recoverInFlight(): number {
    // The open items' index holds the few in flight; `state = 'sending'` alone would read every row.
    return this.sql(
      `UPDATE outbox SET state = 'pending', in_doubt = 1 WHERE ${OPEN} AND state = 'sending'`,
    ).run().changes;
  }

  /**
   * A failed (or expired) item goes back to the queue, with the failed items that belong to
   * it (its updates, pins and thread replies), and `expiresAt` as its new deadline.
   */
  retry({ id, deliveryId }: FailedRef, now: number, expiresAt: number): boolean {
    return this.db.transaction(() => {
      const row = this.get(id);
      if (!row || row.deliveryId !== deliveryId || (row.state !== "failed" && row.state !== "expired"))
        return false;
      const again = this.sql(
        `UPDATE outbox SET state = 'pending', next_attempt_at = ?, expires_at = max(expires_at, ?),
           finished_at = NULL WHERE state IN ('failed', 'expired') AND (id = ? OR (? IS NOT NULL AND ref_key = ?))`,
      );
      again.run(now, expiresAt, id, row.key, row.key);
      return true;
    })();
  }

  /** A moderator gives up on a failed item. */
  drop({ id, deliveryId }: FailedRef, now: number): boolean {
    return (
      this.sql(
        `UPDATE outbox SET state = 'dropped', finished_at = ?
         WHERE id = ? AND delivery_id = ? AND state IN ('failed', 'expired')`,
      ).run(now, id, deliveryId).changes > 0
    );
  }

  /**
   * Deletes up to `limit` finished items older than `before`, except posts that open items
   * still refer to (an update or thread reply needs its post's reference).
   */
  prune(before: number, limit: number): number {
    return this.sql(
      `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE ${FINISHED} AND finished_at < ?
             AND (key IS NULL OR key NOT IN (SELECT ref_key FROM outbox WHERE ${OPEN} AND ref_key IS NOT NULL))
           LIMIT ${sqlLimit(limit)})`,
    ).run(before).changes;
  }

  pendingCount(): number {
    return (this.sql(`SELECT count(*) AS n FROM outbox WHERE ${OPEN}`).get() as { n: number }).n;
  }

  /** Open items per lane, deepest first. */
  lanes(limit: number): { lanes: LaneDepth[]; total: number; laneCount: number } {
    const rows = z
      .array(
        z.object({
          lane: z.string(),
          platform: z.string(),
          depth: z.number(),
          oldest_id: z.number(),
          oldest_at: z.number(),
        }),
      )
      .parse(
        this.sql(
          `SELECT lane, platform, count(*) AS depth, min(id) AS oldest_id, min(created_at) AS oldest_at
             FROM outbox WHERE ${OPEN} GROUP BY lane ORDER BY depth DESC, oldest_id LIMIT ${sqlLimit(limit)}`,
        ).all(),
      );
    const totals = this.sql(
      `SELECT count(*) AS total, count(DISTINCT lane) AS lanes FROM outbox WHERE ${OPEN}`,
    ).get() as { total: number; lanes: number };
    return {
      lanes: rows.map((r) => ({
        lane: r.lane,
        platform: r.platform,
        depth: r.depth,
        oldestId: r.oldest_id,
        oldestAt: r.oldest_at,
      })),
      total: totals.total,
      laneCount: totals.lanes,
    };
  }

  /** The oldest open item. */
  oldestOpen(): OutboxRow | undefined {
    const row = this.sql(`SELECT * FROM outbox WHERE ${OPEN} ORDER BY created_at, id LIMIT 1`).get();
    return row === undefined ? undefined : toOutboxRow(row);
  }

  /** Items that failed for good, newest first. */
  failed(limit: number): { rows: OutboxRow[]; total: number } {
    const rows = parseRows(
      this.sql(`SELECT * FROM outbox WHERE state = 'failed' ORDER BY id DESC LIMIT ${sqlLimit(limit)}`).all(),
    );
    const total = (this.sql("SELECT count(*) AS n FROM outbox WHERE state = 'failed'").get() as { n: number })
      .n;
    return { rows, total };
  }

  /** How long the oldest due item (not in flight) has been waiting past its time, in ms. */
  overdueMs(now: number): number {
    const row = this.sql(
      `SELECT min(o.next_attempt_at) AS at FROM (${HEADS}) h JOIN outbox o ON o.id = h.head
         WHERE o.state = 'pending' AND o.next_attempt_at <= ?`,
    ).get(now) as { at: number | null };
    return row.at === null ? 0 : now - row.at;
  }
}
