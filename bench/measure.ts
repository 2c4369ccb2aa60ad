/** One benchmark figure. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` `runs` times and returns the per-run durations in milliseconds, sorted. */
export async function timeRuns(runs: number, fn: (i: number) => Promise<void> | void): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return durations.sort((a, b) => a - b);
}

/** The p-th percentile (0–100) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 1000) / 1000;
}

/** Lets the event loop turn once (timers, I/O and other events get their chance). */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A stretch the event loop did not turn: from `start` (`performance.now()`), `ms` long. */
export interface Gap {
  readonly start: number;
  readonly ms: number;
}

/**
 * Watches the event loop while `run` executes and reports the longest time it was blocked:
 * the largest gap between two turns of a probe that re-schedules itself on every turn. Work
 * that yields between steps shows its longest step; work that never yields shows in full.
 * With `cpu`, `longestCpuMs` is the most CPU time this process spent between two turns: on a
 * shared machine the wall-time gap also counts the time other processes had the core. Without
 * it (0), the probe reads no CPU time: that is two `process.cpuUsage` calls of about 2 µs each
 * per turn, and a question turns the event loop a dozen times, inside the time measured. With
 * `gapsOverMs`, `gaps` lists every gap longer than that.
 */
export async function longestBlock<T>(
  run: () => Promise<T>,
  opts: { cpu?: boolean; gapsOverMs?: number } = {},
): Promise<{ result: T; longestMs: number; longestCpuMs: number; gaps: Gap[] }> {
  const cpu = opts.cpu === true;
  const over = opts.gapsOverMs ?? Number.POSITIVE_INFINITY;
  const gaps: Gap[] = [];
  let longest = 0;
  let longestCpu = 0;
  let last = performance.now();
  let lastCpu = cpu ? process.cpuUsage() : undefined;
  let running = true;
  const probe = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > over) gaps.push({ start: last, ms: now - last });
    last = now;
    if (lastCpu) {
      const used = process.cpuUsage(lastCpu);
      longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
      lastCpu = process.cpuUsage();
    }
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  try {
    const result = await run();
    const round = (ms: number): number => Math.round(ms * 1000) / 1000;
    return { result, longestMs: round(longest), longestCpuMs: round(longestCpu), gaps };
  } finally {
    running = false;
  }
}
