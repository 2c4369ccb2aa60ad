import type { RateLimitScope } from "./errors";
import type { Platform } from "./ids";
import type { OutboxRepo } from "./outbox-repo";
import type { DeliveryClass, OutboxRow } from "./outbox-row";

/** Failures in a row (over different lanes) after which a platform counts as down. */
const OUTAGE_AFTER = 3;

/**
 * What keeps items back besides their own retry time: a kind of call (a Slack method after
 * 429s in several conversations) or a whole platform (Matrix's account limit, an outage).
 * Each hold is also written into the waiting items' retry times, so the next start and the
 * clock's wake-up see it.
 */
export class Holds {
  private readonly until = new Map<string, number>();
  private readonly recentLimits = new Map<string, { lane: string; at: number }>();
  private readonly outage = new Map<Platform, { failures: number; lanes: Set<string> }>();

  constructor(
    private readonly repo: OutboxRepo,
    private readonly now: () => number,
  ) {}

  /** Until when items of this class on this platform are held back (0: not at all). */
  heldUntil(platform: Platform, cls: DeliveryClass): number {
    return Math.max(
      this.until.get(`platform:${platform}`) ?? 0,
      this.until.get(`class:${platform}:${cls}`) ?? 0,
    );
  }

  held(row: OutboxRow, now: number): boolean {
    return this.heldUntil(row.platform, row.cls) > now;
  }

  /** Holds in force (for `/cop status`): what is held and until when. */
  active(): { scope: string; until: Date }[] {
    const now = this.now();
    return [...this.until]
      .filter(([, until]) => until > now)
      .map(([scope, until]) => ({ scope, until: new Date(until) }));
  }

  /**
   * A rate limit holds its scope. Slack does not say whether a 429 was the channel's limit or
   * the method's: when two lanes hit one within the window, the whole method waits.
   */
  rateLimited(row: OutboxRow, scope: RateLimitScope, until: number, now: number): void {
    const classKey = `${row.platform}:${row.cls}`;
    let effective = scope;
    if (scope === "conversation") {
      const recent = this.recentLimits.get(classKey);
      if (recent && recent.lane !== row.lane && now - recent.at < until - now) effective = "operation";
      this.recentLimits.set(classKey, { lane: row.lane, at: now });
    }
    if (effective === "operation") this.hold(`class:${classKey}`, row.platform, row.cls, until);
    else if (effective === "platform") this.hold(`platform:${row.platform}`, row.platform, undefined, until);
  }

  /**
   * Transient failures on several lanes in a row mean the platform is down: hold it all until
   * this item's retry, so that a few probes knock instead of every lane. A success anywhere
   * ends it; a single slow or failing lane never gets here.
   */
  failed(row: OutboxRow, retryAt: number): void {
    const state = this.outage.get(row.platform) ?? { failures: 0, lanes: new Set<string>() };
    state.failures += 1;
    state.lanes.add(row.lane);
    this.outage.set(row.platform, state);
    if (state.failures >= OUTAGE_AFTER && state.lanes.size > 1) {
      this.hold(`platform:${row.platform}`, row.platform, undefined, retryAt);
    }
  }

  /** A delivery went through: the platform is up. */
  succeeded(platform: Platform): void {
    this.outage.delete(platform);
  }

  private hold(key: string, platform: Platform, cls: DeliveryClass | undefined, until: number): void {
    this.until.set(key, Math.max(this.until.get(key) ?? 0, until));
    this.repo.holdBack(platform, cls, until);
  }
}
