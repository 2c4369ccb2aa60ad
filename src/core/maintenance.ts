/** Deletes up to `limit` rows of something copbot keeps only for a while; returns how many. */
export type Pruner = (limit: number) => number;

/** Rows deleted at a time: a few milliseconds of work. */
const BATCH = 500;

/**
 * Runs each pruner until it finds nothing more, in batches, letting the event loop turn after
 * every batch: a backlog of 100,000 finished jobs goes away without keeping events waiting.
 * Returns how many rows were deleted.
 */
export async function pruneInBatches(pruners: readonly Pruner[]): Promise<number> {
  let total = 0;
  for (const prune of pruners) {
    for (;;) {
      const deleted = prune(BATCH);
      total += deleted;
      await new Promise((resolve) => setImmediate(resolve));
      if (deleted < BATCH) break;
    }
  }
  return total;
}
