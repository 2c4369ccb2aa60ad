import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import { inWriteTransaction } from "../../db/transaction";
import { remember } from "../core/bounded-map";
import { entriesWithAny, postingsKept } from "./knowledge-postings-repo";
import type { Postings } from "./postings";
import { foldUmlauts, indexTerms } from "./text";

/**
 * The knowledge base's vocabulary (010): each index word with the number of entries that have
 * it, and the corpus size — kept current by the knowledge module's writes (`countEntry`) and
 * read by every search, its look-ups kept between searches (`vocabulary`).
 */

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
  /** Whether `entriesWithAny` keeps a list of `match` (then it reads at most the entries added since). */
  postingsKept(match: string): boolean;
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
    postingsKept: (match) => postingsKept(db, version, match),
  };
}

/** The key of a prefix range's look-up (`wordsStartingWith`). */
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

/** Counts an entry's words into the vocabulary (or out of it); returns them. */
export function countEntry(db: Db, text: { title: string; body: string }, sign: 1 | -1): Set<string> {
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
