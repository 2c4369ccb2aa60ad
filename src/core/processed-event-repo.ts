import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** An inbound event to record as handled. */
export interface SeenEvent {
  readonly id: string;
  readonly at: Date;
}

/** Event ids already handled, so a retried (Slack) or replayed (Matrix) event runs once. */
export class ProcessedEventRepo {
  private readonly recordAll: (events: readonly SeenEvent[]) => boolean[];

  constructor(private readonly db: Db) {
    this.recordAll = db.transaction((events: readonly SeenEvent[]) =>
      events.map((event) => this.firstSeen(event.id, event.at)),
    );
  }

  /** Remembers the id; false when it was seen before. */
  firstSeen(eventId: string, at: Date): boolean {
    const result = statement(
      this.db,
      "INSERT INTO processed_events (event_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ).run(eventId, at.getTime());
    return result.changes > 0;
  }

  /**
   * Remembers several ids in one transaction (one commit); for each, in order, false when it
   * was seen before (also earlier in the same batch).
   */
  firstSeenAll(events: readonly SeenEvent[]): boolean[] {
    return this.recordAll(events);
  }
}
