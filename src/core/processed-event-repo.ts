import type { Db } from "../../db/open";

/** Event ids already handled, so a retried (Slack) or replayed (Matrix) event runs once. */
export class ProcessedEventRepo {
  constructor(private readonly db: Db) {}

  /** Remembers the id; false when it was seen before. */
  firstSeen(eventId: string, at: Date): boolean {
    const result = this.db
      .prepare("INSERT INTO processed_events (event_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING")
      .run(eventId, at.getTime());
    return result.changes > 0;
  }
}
