/** How many undecryptable events wait for their keys at most; the oldest give way first. */
const CAPACITY = 500;

/** An event that could not be decrypted yet, with the room it came from. */
export interface WaitingEvent {
  readonly roomId: string;
  readonly event: Record<string, unknown>;
}

/**
 * Events waiting for their room key, by Megolm session, and which senders were already told.
 * When keys arrive, `take` hands back the events they unlock, in the order they came.
 */
export class WaitingEvents {
  private readonly bySession = new Map<string, WaitingEvent[]>();
  private readonly told = new Set<string>();
  private size = 0;

  park(sessionId: string, waiting: WaitingEvent): void {
    const list = this.bySession.get(sessionId) ?? [];
    list.push(waiting);
    this.bySession.set(sessionId, list);
    this.size += 1;
    if (this.size > CAPACITY) this.dropOldest();
  }

  /** The events of these sessions, oldest first, forgotten here. */
  take(sessionIds: Iterable<string>): WaitingEvent[] {
    const out: WaitingEvent[] = [];
    for (const id of sessionIds) {
      const list = this.bySession.get(id);
      if (!list) continue;
      this.bySession.delete(id);
      this.size -= list.length;
      out.push(...list);
    }
    return out;
  }

  /** True the first time for a sender's session in a room: one note, not one per message. */
  firstNote(roomId: string, sender: string, sessionId: string | undefined): boolean {
    const key = `${roomId}|${sender}|${sessionId ?? ""}`;
    if (this.told.has(key)) return false;
    this.told.add(key);
    if (this.told.size > CAPACITY) {
      const oldest = this.told.values().next().value;
      if (oldest !== undefined) this.told.delete(oldest);
    }
    return true;
  }

  private dropOldest(): void {
    const first = this.bySession.entries().next().value;
    if (!first) return;
    const [id, list] = first;
    list.shift();
    this.size -= 1;
    if (list.length === 0) this.bySession.delete(id);
  }
}
