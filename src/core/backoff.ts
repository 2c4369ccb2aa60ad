/** How long to wait between attempts: a base that doubles per failure, up to a cap. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** Reconnecting to a platform: 1 s doubling to a minute (an outage of hours costs a knock a minute). */
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * The wait before attempt `failures + 1`: `base · 2^(failures−1)`, capped, then scaled by a
 * random factor in [0.5, 1) so that many clients recovering at once do not knock together.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exp = policy.baseMs * 2 ** Math.min(Math.max(failures, 1) - 1, 30);
  return Math.ceil(Math.min(policy.capMs, exp) * (0.5 + random() / 2));
}
