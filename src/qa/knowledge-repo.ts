import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { foldUmlauts, indexTerms } from "./text";

/**
 * The knowledge base in SQLite: entries, their two FTS5 indexes (words, trigrams; filled by
 * the triggers of 002_qa.sql), and the vocabulary with document frequencies and corpus size
 * (010), which this module keeps current. All SQL of the knowledge base lives here.
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

const Row = z.object({
  id: z.number(),
  kind: z.enum(["question", "group"]),
  source_id: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  channel_id: z.string().nullable(),
  message_id: z.string().nullable(),
  removed_at: z.number().nullable(),
});
const TextRow = z.object({ title: z.string(), body: z.string() });
const CorpusRow = z.object({ docs: z.number(), tokens: z.number() });
const TermRow = z.object({ term: z.string(), docs: z.number() });
const SumRow = z.object({ docs: z.number().nullable() });
const IdRow = z.object({ rowid: z.number() });

/** The words an entry is indexed with (both columns), as the FTS5 triggers fold and split them. */
export function entryTerms(title: string, body: string): { terms: Set<string>; tokens: number } {
  const words = [...indexTerms(foldUmlauts(title)), ...indexTerms(foldUmlauts(body))];
  return { terms: new Set(words), tokens: words.length };
}

function countEntry(db: Db, text: { title: string; body: string }, sign: 1 | -1): void {
  const { terms, tokens } = entryTerms(text.title, text.body);
  statement(
    db,
    `INSERT INTO qa_knowledge_vocabulary (term, docs) SELECT value, @sign FROM json_each(@terms) WHERE true
     ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs`,
  ).run({ terms: JSON.stringify([...terms]), sign });
  if (sign < 0) statement(db, "DELETE FROM qa_knowledge_vocabulary WHERE docs <= 0").run();
  statement(
    db,
    `INSERT INTO qa_knowledge_corpus (id, docs, tokens) VALUES (1, @sign, @tokens)
     ON CONFLICT (id) DO UPDATE SET docs = docs + @sign, tokens = tokens + @tokens`,
  ).run({ sign, tokens: sign * tokens });
}

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
    if (before !== undefined) countEntry(db, TextRow.parse(before), -1);
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
    countEntry(db, { title, body }, 1);
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
    statement(db, "DELETE FROM qa_knowledge WHERE kind = ? AND source_id = ?").run(kind, sourceId);
  })();
}

/** Number of entries and of their indexed words. */
export function knowledgeCorpus(db: Db): { docs: number; tokens: number } {
  const row = statement(db, "SELECT docs, tokens FROM qa_knowledge_corpus WHERE id = 1").get();
  return row === undefined ? { docs: 0, tokens: 0 } : CorpusRow.parse(row);
}

/** The indexed words `prefix` begins, most frequent first, at most `limit`. */
export function wordsStartingWith(db: Db, prefix: string, limit: number): { term: string; docs: number }[] {
  return statement(
    db,
    "SELECT term, docs FROM qa_knowledge_vocabulary WHERE term >= ? AND term < ? ORDER BY docs DESC LIMIT ?",
  )
    .all(prefix, `${prefix}\u{10FFFF}`, limit)
    .map((row) => TermRow.parse(row));
}

/** Entries containing some word `prefix` begins (an upper bound: an entry may have several). */
export function prefixFrequency(db: Db, prefix: string): number {
  return (
    SumRow.parse(
      statement(db, "SELECT sum(docs) AS docs FROM qa_knowledge_vocabulary WHERE term >= ? AND term < ?").get(
        prefix,
        `${prefix}\u{10FFFF}`,
      ),
    ).docs ?? 0
  );
}

/** The newest `limit` entries matching an FTS5 query on the words or the trigram index. */
export function newestMatches(db: Db, index: "words" | "trigrams", match: string, limit: number): number[] {
  const table = index === "words" ? "qa_knowledge_words" : "qa_knowledge_trigrams";
  return statement(db, `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?`)
    .all(match, limit)
    .map((row) => IdRow.parse(row).rowid);
}

/** Entries by id. */
export function knowledgeRows(db: Db, ids: readonly number[]): KnowledgeRow[] {
  if (ids.length === 0) return [];
  return statement(
    db,
    `SELECT id, kind, source_id, title, body, url, channel_id, message_id, removed_at FROM qa_knowledge
     WHERE id IN (SELECT value FROM json_each(?))`,
  )
    .all(JSON.stringify(ids))
    .map((row) => {
      const r = Row.parse(row);
      return {
        id: r.id,
        kind: r.kind,
        sourceId: r.source_id,
        title: r.title,
        body: r.body,
        url: r.url ?? undefined,
        channelId: r.channel_id ?? undefined,
        messageId: r.message_id ?? undefined,
        removedAt: r.removed_at === null ? undefined : new Date(r.removed_at),
      };
    });
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
    countEntry(db, text, -1);
    statement(
      db,
      "UPDATE qa_knowledge SET body = ?, removed_at = ? WHERE kind = 'question' AND source_id = ?",
    ).run(body, removedAt?.getTime() ?? null, sourceId);
    countEntry(db, { title: text.title, body }, 1);
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
    return statement(db, "DELETE FROM qa_knowledge WHERE kind = 'question' AND source_id = ?").run(sourceId)
      .changes;
  })();
}
