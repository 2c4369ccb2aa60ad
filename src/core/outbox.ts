import { z } from "zod";
import type { Logger } from "pino";
import type { Db } from "../../db/open";
import type { Clock } from "./clock";
import { PlatformError, RateLimitedError } from "./errors";
import { PLATFORMS, splitId } from "./ids";
import type { OutgoingMessage, PostedRef, Target } from "./message";
import { OutgoingMessageSchema, TargetSchema } from "./message-schema";
import type { PortRouter } from "./port-router";

const Row = z.object({
  id: z.number(),
  platform: z.enum(PLATFORMS),
  op: z.enum(["post", "update", "pin"]),
  key: z.string().nullable(),
  ref_key: z.string().nullable(),
  target: z.string().nullable(),
  message: z.string(),
  attempts: z.number(),
});
type Row = z.infer<typeof Row>;

const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 1_000;

function targetOwner(target: Target): string {
  return target.kind === "dm" ? target.userId : target.channelId;
}

/**
 * The persisted send queue. Every message copbot sends is written here first and delivered in
 * order per platform. A rate limit (`RateLimitedError`) holds the platform's queue until the
 * platform's `Retry-After` has passed; transient errors back off; permanent errors are logged
 * as failed. Sent rows keep the posted reference, so a message can later be updated, pinned or
 * replied to by its key.
 */
export class Outbox {
  private draining: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ports: PortRouter,
    private readonly log: Logger,
  ) {}

  /** Queues a post. With a `key` the post happens at most once. `threadOfKey` replies in the thread of that post. */
  enqueue(target: Target, message: OutgoingMessage, opts: { key?: string; threadOfKey?: string } = {}): void {
    const platform = splitId(targetOwner(target))?.platform;
    if (!platform) throw new Error(`target without a platform: ${JSON.stringify(target)}`);
    this.db
      .prepare(
        `INSERT INTO outbox (platform, op, key, ref_key, target, message, next_attempt_at, created_at)
         VALUES (?, 'post', ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      )
      .run(
        platform,
        opts.key ?? null,
        opts.threadOfKey ?? null,
        JSON.stringify(target),
        JSON.stringify(message),
        this.clock.now().getTime(),
        this.clock.now().getTime(),
      );
  }

  /** Queues a replacement of the message posted under `key`; only the newest pending update is kept. */
  enqueueUpdate(key: string, message: OutgoingMessage): void {
    this.enqueueRef("update", key, message);
  }

  /** Queues pinning the message posted under `key`. */
  enqueuePin(key: string): void {
    this.enqueueRef("pin", key, { blocks: [] });
  }

  private enqueueRef(op: "update" | "pin", key: string, message: OutgoingMessage): void {
    const platform = this.db.prepare("SELECT platform FROM outbox WHERE key = ?").get(key) as
      { platform: string } | undefined;
    if (!platform) throw new Error(`nothing was posted under ${key}`);
    this.db.transaction(() => {
      if (op === "update") {
        this.db
          .prepare("DELETE FROM outbox WHERE op = 'update' AND ref_key = ? AND state = 'pending'")
          .run(key);
      }
      this.db
        .prepare(
          `INSERT INTO outbox (platform, op, ref_key, message, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          platform.platform,
          op,
          key,
          JSON.stringify(message),
          this.clock.now().getTime(),
          this.clock.now().getTime(),
        );
    })();
  }

  /** Where the message queued under `key` landed, once it is sent. */
  posted(key: string): PostedRef | undefined {
    const row = this.db
      .prepare("SELECT posted_channel, posted_message FROM outbox WHERE key = ? AND state = 'sent'")
      .get(key) as { posted_channel: string | null; posted_message: string | null } | undefined;
    if (!row?.posted_channel || !row.posted_message) return undefined;
    return { channelId: row.posted_channel, messageId: row.posted_message };
  }

  /** The key a posted message was queued under, if it had one. */
  keyOf(ref: PostedRef): string | undefined {
    const row = this.db
      .prepare("SELECT key FROM outbox WHERE posted_channel = ? AND posted_message = ? AND key IS NOT NULL")
      .get(ref.channelId, ref.messageId) as { key: string } | undefined;
    return row?.key;
  }

  /** When the next platform queue head may be tried, if anything is waiting. */
  nextAttemptAt(): Date | undefined {
    const row = this.db
      .prepare(
        `SELECT min(next_attempt_at) AS at FROM outbox
         WHERE id IN (SELECT min(id) FROM outbox WHERE state = 'pending' GROUP BY platform)`,
      )
      .get() as { at: number | null } | undefined;
    return row?.at == null ? undefined : new Date(row.at);
  }

  /** Number of items not yet delivered. */
  pendingCount(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }
    ).n;
  }

  /** Delivers everything that is due, in order. Concurrent calls coalesce into one run. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        await this.deliverDue();
      } while (this.again);
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Each platform's queue head decides: while it waits, the platform waits, so order is kept. */
  private async deliverDue(): Promise<void> {
    const heads = this.db.prepare(
      `SELECT * FROM outbox WHERE id IN (SELECT min(id) FROM outbox WHERE state = 'pending' GROUP BY platform)
       AND next_attempt_at <= ? ORDER BY id LIMIT 1`,
    );
    for (;;) {
      const row = heads.get(this.clock.now().getTime());
      if (row === undefined) return;
      await this.deliver(Row.parse(row));
    }
  }

  private async deliver(row: Row): Promise<void> {
    try {
      const port = this.ports.forPlatform(row.platform);
      const message = OutgoingMessageSchema.parse(JSON.parse(row.message));
      if (row.op === "post") {
        const target = this.withThread(TargetSchema.parse(JSON.parse(row.target ?? "null")), row.ref_key);
        const ref = await port.post(target, message);
        this.markSent(row.id, ref);
        return;
      }
      const ref = row.ref_key === null ? undefined : this.posted(row.ref_key);
      if (!ref) {
        this.markFailed(row, `the message ${row.ref_key ?? "?"} was never posted`);
        return;
      }
      if (row.op === "update") await port.update(ref, message);
      else await port.pin(ref);
      this.markSent(row.id, ref);
    } catch (error) {
      this.handleError(row, error);
    }
  }

  private withThread(target: Target, threadOfKey: string | null): Target {
    if (threadOfKey === null || target.kind !== "channel") return target;
    const parent = this.posted(threadOfKey);
    return parent ? { ...target, threadId: parent.messageId } : target;
  }

  private handleError(row: Row, error: unknown): void {
    const attempts = row.attempts + 1;
    const now = this.clock.now().getTime();
    if (error instanceof RateLimitedError) {
      this.log.warn({ outbox: row.id, retryAfterMs: error.retryAfterMs }, "rate limited, delivery delayed");
      this.reschedule(row.id, attempts, now + error.retryAfterMs, error.message);
      return;
    }
    const retryable = !(error instanceof PlatformError) || error.retryable;
    const message = error instanceof Error ? error.message : String(error);
    if (!retryable || attempts >= MAX_ATTEMPTS) {
      this.log.error({ err: error, outbox: row.id }, "message could not be delivered");
      this.markFailed(row, message);
      return;
    }
    this.log.warn({ err: error, outbox: row.id, attempts }, "delivery failed, will retry");
    this.reschedule(row.id, attempts, now + BACKOFF_BASE_MS * 2 ** (attempts - 1), message);
  }

  private reschedule(id: number, attempts: number, at: number, error: string): void {
    this.db
      .prepare("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
      .run(attempts, at, error, id);
  }

  private markSent(id: number, ref: PostedRef): void {
    this.db
      .prepare(
        "UPDATE outbox SET state = 'sent', posted_channel = ?, posted_message = ?, sent_at = ? WHERE id = ?",
      )
      .run(ref.channelId, ref.messageId, this.clock.now().getTime(), id);
  }

  private markFailed(row: Row, error: string): void {
    this.db
      .prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?")
      .run(error, row.id);
  }
}
