import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Db } from "../../db/open";
import type { Clock } from "./clock";
import type { DeliveryOutcome } from "./counters";
import { splitId } from "./ids";
import type { OutgoingMessage, PostedRef, Target } from "./message";
import { DEFAULT_DISPATCH, Dispatcher, type DispatchOptions } from "./outbox-dispatch";
import { OutboxRepo, type FailedRef, type LaneDepth } from "./outbox-repo";
import { claimedRow, type DeliveryClass, type NewItem, type OutboxRow } from "./outbox-row";
import { isFormerMember } from "./privacy";
import type { PortRouter } from "./port-router";

/** Whatever people wait for (answers, posts) goes before bulk fan-out (a prompt to every member). */
export const PRIORITIES = { normal: 0, bulk: 1 } as const;
export type Priority = keyof typeof PRIORITIES;

/** How long a message makes sense when its sender does not say: a day. */
export const DEFAULT_EXPIRY_MS = 24 * 3_600_000;

export interface SendOptions {
  /** With a key the post happens at most once, and can be updated, pinned and replied to. */
  readonly key?: string;
  /** Reply in the thread of the post queued under this key. */
  readonly threadOfKey?: string;
  readonly priority?: Priority;
  /** When the message no longer makes sense (a reminder after its meeting); default a day. */
  readonly expiresAt?: Date;
  /** Whether the moderators hear about it when it expires undelivered (default yes). */
  readonly notifyExpiry?: boolean;
}

/** What `/cop status` shows of the outbox. */
export interface OutboxStatus {
  readonly lanes: readonly LaneDepth[];
  readonly total: number;
  readonly laneCount: number;
  readonly oldest: OutboxRow | undefined;
  readonly failed: readonly OutboxRow[];
  readonly failedTotal: number;
  readonly inFlight: number;
  readonly holds: readonly { scope: string; until: Date }[];
  /** How long due items have waited while no call settled (0: delivery moves or nothing is due). */
  readonly stalledMs: number;
}

export interface OutboxOptions extends Partial<DispatchOptions> {
  /** Told about items that expired undelivered (copbot notes them to the moderators). */
  readonly onExpired?: (rows: readonly OutboxRow[]) => void;
  /** True when an error means the database is broken (delivery then stops). */
  readonly fatal?: (error: unknown) => boolean;
  /** Told how each delivery attempt ended (the metrics count it). */
  readonly onOutcome?: (outcome: DeliveryOutcome, row: OutboxRow) => void;
}

/** What the metrics show of the outbox. */
export interface OutboxBacklog {
  /** Items not yet delivered. */
  readonly depth: number;
  /** When the oldest of them was queued. */
  readonly oldestAt: number | undefined;
  /** Items that failed for good and wait for a moderator. */
  readonly failed: number;
}

/** Changes a message on its way into the queue (see `deliverFrom`). */
export type AnswerNote = (message: OutgoingMessage, target: Target) => OutgoingMessage;

/** What one `deliverFrom` keeps track of while its work runs. */
interface Tracking {
  /** The items it queued that people wait for (not bulk fan-out). */
  readonly ids: number[];
  firstAnswer?: AnswerNote;
}

/**
 * Where an item queues: one lane per conversation. Everything private to one person (DMs and
 * the answers only they see) shares a lane, so it arrives in the order it was queued.
 */
function laneOf(target: Target): string {
  return target.kind === "channel" ? `channel:${target.channelId}` : `person:${target.userId}`;
}

function ownerOf(target: Target): string {
  return target.kind === "dm" ? target.userId : target.channelId;
}

/**
 * The persisted send queue. Every message copbot sends is written here first, in the same
 * transaction as whatever caused it, and delivered effectively once: an item is marked in
 * flight before its call, and one found in flight after a crash (or after a timeout) is
 * checked against the platform before it goes again (see `Delivery`). Transient failures are
 * retried with capped backoff until the item expires; only permanent errors fail it, for a
 * moderator to retry or drop (`/cop status`). Delivered items keep their posted reference, so
 * a message can be updated, pinned or replied to by its key, until they are pruned.
 */
export class Outbox {
  private readonly repo: OutboxRepo;
  private readonly dispatcher: Dispatcher;
  private readonly tracked = new AsyncLocalStorage<Tracking>();
  private wakeListener: ((at: Date | undefined) => void) | undefined;

  constructor(
    db: Db,
    private readonly clock: Clock,
    ports: PortRouter,
    private readonly log: Logger,
    opts: OutboxOptions = {},
  ) {
    this.repo = new OutboxRepo(db);
    const recovered = this.repo.recoverInFlight();
    if (recovered > 0)
      log.warn({ items: recovered }, "outbox: items were in flight at the last stop; checking them");
    const { onExpired, fatal, onOutcome, ...tuning } = opts;
    const queuedBefore = this.repo.lastId();
    this.dispatcher = new Dispatcher(
      this.repo,
      clock,
      ports,
      log,
      {
        fatal: fatal ?? (() => false),
        expired: (rows) => onExpired?.(rows),
        // Only a listener (the system clock's runtime) needs to know when: ask only then.
        wake: (next) => this.wakeListener?.(next()),
        outcome: (outcome, row) => onOutcome?.(outcome, row),
      },
      { ...DEFAULT_DISPATCH, ...tuning },
      queuedBefore,
    );
  }

  /** Tells `listener` when delivery should be looked at again (the runtime arms a timer). */
  onWake(listener: (at: Date | undefined) => void): void {
    this.wakeListener = listener;
  }

  /** Queues a post; returns its id, or undefined when its key was queued before. */
  enqueue(target: Target, message: OutgoingMessage, opts: SendOptions = {}): number | undefined {
    // A forgotten member has no address any more: what would go to them privately goes nowhere.
    if (target.kind !== "channel" && isFormerMember(target.userId)) return undefined;
    const platform = splitId(ownerOf(target))?.platform;
    if (!platform) throw new Error(`target without a platform: ${JSON.stringify(target)}`);
    const cls: DeliveryClass = target.kind === "ephemeral" ? "ephemeral" : "post";
    const now = this.clock.now().getTime();
    const tracking = this.tracked.getStore();
    const awaited = (opts.priority ?? "normal") === "normal";
    const first = awaited ? tracking?.firstAnswer : undefined;
    if (first && tracking) tracking.firstAnswer = undefined;
    const sent = first ? first(message, target) : message;
    const item: NewItem = {
      platform,
      op: "post",
      key: opts.key ?? null,
      refKey: opts.threadOfKey ?? null,
      target: JSON.stringify(target),
      message: JSON.stringify(sent),
      lane: laneOf(target),
      cls,
      priority: PRIORITIES[opts.priority ?? "normal"],
      deliveryId: randomUUID(),
      notBefore: Math.max(now, this.dispatcher.heldUntil(platform, cls)),
      expiresAt: opts.expiresAt?.getTime() ?? now + DEFAULT_EXPIRY_MS,
      notifyExpiry: opts.notifyExpiry ?? true,
      now,
    };
    // Bulk fan-out is not waited for (see `deliverFrom`).
    const waiting = awaited ? tracking : undefined;
    const stored = this.store(item, waiting);
    if (stored !== undefined)
      this.queued(waiting, stored.id, item, stored.claimed, { target, message: sent });
    return stored?.id;
  }

  /**
   * Stores an item; one someone waits for that can go now is stored in flight (one commit
   * fewer, nothing to claim; see `insertClaimed`). Undefined when its key was queued before.
   */
  private store(item: NewItem, waiting: Tracking | undefined): { id: number; claimed: boolean } | undefined {
    if (waiting !== undefined && item.notBefore <= item.now && this.dispatcher.mayClaim())
      return this.repo.insertClaimed(item);
    const id = this.repo.insert(item);
    return id === undefined ? undefined : { id, claimed: false };
  }

  /** Queues a replacement of the message posted under `key`; only the newest pending update is kept. */
  enqueueUpdate(key: string, message: OutgoingMessage): void {
    this.enqueueRef("update", key, message);
  }

  /** Queues pinning the message posted under `key`. */
  enqueuePin(key: string): void {
    this.enqueueRef("pin", key, { blocks: [] });
  }

  /**
   * Queues copbot's reaction `emoji` on a message: one copbot posted (by its outbox `key`) or
   * someone else's (by `ref`). `key` names the mark, for `enqueueUnreact`; it is made once.
   */
  enqueueReact(on: { key: string } | { ref: PostedRef }, emoji: string, key: string): void {
    const mark = { emoji };
    if ("key" in on) return this.enqueueRef("react", on.key, mark, key);
    const platform = splitId(on.ref.channelId)?.platform;
    if (!platform) throw new Error(`message without a platform: ${JSON.stringify(on.ref)}`);
    const lane = laneOf({ kind: "channel", channelId: on.ref.channelId });
    this.insertChange({ platform, lane }, "react", null, mark, key, JSON.stringify(on.ref));
  }

  /** Queues taking back the reaction queued under `key` (nothing, when it was never made). */
  enqueueUnreact(key: string): void {
    const mark = this.repo.byKey(key);
    if (mark?.op !== "react") return;
    this.insertChange(mark, "unreact", key, JSON.parse(mark.message) as object);
  }

  private enqueueRef(op: "update" | "pin" | "react", key: string, message: object, ownKey?: string): void {
    const parent = this.repo.laneOfKey(key);
    if (!parent) {
      // Never queued, or pruned after COPBOT_OUTBOX_RETENTION_DAYS: there is nothing to change.
      this.log.warn({ key, op }, "outbox: the message to change is not (or no longer) known");
      return;
    }
    this.insertChange(parent, op, key, message, ownKey);
  }

  /** Queues a change of something sent earlier, in the lane of what it changes. */
  private insertChange(
    where: { platform: string; lane: string },
    op: "update" | "pin" | "react" | "unreact",
    refKey: string | null,
    message: object,
    ownKey?: string,
    target?: string,
  ): void {
    const platform = where.platform;
    const cls: DeliveryClass = op === "unreact" ? "react" : op;
    const now = this.clock.now().getTime();
    const item: NewItem = {
      platform,
      op,
      key: ownKey ?? null,
      refKey,
      target: target ?? null,
      message: JSON.stringify(message),
      lane: where.lane,
      cls,
      priority: PRIORITIES.normal,
      deliveryId: randomUUID(),
      notBefore: Math.max(now, this.dispatcher.heldUntil(platform, cls)),
      expiresAt: now + DEFAULT_EXPIRY_MS,
      notifyExpiry: true,
      now,
    };
    const waiting = this.tracked.getStore();
    const stored = this.repo.transaction(() => {
      if (op === "update" && refKey !== null) this.repo.dropPendingUpdates(refKey, now);
      return this.store(item, waiting);
    });
    if (stored !== undefined) this.queued(waiting, stored.id, item, stored.claimed);
  }

  /**
   * The `work` of a `deliverFrom` waits for the item just queued: the dispatcher knows it from
   * here (`claimed`: queued in flight; `post`: a post's target and message as they were
   * serialized, for its call). Anything else makes the dispatcher look at the queue again.
   */
  private queued(
    tracking: Tracking | undefined,
    id: number,
    item: NewItem,
    claimed: boolean,
    post?: { target: Target; message: OutgoingMessage },
  ): void {
    if (tracking === undefined) return this.dispatcher.queued();
    tracking.ids.push(id);
    this.dispatcher.expect(id, item);
    if (claimed) this.dispatcher.claim(claimedRow(id, item, post), !this.repo.inTransaction());
  }

  /** Where the message queued under `key` landed, once it is sent. */
  posted(key: string): PostedRef | undefined {
    return this.repo.posted(key);
  }

  /** The key a posted message was queued under, if it had one. */
  keyOf(ref: PostedRef): string | undefined {
    return this.repo.keyOf(ref);
  }

  /** When the next waiting item may be tried, if anything waits. */
  nextAttemptAt(): Date | undefined {
    return this.dispatcher.nextAttemptAt();
  }

  /** Number of items not yet delivered. */
  pendingCount(): number {
    return this.repo.pendingCount();
  }

  /** Starts delivering whatever is due, without waiting for it. */
  kick(): void {
    this.dispatcher.kick();
  }

  /** Delivers everything that can go now; resolves when nothing is in flight and nothing is due. */
  drain(): Promise<void> {
    return this.dispatcher.drain();
  }

  /**
   * Runs `work` and then waits until what it queued (except bulk fan-out) is delivered or
   * waiting for something that takes time, so an event's answers are out when its handling
   * ends, but no event ever waits for another conversation. `firstAnswer` changes the first
   * post it queues that people wait for (a late answer says sorry for the wait).
   */
  async deliverFrom<T>(work: () => Promise<T>, opts: { firstAnswer?: AnswerNote } = {}): Promise<T> {
    const { result, ids } = await this.queuedBy(work, opts);
    await this.settle(ids);
    return result;
  }

  /**
   * The first half of `deliverFrom`: runs `work` and returns, with its result, the items it
   * queued that people wait for, to `settle` later (so a caller can let the next event of a
   * conversation be handled while this one's answers are still on their way).
   */
  async queuedBy<T>(
    work: () => Promise<T>,
    opts: { firstAnswer?: AnswerNote } = {},
  ): Promise<{ result: T; ids: readonly number[] }> {
    const ids: number[] = [];
    const result = await this.tracked.run({ ids, ...opts }, work);
    return { result, ids };
  }

  /** The second half of `deliverFrom`: resolves once `ids` are delivered or waiting for something that takes time. */
  settle(ids: readonly number[]): Promise<void> {
    // An item whose transaction rolled back is simply not found: it counts as settled.
    return this.dispatcher.settle(ids);
  }

  /** Stops delivering; waits up to `graceMs` for calls in flight. Returns how many are still in flight. */
  stop(graceMs: number): Promise<number> {
    return this.dispatcher.stop(graceMs);
  }

  /** A failed or expired item (and what belongs to it) goes back to the queue. */
  retry(item: FailedRef): boolean {
    const now = this.clock.now().getTime();
    const done = this.repo.retry(item, now, now + DEFAULT_EXPIRY_MS);
    if (done) this.dispatcher.kick();
    return done;
  }

  /** A moderator gives up on a failed item. */
  drop(item: FailedRef): boolean {
    return this.repo.drop(item, this.clock.now().getTime());
  }

  /** Deletes up to `limit` delivered and given-up items older than `retentionMs`; returns how many. */
  prune(retentionMs: number, limit = 1_000): number {
    return this.repo.prune(this.clock.now().getTime() - retentionMs, limit);
  }

  /** How long due items have waited while no call settled; readiness turns false when it grows. */
  stalledMs(): number {
    return this.dispatcher.stalledMs(this.repo.overdueMs(this.clock.now().getTime()));
  }

  /** Depth, oldest item and failed items, in three small queries (read at each scrape). */
  backlog(): OutboxBacklog {
    return {
      depth: this.repo.pendingCount(),
      oldestAt: this.repo.oldestOpen()?.createdAt,
      failed: this.repo.failed(0).total,
    };
  }

  status(limits: { lanes: number; failed: number }): OutboxStatus {
    const lanes = this.repo.lanes(limits.lanes);
    const failed = this.repo.failed(limits.failed);
    return {
      lanes: lanes.lanes,
      total: lanes.total,
      laneCount: lanes.laneCount,
      oldest: this.repo.oldestOpen(),
      failed: failed.rows,
      failedTotal: failed.total,
      inFlight: this.dispatcher.inFlight,
      holds: this.dispatcher.activeHolds(),
      stalledMs: this.stalledMs(),
    };
  }
}
