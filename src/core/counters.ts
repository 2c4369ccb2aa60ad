/** Label values of one count, e.g. `{ platform: "slack", kind: "command" }`. */
export type Labels = Readonly<Record<string, string>>;

/**
 * A count per combination of label values. Kept as plain numbers on the hot path; the
 * metrics library reads them only when `/metrics` is scraped (see src/metrics.ts).
 */
export class Tally {
  private readonly counts = new Map<string, { labels: Labels; value: number }>();

  add(labels: Labels, n = 1): void {
    const key = JSON.stringify(labels);
    const entry = this.counts.get(key);
    if (entry) entry.value += n;
    else this.counts.set(key, { labels, value: n });
  }

  /** Every combination seen so far with its count. */
  entries(): readonly { labels: Labels; value: number }[] {
    return [...this.counts.values()];
  }
}

/** How a delivery attempt ended (as the outbox reports it). */
export type DeliveryOutcome = "delivered" | "rate_limited" | "retry" | "failed" | "expired";

/** What copbot counts while it runs, for operators (`/metrics`). */
export class OpsCounters {
  /** Events handled (redeliveries not counted again), by platform and kind. */
  readonly events = new Tally();
  /** Outbox items that reached the platform (posts, updates, pins), by platform. */
  readonly delivered = new Tally();
  /** Calls a platform answered with a rate limit (429), by platform. */
  readonly rateLimited = new Tally();
  /** Calls that failed and will be tried again (timeouts, 5xx), by platform. */
  readonly retried = new Tally();
  /** Deliveries given up: failed for good or expired undelivered, by platform and reason. */
  readonly failed = new Tally();

  /** Counts one outbox outcome on `platform`. */
  delivery(outcome: DeliveryOutcome, platform: string): void {
    if (outcome === "delivered") this.delivered.add({ platform });
    else if (outcome === "rate_limited") this.rateLimited.add({ platform });
    else if (outcome === "retry") this.retried.add({ platform });
    else this.failed.add({ platform, reason: outcome === "failed" ? "permanent" : "expired" });
  }
}
