import { z } from "zod";
import type { Db } from "../../db/open";
import { contentWords, foldUmlauts, prefixQuery, stemWord, substringQuery } from "./text";

export interface KnowledgeEntry {
  readonly kind: "question" | "group";
  readonly sourceId: string;
  readonly title: string;
  readonly body: string;
  readonly url?: string;
  readonly channelId?: string;
  readonly messageId?: string;
  readonly at: Date;
}

export interface KnowledgeHit {
  readonly kind: "question" | "group";
  readonly sourceId: string;
  readonly title: string;
  readonly snippet: string;
  readonly url?: string;
  readonly channelId?: string;
  readonly messageId?: string;
  /** How many of the query's content words the entry contains. */
  readonly matchedWords: number;
  /** Set when the accepted answer was deleted: a tombstone only moderators are shown. */
  readonly removedAt?: Date;
}

const HitRow = z.object({
  id: z.number(),
  kind: z.enum(["question", "group"]),
  source_id: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  channel_id: z.string().nullable(),
  message_id: z.string().nullable(),
  rank: z.number(),
  snip: z.string().nullable(),
  removed_at: z.number().nullable(),
});
type HitRow = z.infer<typeof HitRow>;

/** Trigram hits weigh less than word hits: they are the fallback for compound parts. */
const TRIGRAM_WEIGHT = 0.5;
const CANDIDATES = 50;

/**
 * Adds a solved question (or a closed group's summary) to the knowledge base. Idempotent per
 * kind + sourceId: adding again replaces the entry (e.g. a question solved again after edits).
 */
export function addKnowledge(db: Db, entry: KnowledgeEntry): void {
  db.prepare(
    `INSERT INTO qa_knowledge (kind, source_id, title, body, url, channel_id, message_id, at)
     VALUES (@kind, @sourceId, @title, @body, @url, @channelId, @messageId, @at)
     ON CONFLICT (kind, source_id) DO UPDATE SET title = excluded.title, body = excluded.body,
       url = excluded.url, channel_id = excluded.channel_id, message_id = excluded.message_id, at = excluded.at`,
  ).run({
    kind: entry.kind,
    sourceId: entry.sourceId,
    // Composed form, so the index triggers see "ö" as one character to spell out.
    title: entry.title.normalize("NFC"),
    body: entry.body.normalize("NFC"),
    url: entry.url ?? null,
    channelId: entry.channelId ?? null,
    messageId: entry.messageId ?? null,
    at: entry.at.getTime(),
  });
}

function query(
  db: Db,
  table: "qa_knowledge_words" | "qa_knowledge_trigrams",
  match: string,
  includeRemoved: boolean,
): HitRow[] {
  return db
    .prepare(
      `SELECT k.id, k.kind, k.source_id, k.title, k.body, k.url, k.channel_id, k.message_id, k.removed_at,
              bm25(${table}, 2.0, 1.0) AS rank, snippet(${table}, 1, '', '', '…', 16) AS snip
       FROM ${table} JOIN qa_knowledge k ON k.id = ${table}.rowid
       WHERE ${table} MATCH ? AND (k.removed_at IS NULL OR ?) ORDER BY rank LIMIT ${CANDIDATES}`,
    )
    .all(match, includeRemoved ? 1 : 0)
    .map((row) => HitRow.parse(row));
}

function countMatched(row: HitRow, queryWords: readonly string[]): number {
  const haystack = foldUmlauts(`${row.title} ${row.body}`);
  return queryWords.filter((w) => {
    const stem = stemWord(w);
    return haystack.includes(stem.length >= 3 ? stem : w);
  }).length;
}

/**
 * Best entries for a free-text query, best first. Combines BM25 over words (with prefix
 * matching for inflections) and BM25 over trigrams (for parts of compounds). Tombstones
 * (entries whose accepted answer was deleted) only with `includeRemoved`, for moderators.
 */
export function searchKnowledge(
  db: Db,
  text: string,
  limit = 5,
  opts: { readonly includeRemoved?: boolean } = {},
): KnowledgeHit[] {
  const includeRemoved = opts.includeRemoved === true;
  const scores = new Map<number, { row: HitRow; score: number }>();
  const add = (rows: readonly HitRow[], weight: number): void => {
    for (const row of rows) {
      const current = scores.get(row.id);
      const score = -row.rank * weight;
      if (current) current.score += score;
      else scores.set(row.id, { row, score });
    }
  };
  const wordMatch = prefixQuery(text);
  const trigramMatch = substringQuery(text);
  if (wordMatch) add(query(db, "qa_knowledge_words", wordMatch, includeRemoved), 1);
  if (trigramMatch) add(query(db, "qa_knowledge_trigrams", trigramMatch, includeRemoved), TRIGRAM_WEIGHT);
  const queryWords = contentWords(text);
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.row.id - b.row.id)
    .slice(0, limit)
    .map(({ row }) => ({
      kind: row.kind,
      sourceId: row.source_id,
      title: row.title,
      snippet: row.snip && row.snip.trim().length > 0 ? row.snip : row.body.slice(0, 160),
      ...(row.url !== null ? { url: row.url } : {}),
      ...(row.channel_id !== null ? { channelId: row.channel_id } : {}),
      ...(row.message_id !== null ? { messageId: row.message_id } : {}),
      matchedWords: countMatched(row, queryWords),
      ...(row.removed_at !== null ? { removedAt: new Date(row.removed_at) } : {}),
    }));
}
