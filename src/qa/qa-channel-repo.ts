import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

const Row = z.object({ channel_id: z.string() });

/** Marks a channel as a Q&A channel; false when it already was one. */
export function addQaChannel(db: Db, channelId: string, by: string, at: Date): boolean {
  return (
    statement(
      db,
      "INSERT INTO qa_channels (channel_id, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(channelId, by, at.getTime()).changes > 0
  );
}

/** Unmarks a Q&A channel; false when it was none. */
export function removeQaChannel(db: Db, channelId: string): boolean {
  return statement(db, "DELETE FROM qa_channels WHERE channel_id = ?").run(channelId).changes > 0;
}

export function isQaChannel(db: Db, channelId: string): boolean {
  return statement(db, "SELECT 1 FROM qa_channels WHERE channel_id = ?").get(channelId) !== undefined;
}

/** Q&A channel ids in the order they were added. */
export function qaChannels(db: Db): string[] {
  return statement(db, "SELECT channel_id FROM qa_channels ORDER BY added_at, channel_id")
    .all()
    .map((row) => Row.parse(row).channel_id);
}
