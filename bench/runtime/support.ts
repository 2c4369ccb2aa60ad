/** One figure of the runtime benchmarks; with `max` or `min` it is a target that passes or fails. */
export interface Row {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** Passes when `value <= max`. */
  readonly max?: number;
  /** Passes when `value >= min`. */
  readonly min?: number;
}

/** Whether a row meets its target (undefined: no target). */
export function passes(row: Row): boolean | undefined {
  if (row.max !== undefined) return row.value <= row.max;
  if (row.min !== undefined) return row.value >= row.min;
  return undefined;
}

/** Polls `url` until it answers 200 (fails after `ms`). */
export async function waitForHttp(url: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
