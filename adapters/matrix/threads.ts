/** Remembers this many events; older ones fall out first. */
const CAPACITY = 20_000;

/**
 * What copbot knows about threads from the events it saw and sent: the root of each event,
 * and the latest event of each thread, so replies carry a correct `m.in_reply_to` and rich
 * replies without a thread relation can still be placed in their thread.
 */
export class ThreadTracker {
  private readonly roots = new Map<string, string | undefined>();
  private readonly latest = new Map<string, string>();

  /** Records an event, with its thread root when it is a thread reply. */
  record(eventId: string, root?: string): void {
    this.roots.set(eventId, root);
    if (root !== undefined) this.latest.set(root, eventId);
    if (this.roots.size > CAPACITY) {
      const oldest = this.roots.keys().next().value;
      if (oldest !== undefined) {
        this.roots.delete(oldest);
        this.latest.delete(oldest);
      }
    }
  }

  /** The thread a reply to `eventId` belongs to: the event's root, or the event itself; undefined if unknown. */
  threadOfReplyTo(eventId: string): string | undefined {
    if (!this.roots.has(eventId)) return undefined;
    return this.roots.get(eventId) ?? eventId;
  }

  /** The event a new thread reply should quote (the thread's latest known event). */
  latestIn(root: string): string {
    return this.latest.get(root) ?? root;
  }
}
