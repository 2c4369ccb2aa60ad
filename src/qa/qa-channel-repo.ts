import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

const Row = z.object({ channel_id: z.string() });

/**
 * The Q&A channels per database, read once: every channel message asks, and the set changes
 * only through `addQaChannel` / `removeQaChannel`, which drop it. It is filled only outside a
 * transaction, so a change rolled back is never remembered.
 */
const known = new WeakMap<Db, ReadonlySet<string>>();

function qaChannelSet(db: Db): ReadonlySet<string> {
  const cached = known.get(db);
  if (cached) return cached;
  const set = new Set(qaChannels(db));
  if (!db.inTransaction) known.set(db, set);
  return set;
}

/** Marks a channel as a Q&A channel; false when it already was one. */
export function addQaChannel(db: Db, channelId: string, by: string, at: Date): boolean {
  known.delete(db);
  return (
    statement(
      db,
      "INSERT INTO qa_channels (channel_id, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(channelId, by, at.getTime()).changes > 0
  );
}

/** Unmarks a Q&A channel; false when it was none. */
export function removeQaChannel(db: Db, channelId: string): boolean {
  known.delete(db);
  return statement(db, "DELETE FROM qa_channels WHERE channel_id = ?").run(channelId).changes > 0;
}

/** Whether a channel is a Q&A channel (from memory after the first call; see `known`). */
export function isQaChannel(db: Db, channelId: string): boolean {
  return qaChannelSet(db).has(channelId);
}

/** Q&A channel ids in the order they were added. */
export function qaChannels(db: Db): string[] {
  return statement(db, "SELECT channel_id FROM qa_channels ORDER BY added_at, channel_id")
    .all()
    .map((row) => Row.parse(row).channel_id);
}
