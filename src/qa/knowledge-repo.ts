import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import { inWriteTransaction } from "../../db/transaction";
import { remember } from "../core/bounded-map";
import { entriesWithAny, entryAdded, forgetAllPostings, forgetPostings } from "./knowledge-postings-repo";
import type { Postings } from "./postings";
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
const TextRow = z.object({ title: z.string(), body: z.string() });
const CorpusRow = z.object({ docs: z.number(), tokens: z.number() });

/** The words an entry is indexed with (both columns), as the FTS5 triggers fold and split them. */
export function entryTerms(title: string, body: string): { terms: Set<string>; tokens: number } {
  const words = [...indexTerms(foldUmlauts(title)), ...indexTerms(foldUmlauts(body))];
  return { terms: new Set(words), tokens: words.length };
}

/**
 * Vocabulary look-ups of one database (a searched word's index forms and their entry counts,
 * the corpus size), kept until the vocabulary changes: every search and every new question looks its words up,
 * and a short prefix ranges over thousands of index words. This module's writes forget what
 * they change: the corpus size, and the look-ups of the entry's words and of every prefix one
 * of them begins with (`forgetWords`; a solve keeps the rest); all is forgotten whenever another
 * connection committed (`data_version`). Filled only outside write transactions (a read
 * snapshot reads what is committed), so nothing a rollback takes back is kept. Bounded, oldest
 * first out.
 */
interface VocabularyCache {
  version: number;
  readonly lookups: Map<string, unknown>;
  /** The limits `wordsStartingWith` was asked with (part of their keys). */
  readonly limits: Set<number>;
}

const vocabularyCaches = new WeakMap<Db, VocabularyCache>();
/** The corpus size's key: it has a space, which no index word has. */
const CORPUS_KEY = " corpus";
const VOCABULARY_LOOKUPS = 2048;

/**
 * The vocabulary of `db` as of now: its look-ups are kept (see `VocabularyCache`), checked
 * against other connections' commits once, here. For one synchronous read such as a search,
 * with no write in between.
 */
export interface Vocabulary {
  /** Number of entries and of their indexed words. */
  corpus(): Readonly<{ docs: number; tokens: number }>;
  /**
   * The indexed words `prefix` begins, most frequent first, at most `limit`, and how many
   * entries contain any word it begins (an upper bound: an entry may have several) — one range
   * read.
   */
  wordsStartingWith(prefix: string, limit: number): Readonly<{ words: readonly WordCount[]; docs: number }>;
  /** Entries containing the indexed word `term` (0 when it is not indexed). */
  wordFrequency(term: string): number;
  /**
   * The ids of the entries containing any of the indexed `words`, newest first, as the words
   * index matches `match` (their FTS5 query); kept until they change (knowledge-postings-repo.ts).
   */
  entriesWithAny(match: string, words: readonly string[]): Postings;
}

/** An indexed word and how many entries contain it. */
export interface WordCount {
  readonly term: string;
  readonly docs: number;
}

/** The vocabulary of `db`, look-ups kept until it changes (see `Vocabulary`). */
export function vocabulary(db: Db): Vocabulary {
  // SQLite's own counter: not worth validating.
  const { data_version: version } = statement(db, "PRAGMA data_version").get() as { data_version: number };
  let cache = vocabularyCaches.get(db);
  if (cache?.version !== version) {
    cache = { version, lookups: new Map(), limits: new Set() };
    vocabularyCaches.set(db, cache);
  }
  const { lookups, limits } = cache;
  const lookup = <T>(key: string, read: () => T): T => {
    if (lookups.has(key)) return lookups.get(key) as T;
    const value = read();
    if (!inWriteTransaction(db)) remember(lookups, key, value, VOCABULARY_LOOKUPS);
    return value;
  };
  return {
    corpus: () => lookup(CORPUS_KEY, () => readCorpus(db)),
    wordsStartingWith: (prefix, limit) => {
      limits.add(limit);
      return lookup(prefixKey(limit, prefix), () => readWordsStartingWith(db, prefix, limit));
    },
    wordFrequency: (term) => lookup(term, () => readWordFrequency(db, term)),
    entriesWithAny: (match, words) => entriesWithAny(db, version, match, words),
  };
}

/** Counts an entry's words into the vocabulary (or out of it); returns them. */
const prefixKey = (limit: number, prefix: string): string => `${limit}:${prefix}*`;

/**
 * Forgets the look-ups an entry with `terms` counted in or out changes: the corpus, each term's
 * count, and every prefix range a term falls in (a word in the range `wordsStartingWith` reads
 * begins with its prefix).
 */
function forgetWords(db: Db, terms: ReadonlySet<string>): void {
  const cache = vocabularyCaches.get(db);
  if (cache === undefined) return;
  cache.lookups.delete(CORPUS_KEY);
  for (const term of terms) {
    cache.lookups.delete(term);
    for (let end = 1; end <= term.length; end++)
      for (const limit of cache.limits) cache.lookups.delete(prefixKey(limit, term.slice(0, end)));
  }
}

function countEntry(db: Db, text: { title: string; body: string }, sign: 1 | -1): Set<string> {
  const { terms, tokens } = entryTerms(text.title, text.body);
  forgetWords(db, terms);
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
  return terms;
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

function readCorpus(db: Db): { docs: number; tokens: number } {
  const row = statement(db, "SELECT docs, tokens FROM qa_knowledge_corpus WHERE id = 1").get();
  return row === undefined ? { docs: 0, tokens: 0 } : CorpusRow.parse(row);
}

const VariantRow = z.object({ term: z.string(), docs: z.number(), total: z.number() });
const DocsRow = z.object({ docs: z.number() });

function readWordsStartingWith(db: Db, prefix: string, limit: number): { words: WordCount[]; docs: number } {
  const rows = statement(
    db,
    `SELECT term, docs, sum(docs) OVER () AS total FROM qa_knowledge_vocabulary
     WHERE term >= ? AND term < ? ORDER BY docs DESC LIMIT ${sqlLimit(limit)}`,
  )
    .all(prefix, `${prefix}\u{10FFFF}`)
    .map((row) => VariantRow.parse(row));
  return { words: rows.map(({ term, docs }) => ({ term, docs })), docs: rows[0]?.total ?? 0 };
}

function readWordFrequency(db: Db, term: string): number {
  const row = statement(db, "SELECT docs FROM qa_knowledge_vocabulary WHERE term = ?").get(term);
  return row === undefined ? 0 : DocsRow.parse(row).docs;
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
    .map(knowledgeRow);
}

/** The entries with these ids (those that exist), newest first. */
export function knowledgeRows(db: Db, ids: readonly number[]): KnowledgeRow[] {
  if (ids.length === 0) return [];
  return statement(
    db,
    `SELECT k.id, k.kind, k.source_id, k.title, k.body, k.url, k.channel_id, k.message_id, k.removed_at
     FROM qa_knowledge AS k WHERE k.id IN (SELECT value FROM json_each(?)) ORDER BY k.id DESC`,
  )
    .all(JSON.stringify(ids))
    .map(knowledgeRow);
}

function knowledgeRow(row: unknown): KnowledgeRow {
  // Written only by this module, held to its shape by the table; a search reads dozens of
  // candidates, so they are not validated again.
  const r = row as StoredRow;
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
