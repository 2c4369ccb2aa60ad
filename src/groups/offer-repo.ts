import { z } from "zod";
import type { Db } from "../../db/open";
import { rowReader } from "../../db/rows";
import { statement } from "../../db/statements";

export interface Offer {
  readonly id: number;
  readonly channelId: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly text: string;
}

const toOffer: (row: unknown) => Offer = rowReader({
  id: z.number(),
  channel_id: z.string(),
  thread_id: z.string(),
  author_id: z.string(),
  text: z.string(),
});

/**
 * Remembers that copbot offered a group proposal in a thread. Returns the offer, or undefined
 * when that thread already had one: copbot offers at most once per thread.
 */
export function recordOffer(
  db: Db,
  offer: { channelId: string; threadId: string; authorId: string; text: string; at: Date },
): Offer | undefined {
  const result = statement(
    db,
    `INSERT INTO work_group_offers (channel_id, thread_id, author_id, text, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, thread_id) DO NOTHING`,
  ).run(offer.channelId, offer.threadId, offer.authorId, offer.text, offer.at.getTime());
  return result.changes === 0 ? undefined : getOffer(db, Number(result.lastInsertRowid));
}

export function getOffer(db: Db, id: number): Offer | undefined {
  const row = statement(db, "SELECT * FROM work_group_offers WHERE id = ?").get(id);
  if (row === undefined) return undefined;
  return toOffer(row);
}
