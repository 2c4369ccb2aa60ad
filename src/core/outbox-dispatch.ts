import type { Logger } from "pino";
import { backoffDelay } from "./backoff";
import type { Clock } from "./clock";
import type { DeliveryOutcome } from "./counters";
import { PlatformError, RateLimitedError } from "./errors";
import type { Platform } from "./ids";
import { callPort, guarded } from "./outbox-call";
import { Holds } from "./outbox-holds";
import { KnownItems, type QueuedItem } from "./outbox-known";
import type { OutboxRepo } from "./outbox-repo";
import type { DeliveryClass, OutboxRow } from "./outbox-row";
import type { PortRouter } from "./port-router";

/** Tuning of the dispatcher; the defaults suit production, tests shorten some. */
export interface DispatchOptions {
  /** Calls in flight at once (over all lanes): one slow lane leaves the others going. */
  readonly maxInFlight: number;
  /** A call that has not settled after this long counts as a transient failure (a safety net over the ports' own timeouts). */
  readonly callGuardMs: number;
  /** Backoff after a transient failure: base, doubling per attempt, capped; with jitter. */
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** Jitter source (tests pass a fixed one). */
  readonly random: () => number;
}

export const DEFAULT_DISPATCH: DispatchOptions = {
  maxInFlight: 4,
  callGuardMs: 60_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 60_000,
  random: Math.random,
};

/** How the dispatcher reports what it cannot handle itself. */
export interface DispatchHooks {
  /** True when `error` is fatal for the whole process (a broken database); delivery then stops. */
  fatal(error: unknown): boolean;
  /** Items that expired undelivered (their moderators note is the outbox's business). */
  expired(rows: readonly OutboxRow[]): void;
  /** Nothing can go now; `next` tells the earliest moment something waiting may (or undefined). */
  wake(next: () => Date | undefined): void;
  /** How an attempt on `row` ended (for the metrics). */
  outcome(outcome: DeliveryOutcome, row: OutboxRow): void;
}

const BATCH = 200;
/** Awaited items looked at per fill (see `nextAwaited`). */
const AWAITED_LOOKS = 8;
const EXPIRY_CHECK_MS = 1_000;

/**
 * Delivers outbox items: lane heads only (so order holds per conversation), answers to people
 * first, several lanes at once. A rate limit holds its scope (a lane, a kind of call, or the
 * platform), a transient failure backs off its own item, and a run of failures across lanes
 * marks the platform as down so that only a few probes knock until it is back.
 */
export class Dispatcher {
  private readonly inflight = new Map<number, { lane: string; done: Promise<void> }>();
  private readonly holds: Holds;
  private readonly idle: (() => void)[] = [];
  private readonly settling: { ids: readonly number[]; resolve: () => void }[] = [];
  private readonly known = new KnownItems();
  /**
   * Items queued already in flight (see `OutboxRepo.insertClaimed`) whose call is not made yet:
   * each holds a slot. `committed` once it is known that their transaction did not roll back.
   */
  private readonly claimed = new Map<number, { row: OutboxRow; committed: boolean }>();
  private claimedStart: NodeJS.Immediate | undefined;
  private ready: OutboxRow[] = [];
  private dirty = true;
  private exhausted = false;
  private stopped = false;
  private closed = false;
  /** When the last call settled (delivered or not): readiness tells a stalled outbox by it. */
  private lastSettledAt: number;
  private expiryCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly repo: OutboxRepo,
    private readonly clock: Clock,
    private readonly ports: PortRouter,
    private readonly log: Logger,
    private readonly hooks: DispatchHooks,
    private readonly opts: DispatchOptions = DEFAULT_DISPATCH,
    /** Items above this id were queued by this process (see `callPort`). */
    private readonly queuedBefore = Number.POSITIVE_INFINITY,
  ) {
    this.lastSettledAt = clock.now().getTime();
    this.holds = new Holds(repo, () => clock.now().getTime());
  }

  /**
   * How long due items have waited without any call settling (0 while delivery moves): a
   * big fan-out is busy, not stuck.
   */
  stalledMs(overdueMs: number): number {
    if (overdueMs <= 0) return 0;
    return Math.min(overdueMs, this.clock.now().getTime() - this.lastSettledAt);
  }

  /** Something new may be deliverable: look again. */
  kick(): void {
    this.dirty = true;
    this.fill();
  }

  /** Resolves when nothing is in flight and nothing can go now. */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.idle.push(resolve));
    this.kick();
    return done;
  }

  /**
   * Resolves when each of `ids` is delivered, failed, or waiting for something that takes
   * time (a backoff, a rate limit, a slow item ahead in its lane); never waits for other lanes.
   */
  settle(ids: readonly number[]): Promise<void> {
    if (ids.length === 0 || this.stopped) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.settling.push({ ids, resolve }));
    // An answer queued in flight needs only its call; one that waits in its lane may wait for
    // items the last look at the queue did not see (due since), so the queue is read again.
    if (ids.some((id) => !this.claimed.has(id) && !this.inflight.has(id) && !this.known.finished(id)))
      this.dirty = true;
    this.fill();
    return done;
  }

  /** Notes an item someone will wait for (see `settle`), as it was just queued. */
  expect(id: number, item: QueuedItem): void {
    this.known.expect(id, item);
  }

  /** Notes an item queued that nobody waits for: the next fill looks at the queue again. */
  queued(): void {
    this.dirty = true;
  }

  /** Whether an item queued now may be queued in flight: a slot is free for its call. */
  mayClaim(): boolean {
    return !this.stopped && this.inflight.size + this.claimed.size < this.opts.maxInFlight;
  }

  /**
   * Notes an item someone waits for that was queued in flight (`row`, this attempt counted).
   * Its call is made once its transaction is over (`committed`: it had none): by the wait
   * for it, or, when nobody waits (the work failed after its commit), right after this turn.
   */
  claim(row: OutboxRow, committed: boolean): void {
    this.claimed.set(row.id, { row, committed });
    this.claimedStart ??= setImmediate(() => {
      this.claimedStart = undefined;
      if (this.claimed.size > 0) this.fill();
    });
  }

  /** The time until which a hold keeps new items of this class back (0 when none). */
  heldUntil(platform: Platform, cls: DeliveryClass): number {
    return this.holds.heldUntil(platform, cls);
  }

  /** Number of calls in flight. */
  get inFlight(): number {
    return this.inflight.size;
  }

  /** Active holds (for `/cop status`): what is held and until when. */
  activeHolds(): { scope: string; until: Date }[] {
    return this.holds.active();
  }

  /**
   * Stops starting calls and waits up to `graceMs` for the ones in flight. Items still in
   * flight after that stay "sending" in the database: the next start treats them as in doubt.
   */
  async stop(graceMs: number): Promise<number> {
    this.stopped = true;
    this.releaseClaimed();
    for (const w of this.settling.splice(0)) w.resolve();
    for (const w of this.idle.splice(0)) w();
    this.known.clear();
    const pending = [...this.inflight.values()].map((f) => f.done);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(pending),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.closed = true;
    return this.inflight.size;
  }

  private fill(): void {
    if (this.stopped) return;
    if (!this.repo.isOpen()) {
      this.stopped = true;
      return;
    }
    try {
      this.fillSlots();
    } catch (error) {
      if (!this.hooks.fatal(error)) this.log.error({ err: error }, "outbox: delivery stopped by an error");
    }
  }

  private fillSlots(): void {
    const now = this.clock.now().getTime();
    this.startClaimed();
    let nothingLeft = false;
    while (this.inflight.size + this.claimed.size < this.opts.maxInFlight) {
      const awaited = this.nextAwaited(now);
      if (awaited !== undefined) {
        this.start(awaited);
        continue;
      }
      const next = this.next(now);
      if (next === undefined) {
        nothingLeft = true;
        break;
      }
      // Not claimed when it is no longer pending (expired, dropped): the loop looks again.
      const claimed = this.repo.markSending(next, now);
      if (claimed) this.start(claimed);
    }
    // With calls in flight, their completion looks again; only an idle dispatcher needs waking.
    if (nothingLeft && this.inflight.size === 0) this.hooks.wake(() => this.nextAttemptAt());
    this.checkWaiters(now);
  }

  /**
   * Makes the calls of the items queued in flight, once no transaction is open: one whose
   * transaction rolled back is not stored (or another item took its id), and is not sent.
   */
  private startClaimed(): void {
    if (this.claimed.size === 0 || this.repo.inTransaction()) return;
    for (const [id, { row, committed }] of this.claimed) {
      this.claimed.delete(id);
      if (committed || this.repo.stillClaimed(id, row.deliveryId)) this.start(row);
      else this.known.finish(row);
    }
  }

  /** Items queued in flight whose call was never made wait again, as queued (not in doubt). */
  private releaseClaimed(): void {
    if (this.claimed.size === 0) return;
    const open = this.repo.isOpen() && !this.repo.inTransaction();
    for (const { row } of this.claimed.values()) if (open) this.repo.release(row.id, row.deliveryId);
    this.claimed.clear();
  }

  /** When the earliest waiting lane head may go. */
  nextAttemptAt(): Date | undefined {
    const at = this.repo.nextHeadAt();
    return at === undefined ? undefined : new Date(at);
  }

  /**
   * An answer someone is waiting for (see `settle`) that can go now, before anything else: a
   * reply to a command must not queue behind hundreds of reminders of a catch-up, even though
   * they were queued first. Only the oldest few waiters are looked at, so a fill stays cheap.
   * Returns it claimed (marked in flight).
   */
  private nextAwaited(now: number): OutboxRow | undefined {
    let looked = 0;
    for (const waiter of this.settling) {
      for (const id of waiter.ids) {
        if (this.inflight.has(id) || this.claimed.has(id)) continue;
        if (this.known.finished(id)) continue;
        const known = this.known.get(id);
        if ((looked += 1) > AWAITED_LOOKS) return undefined;
        const claimed = known === undefined ? this.claimRead(id, now) : this.claimKnown(id, known, now);
        if (claimed !== undefined) return claimed;
      }
    }
    return undefined;
  }

  /** Claims an awaited item known from its queueing: one statement checks and marks it. */
  private claimKnown(id: number, known: QueuedItem, now: number): OutboxRow | undefined {
    if (this.busy(known.lane) || this.holds.heldUntil(known.platform, known.cls) > now) return undefined;
    return this.repo.claimHead(id, known.deliveryId, now);
  }

  /** Claims an awaited item after reading it and its lane's head. */
  private claimRead(id: number, now: number): OutboxRow | undefined {
    const row = this.repo.get(id);
    if (row?.state !== "pending" || row.nextAttemptAt > now) return undefined;
    if (this.busy(row.lane) || this.holds.held(row, now)) return undefined;
    if (this.repo.laneHead(row.lane)?.id !== row.id) return undefined;
    return this.repo.markSending(row, now);
  }

  private next(now: number): OutboxRow | undefined {
    for (;;) {
      if (this.ready.length === 0) {
        if (!this.dirty && this.exhausted) return undefined;
        this.refresh(now);
        if (this.ready.length === 0) return undefined;
      } else if (this.dirty) {
        this.refresh(now);
      }
      const row = this.ready.shift();
      if (row === undefined) return undefined;
      if (this.inflight.has(row.id) || this.busy(row.lane) || this.holds.held(row, now)) continue;
      return row;
    }
  }

  private refresh(now: number): void {
    this.dirty = false;
    // An idle outbox (the usual tick) needs one index probe, not the lane-head query and its sort.
    if (!this.repo.anyPending()) {
      this.ready = [];
      this.exhausted = true;
      return;
    }
    // Expiry is a matter of minutes: looking once a second is plenty.
    if (now - this.expiryCheckedAt >= EXPIRY_CHECK_MS || now < this.expiryCheckedAt) {
      this.expiryCheckedAt = now;
      const expired = this.repo.expireDue(now);
      for (const row of expired) this.hooks.outcome("expired", row);
      if (expired.length > 0) this.hooks.expired(expired);
    }
    this.ready = this.repo.candidates(now, BATCH);
    this.exhausted = this.ready.length < BATCH;
  }

  private busy(lane: string): boolean {
    for (const f of this.inflight.values()) if (f.lane === lane) return true;
    for (const c of this.claimed.values()) if (c.row.lane === lane) return true;
    return false;
  }

  /** Makes the call of an item just marked in flight (`row` counts this attempt). */
  private start(row: OutboxRow): void {
    const done = this.attempt(row)
      .catch((error: unknown) => {
        if (!this.hooks.fatal(error))
          this.log.error({ err: error, outbox: row.id }, "outbox: delivery bookkeeping failed");
        return undefined;
      })
      .then((more) => {
        this.inflight.delete(row.id);
        this.lastSettledAt = this.clock.now().getTime();
        // The lane's next item is not in the prefetched batch: look again once it runs out.
        if (more ?? (this.repo.isOpen() && this.repo.laneHasOpen(row.lane))) this.exhausted = false;
        this.fill();
      });
    this.inflight.set(row.id, { lane: row.lane, done });
  }

  /** Returns whether the item's lane still has an open item, when that is known without asking. */
  private async attempt(row: OutboxRow): Promise<boolean | undefined> {
    try {
      const ref = await guarded(
        callPort(row, this.ports, this.repo, this.clock.now(), row.id > this.queuedBefore),
        this.opts.callGuardMs,
      );
      if (this.closed) return undefined;
      const more = this.repo.markSent(row.id, ref, this.clock.now().getTime());
      this.known.finish(row);
      this.hooks.outcome("delivered", row);
      this.holds.succeeded(row.platform);
      return more;
    } catch (error) {
      if (this.closed || this.hooks.fatal(error)) return undefined;
      return this.failed(row, error);
    }
  }

  /** Returns true when the item waits again (its lane is still open). */
  private failed(row: OutboxRow, error: unknown): boolean | undefined {
    const now = this.clock.now().getTime();
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof RateLimitedError) {
      this.hooks.outcome("rate_limited", row);
      const until = now + error.retryAfterMs;
      this.holds.rateLimited(row, error.scope, until, now);
      this.dirty = true;
      this.repo.reschedule(
        row.id,
        Math.max(until, this.heldUntil(row.platform, row.cls)),
        reason,
        error.maybeDelivered,
      );
      this.log.warn(
        { outbox: row.id, lane: row.lane, retryAfterMs: error.retryAfterMs },
        "outbox: rate limited",
      );
      return true;
    }
    if (error instanceof PlatformError && !error.retryable) {
      this.repo.markFailed(row.id, reason, now);
      this.known.finish(row);
      this.hooks.outcome("failed", row);
      this.log.error(
        { err: error, outbox: row.id, lane: row.lane },
        "outbox: message could not be delivered",
      );
      return undefined;
    }
    this.hooks.outcome("retry", row);
    const attempts = row.attempts;
    const delay = backoffDelay(
      attempts,
      { baseMs: this.opts.backoffBaseMs, capMs: this.opts.backoffCapMs },
      this.opts.random,
    );
    const maybe = error instanceof PlatformError ? error.maybeDelivered : true;
    const retryAt = now + Math.ceil(delay);
    this.holds.failed(row, retryAt);
    // Never before a hold on its platform ends: the item would only be skipped then.
    this.repo.reschedule(row.id, Math.max(retryAt, this.heldUntil(row.platform, row.cls)), reason, maybe);
    this.log.warn(
      { err: error, outbox: row.id, lane: row.lane, attempts },
      "outbox: delivery failed, will retry",
    );
    return true;
  }

  private checkWaiters(now: number): void {
    if (this.idle.length > 0 && this.inflight.size === 0 && this.ready.length === 0) {
      for (const w of this.idle.splice(0)) w();
    }
    for (const waiter of [...this.settling]) {
      if (waiter.ids.every((id) => this.settled(id, now))) {
        this.settling.splice(this.settling.indexOf(waiter), 1);
        this.known.forget(waiter.ids);
        waiter.resolve();
      }
    }
  }

  private settled(id: number, now: number): boolean {
    if (this.inflight.has(id) || this.claimed.has(id)) return false;
    if (this.known.finished(id)) return true;
    const row = this.repo.get(id);
    if (!row || row.state !== "pending") return true;
    if (row.nextAttemptAt > now || this.holds.held(row, now)) return true;
    const head = this.repo.laneHead(row.lane);
    if (!head || head.id === row.id) return false;
    if (this.inflight.has(head.id)) return false;
    return head.state === "pending" && (head.nextAttemptAt > now || this.holds.held(head, now));
  }
}
