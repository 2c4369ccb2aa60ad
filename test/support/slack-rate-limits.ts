import type { ScriptedResponse, SlackApiStandIn } from "./slack-web-api";

/** One limit: at most `calls` within any `windowMs`, per method or per method and channel. */
export interface Limit {
  readonly calls: number;
  readonly windowMs: number;
  readonly perChannel?: boolean;
}

/**
 * Slack's per-method limits as a gate for the Web API stand-in: a call over a limit gets what
 * Slack answers, HTTP 429 with `Retry-After` in whole seconds until the window lets it through.
 * Time comes from `now` (a virtual clock in the benchmarks), windows slide.
 */
export class SlackRateLimits {
  private readonly seen = new Map<string, number[]>();
  /** Calls answered 429, by method. */
  readonly limited = new Map<string, number>();

  constructor(
    private readonly limits: Readonly<Record<string, readonly Limit[]>>,
    private readonly now: () => number,
  ) {}

  /** Puts the limits in front of `api`. */
  attach(api: SlackApiStandIn): this {
    api.intercept = ({ method, args }) => this.check(method, args);
    return this;
  }

  private check(method: string, args: Record<string, unknown>): ScriptedResponse | undefined {
    const now = this.now();
    const buckets = (this.limits[method] ?? []).map((limit) => {
      const key = limit.perChannel
        ? `${method}|${String(args["channel"])}|${limit.windowMs}`
        : `${method}|${limit.windowMs}`;
      const times = (this.seen.get(key) ?? []).filter((t) => t > now - limit.windowMs);
      this.seen.set(key, times);
      return { limit, times };
    });
    const waits = buckets
      .filter(({ limit, times }) => times.length >= limit.calls)
      .map(({ limit, times }) => (times[times.length - limit.calls] ?? now) + limit.windowMs - now);
    if (waits.length > 0) {
      this.limited.set(method, (this.limited.get(method) ?? 0) + 1);
      const seconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      return {
        status: 429,
        headers: { "retry-after": String(seconds) },
        body: { ok: false, error: "ratelimited" },
      };
    }
    for (const { times } of buckets) times.push(now);
    return undefined;
  }
}
