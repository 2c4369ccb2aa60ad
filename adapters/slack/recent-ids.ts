/**
 * Remembers the last `capacity` ids seen. Slack redelivers an event when our ack was slow
 * (`x-slack-retry-num`, Socket Mode `retry_attempt`) and sends a mention both as `message`
 * and `app_mention`; Bolt does not filter either, so the adapter does.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time `id` is seen; false for a repeat. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
