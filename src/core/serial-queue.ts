/**
 * Runs work one after another per key (a conversation), in the order it was handed in, while
 * different keys run side by side. A failure is reported and never stops the next piece.
 */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /**
   * Queues `work` behind everything queued under `key`; resolves with its result when it has
   * run, or with undefined when it failed (the failure goes to `onError`).
   */
  run<T>(key: string, work: () => Promise<T>): Promise<T | undefined> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => {
      this.onError(error);
      return undefined;
    });
    this.tails.set(key, next);
    // Forget the key once its queue ran empty, so keys do not pile up.
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves once everything queued so far has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
