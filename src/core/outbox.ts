import type { Logger } from "pino";
import type { Db } from "../../db/open";
import type { Clock } from "./clock";
import { PlatformError, RateLimitedError } from "./errors";
import { splitId } from "./ids";
import type { OutgoingMessage, PostedRef, Target } from "./message";
import { OutgoingMessageSchema, TargetSchema } from "./message-schema";
import { OutboxRepo, type OutboxRow } from "./outbox-repo";
import { isFormerMember } from "./privacy";
import type { PortRouter } from "./port-router";

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
  private readonly rows: OutboxRepo;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly ports: PortRouter,
    private readonly log: Logger,
  ) {
    this.rows = new OutboxRepo(db);
  }

  /** Queues a post. With a `key` the post happens at most once. `threadOfKey` replies in the thread of that post. */
  enqueue(target: Target, message: OutgoingMessage, opts: { key?: string; threadOfKey?: string } = {}): void {
    // A forgotten member has no address any more: what would go to them privately goes nowhere.
    if (target.kind !== "channel" && isFormerMember(target.userId)) return;
    const platform = splitId(targetOwner(target))?.platform;
    if (!platform) throw new Error(`target without a platform: ${JSON.stringify(target)}`);
    this.rows.insertPost({
      platform,
      key: opts.key,
      threadOfKey: opts.threadOfKey,
      target: JSON.stringify(target),
      message: JSON.stringify(message),
      at: this.clock.now(),
    });
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
    const platform = this.rows.platformOf(key);
    if (!platform) throw new Error(`nothing was posted under ${key}`);
    this.rows.insertRef({ platform, op, key, message: JSON.stringify(message), at: this.clock.now() });
  }

  /** Where the message queued under `key` landed, once it is sent. */
  posted(key: string): PostedRef | undefined {
    return this.rows.posted(key);
  }

  /** The key a posted message was queued under, if it had one. */
  keyOf(ref: PostedRef): string | undefined {
    return this.rows.keyOf(ref);
  }

  /** When the next platform queue head may be tried, if anything is waiting. */
  nextAttemptAt(): Date | undefined {
    return this.rows.nextAttemptAt();
  }

  /** Number of items not yet delivered. */
  pendingCount(): number {
    return this.rows.pendingCount();
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
    for (;;) {
      const row = this.rows.dueHead(this.clock.now());
      if (row === undefined) return;
      await this.deliver(row);
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    try {
      const port = this.ports.forPlatform(row.platform);
      const message = OutgoingMessageSchema.parse(JSON.parse(row.message));
      if (row.op === "post") {
        const target = this.withThread(TargetSchema.parse(JSON.parse(row.target ?? "null")), row.refKey);
        const ref = await port.post(target, message);
        this.markSent(row.id, ref);
        return;
      }
      const ref = row.refKey === undefined ? undefined : this.posted(row.refKey);
      if (!ref) {
        this.markFailed(row, `the message ${row.refKey ?? "?"} was never posted`);
        return;
      }
      if (row.op === "update") await port.update(ref, message);
      else await port.pin(ref);
      this.markSent(row.id, ref);
    } catch (error) {
      this.handleError(row, error);
    }
  }

  private withThread(target: Target, threadOfKey: string | undefined): Target {
    if (threadOfKey === undefined || target.kind !== "channel") return target;
    const parent = this.posted(threadOfKey);
    return parent ? { ...target, threadId: parent.messageId } : target;
  }

  private handleError(row: OutboxRow, error: unknown): void {
    const attempts = row.attempts + 1;
    const now = this.clock.now().getTime();
    if (error instanceof RateLimitedError) {
      this.log.warn({ outbox: row.id, retryAfterMs: error.retryAfterMs }, "rate limited, delivery delayed");
      this.rows.reschedule(row.id, attempts, new Date(now + error.retryAfterMs), error.message);
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
    this.rows.reschedule(row.id, attempts, new Date(now + BACKOFF_BASE_MS * 2 ** (attempts - 1)), message);
  }

  private markSent(id: number, ref: PostedRef): void {
    this.rows.markSent(id, ref, this.clock.now());
  }

  private markFailed(row: OutboxRow, error: string): void {
    this.rows.markFailed(row.id, error);
  }
}
