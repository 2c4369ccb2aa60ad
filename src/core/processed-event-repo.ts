import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** Event ids already handled, so a retried (Slack) or replayed (Matrix) event runs once. */
export class ProcessedEventRepo {
  constructor(private readonly db: Db) {}

  /** Remembers the id; false when it was seen before. */
  firstSeen(eventId: string, at: Date): boolean {
    const result = statement(
      this.db,
      "INSERT INTO processed_events (event_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
    ).run(eventId, at.getTime());
    return result.changes > 0;
  }
}
