import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import { entryAdded, forgetAllPostings, forgetPostings } from "./knowledge-postings-repo";
import { countEntry } from "./knowledge-vocabulary-repo";

/**
 * The knowledge base in SQLite: entries and their two FTS5 indexes (words, trigrams; filled by
 * the triggers of 002_qa.sql). Its writes keep the vocabulary (knowledge-vocabulary-repo.ts)
 * and the kept posting lists (knowledge-postings-repo.ts) current.
 */

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

export interface KnowledgeRow {
  readonly id: number;
  readonly kind: "question" | "group";
  readonly sourceId: string;
  readonly title: string;
  readonly body: string;
  readonly url: string | undefined;
  readonly channelId: string | undefined;
  readonly messageId: string | undefined;
  /** Set when the accepted answer was deleted: a tombstone only moderators are shown. */
  readonly removedAt: Date | undefined;
}

/** A knowledge row as the table stores it (002_qa.sql: NOT NULL and CHECK hold this shape). */
interface StoredRow {
  readonly id: number;
  readonly kind: "question" | "group";
  readonly source_id: string;
  readonly title: string;
  readonly body: string;
  readonly url: string | null;
  readonly channel_id: string | null;
  readonly message_id: string | null;
  readonly removed_at: number | null;
}
/** A `StoredRow`'s columns in the order the reads below select them. */
type StoredColumns = [
  id: number,
  kind: StoredRow["kind"],
  sourceId: string,
  title: string,
  body: string,
  url: string | null,
  channelId: string | null,
  messageId: string | null,
  removedAt: number | null,
];
const TextRow = z.object({ title: z.string(), body: z.string() });

/**
 * Adds a solved question (or a closed group's summary) to the knowledge base. Idempotent per
 * kind + sourceId: adding again replaces the entry (e.g. a question solved again after edits).
 */
export function addKnowledge(db: Db, entry: KnowledgeEntry): void {
  // Composed form, so the index triggers see "ö" as one character to spell out.
  const title = entry.title.normalize("NFC");
  const body = entry.body.normalize("NFC");
  db.transaction(() => {
    const before = statement(db, "SELECT title, body FROM qa_knowledge WHERE kind = ? AND source_id = ?").get(
      entry.kind,
      entry.sourceId,
    );
    if (before !== undefined) forgetPostings(db, countEntry(db, TextRow.parse(before), -1));
    statement(
      db,
      `INSERT INTO qa_knowledge (kind, source_id, title, body, url, channel_id, message_id, at)
       VALUES (@kind, @sourceId, @title, @body, @url, @channelId, @messageId, @at)
       ON CONFLICT (kind, source_id) DO UPDATE SET title = excluded.title, body = excluded.body,
         url = excluded.url, channel_id = excluded.channel_id, message_id = excluded.message_id, at = excluded.at`,
    ).run({
      kind: entry.kind,
      sourceId: entry.sourceId,
      title,
      body,
      url: entry.url ?? null,
      channelId: entry.channelId ?? null,
      messageId: entry.messageId ?? null,
      at: entry.at.getTime(),
    });
    const terms = countEntry(db, { title, body }, 1);
    // A new entry takes the next id; one replaced keeps its id with other words.
    if (before === undefined) entryAdded(db);
    else forgetPostings(db, terms);
  })();
}

/** Takes an entry out of the knowledge base (a question opened again); nothing when missing. */
export function removeKnowledge(db: Db, kind: KnowledgeEntry["kind"], sourceId: string): void {
  db.transaction(() => {
    const before = statement(db, "SELECT title, body FROM qa_knowledge WHERE kind = ? AND source_id = ?").get(
      kind,
      sourceId,
    );
    if (before === undefined) return;
    countEntry(db, TextRow.parse(before), -1);
    forgetAllPostings(db);
    statement(db, "DELETE FROM qa_knowledge WHERE kind = ? AND source_id = ?").run(kind, sourceId);
  })();
}

/**
 * The newest `limit` entries matching an FTS5 query on the words or the trigram index, read in
 * the same statement: the match is bounded first (newest rowids, no ranking over every match),
 * then only those rows are joined — never a join or a snippet per match.
 */
export function newestMatches(db: Db, index: KnowledgeIndex, match: string, limit: number): KnowledgeRow[] {
  const table = INDEX_TABLES[index];
  return statement(
    db,
    `SELECT k.id, k.kind, k.source_id, k.title, k.body, k.url, k.channel_id, k.message_id, k.removed_at
     FROM (SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${sqlLimit(limit)}) AS m
     JOIN qa_knowledge AS k ON k.id = m.id`,
  )
    .all(match)
    .map((row) => {
      const r = row as StoredRow;
      return knowledgeRow(
        r.id,
        r.kind,
        r.source_id,
        r.title,
        r.body,
        r.url,
        r.channel_id,
        r.message_id,
        r.removed_at,
      );
    });
}

/**
 * The entries with these ids (those that exist), newest first. Read as arrays: the
 * similar-questions lookup reads dozens, and an object per row keyed by the column names costs
 * more than mapping them.
 */
export function knowledgeRows(db: Db, ids: readonly number[]): KnowledgeRow[] {
  if (ids.length === 0) return [];
  return statement(
    db,
    `SELECT k.id, k.kind, k.source_id, k.title, k.body, k.url, k.channel_id, k.message_id, k.removed_at
     FROM qa_knowledge AS k WHERE k.id IN (SELECT value FROM json_each(?)) ORDER BY k.id DESC`,
  )
    .raw()
    .all(JSON.stringify(ids))
    .map((columns) => knowledgeRow(...(columns as StoredColumns)));
}

// Written only by this module, held to its shape by the table; a search reads dozens of
// candidates, so they are not validated again.
function knowledgeRow(
  ...[id, kind, sourceId, title, body, url, channelId, messageId, removedAt]: StoredColumns
): KnowledgeRow {
  return {
    id,
    kind,
    sourceId,
    title,
    body,
    url: url ?? undefined,
    channelId: channelId ?? undefined,
    messageId: messageId ?? undefined,
    removedAt: removedAt === null ? undefined : new Date(removedAt),
  };
}

/** The two FTS5 indexes of the knowledge base. */
export type KnowledgeIndex = "words" | "trigrams";

const INDEX_TABLES: Readonly<Record<KnowledgeIndex, string>> = {
  words: "qa_knowledge_words",
  trigrams: "qa_knowledge_trigrams",
};
const CountRow = z.object({ n: z.number() });

/**
 * How many segments (b-trees) an FTS5 index is made of. Every write adds one and FTS5's
 * automerge keeps a few per level; a query looks each of its words up in every segment.
 */
export function indexSegments(db: Db, index: KnowledgeIndex): number {
  const table = INDEX_TABLES[index];
  return CountRow.parse(statement(db, `SELECT count(DISTINCT segid) AS n FROM ${table}_idx`).get()).n;
}

/**
 * Lets FTS5's 'merge' command merge any two segments of the same level (its 'usermerge'
 * setting, stored in the index; the default waits for four).
 */
export function mergeSegmentPairs(db: Db, index: KnowledgeIndex): void {
  const table = INDEX_TABLES[index];
  statement(db, `INSERT INTO ${table} (${table}, rank) VALUES ('usermerge', 2)`).run();
}

/**
 * One slice of merging an index's segments, writing at most about `pages` pages: `full` merges
 * all of them into one (as 'optimize' does), otherwise only segments of the same level (the
 * small ones recent writes added). Returns whether it did any work: FTS5 counts two or more
 * changes when it merged something.
 */
export function mergeIndexSlice(db: Db, index: KnowledgeIndex, pages: number, full: boolean): boolean {
  const table = INDEX_TABLES[index];
  const changes = (): number => CountRow.parse(statement(db, "SELECT total_changes() AS n").get()).n;
  const before = changes();
  statement(db, `INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(full ? -pages : pages);
  return changes() - before >= 2;
}

/**
 * The accepted answer of a solved question is gone: its entry keeps the question, loses the
 * answer's text (from the indexes and word counts too) and is marked removed at `at`.
 */
export function tombstoneKnowledge(db: Db, sourceId: string, at: Date): void {
  replaceAnswers(db, sourceId, "", at);
}

/**
 * One of several accepted answers is gone: the entry keeps the others (`body`), word counts
 * follow.
 */
export function rewriteKnowledgeAnswers(db: Db, sourceId: string, body: string): void {
  replaceAnswers(db, sourceId, body.normalize("NFC"), undefined);
}

function replaceAnswers(db: Db, sourceId: string, body: string, removedAt: Date | undefined): void {
  db.transaction(() => {
    const before = statement(
      db,
      "SELECT title, body FROM qa_knowledge WHERE kind = 'question' AND source_id = ?",
    ).get(sourceId);
    if (before === undefined) return;
    const text = TextRow.parse(before);
    forgetPostings(db, countEntry(db, text, -1));
    statement(
      db,
      "UPDATE qa_knowledge SET body = ?, removed_at = ? WHERE kind = 'question' AND source_id = ?",
    ).run(body, removedAt?.getTime() ?? null, sourceId);
    forgetPostings(db, countEntry(db, { title: text.title, body }, 1));
  })();
}

/** Deletes a question's entry (its message is gone), word counts included; returns how many. */
export function deleteKnowledge(db: Db, sourceId: string): number {
  return db.transaction(() => {
    const before = statement(
      db,
      "SELECT title, body FROM qa_knowledge WHERE kind = 'question' AND source_id = ?",
    ).get(sourceId);
    if (before === undefined) return 0;
    countEntry(db, TextRow.parse(before), -1);
    forgetAllPostings(db);
    return statement(db, "DELETE FROM qa_knowledge WHERE kind = 'question' AND source_id = ?").run(sourceId)
      .changes;
  })();
}
