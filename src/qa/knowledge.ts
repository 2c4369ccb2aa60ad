import type { Db } from "../../db/open";
import { inWriteTransaction } from "../../db/transaction";
import { idf, sourceScore } from "./bm25";
import { knowledgeRows, newestMatches, type KnowledgeRow } from "./knowledge-repo";
import { vocabulary, type Vocabulary } from "./knowledge-vocabulary-repo";
import { foldedContains, group, lookUp, occursIn, snippet, type Word } from "./knowledge-words";
import { newestInAll, newestInAny, type Postings } from "./postings";
import {
  contentWords,
  foldUmlauts,
  forEachWord,
  ftsString,
  readsInPlace,
  searchForm,
  stemWord,
} from "./text";

export { addKnowledge, type KnowledgeEntry } from "./knowledge-repo";

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

/** The candidate set: the newest entries matching, ranked afterwards; bounded at any size. */
const CANDIDATES = 48;
/**
 * A word in more than this share of entries (and more than `FREQUENT_MIN`) says little; it is
 * left out of the query, but still counts in the ranking.
 */
const FREQUENT = 0.2;
const FREQUENT_MIN = 100;
/** Title words count double, as in the FTS5 ranking copbot used (bm25 column weights 2, 1). */
const TITLE_WEIGHT = 2;
/** Parts of compounds found only by the trigram index count half. */
const TRIGRAM_WEIGHT = 0.5;
/** Shortest compound part looked for inside words. */
const MIN_PART = 4;

/**
 * A candidate entry with how often each searched word occurs in it (by the rule of
 * `occursIn`; title words count `TITLE_WEIGHT` times) and its length in index words: counted
 * once, in one pass per column.
 */
interface Candidate {
  readonly row: KnowledgeRow;
  readonly frequency: readonly number[];
  readonly length: number;
}

/**
 * Reads candidates for `words`: how often each searched word occurs in an entry (by the rule of
 * `occursIn`; title words count `TITLE_WEIGHT` times) and how many words it has. One visitor for
 * all of a search's candidates instead of one per column of each (a search reads dozens).
 */
function candidateReader(words: readonly Word[]): (row: KnowledgeRow) => Candidate {
  let text = "";
  let weight = 1;
  let frequency: number[] = [];
  const visit = (start: number, end: number): void => {
    for (let k = 0; k < words.length; k++)
      if (occursIn(text, start, end, words[k] as Word)) frequency[k] = (frequency[k] ?? 0) + weight;
  };
  /** Counts the words of a search form (`searchForm`) with `w`; returns how many it has. */
  const countWords = (form: string, w: number): number => {
    text = form;
    weight = w;
    return forEachWord(form, visit);
  };
  return (row) => {
    frequency = words.map(() => 0);
    const length = countWords(searchForm(row.title), TITLE_WEIGHT) + countWords(searchForm(row.body), 1);
    return { row, frequency, length };
  };
}

/** The words whose entries the AND and OR combine: very frequent ones left out, unless nothing else is left. */
function combinedWords(words: readonly Word[], total: number): Word[] {
  const indexed = words.filter((w) => w.variants.length > 0);
  const rare = indexed.filter((w) => w.docs <= Math.max(FREQUENT * total, FREQUENT_MIN));
  return rare.length > 0 ? rare : [...indexed].sort((a, b) => a.docs - b.docs).slice(0, 1);
}

/**
 * The candidate entries: all searched words (AND) first; if that finds too few, any of them
 * (OR). Very frequent words are left out of both (unless nothing else is left); parts of
 * compounds the word index does not know are looked up in the trigram index. With
 * `listReads` the AND and OR combine the words' kept posting lists (the same entries FTS5
 * finds, see knowledge-postings-repo.ts), reading at most that many lists not kept yet
 * (undefined when more are missing); otherwise, and in a write transaction unless every list
 * is kept, they run one FTS5 statement each.
 */
function candidates(
  db: Db,
  known: Vocabulary,
  words: readonly Word[],
  total: number,
  limit: number,
  listReads: number | undefined,
): Candidate[] | undefined {
  const query = combinedWords(words, total);
  const found = new Map<number, Candidate>();
  const candidate = candidateReader(words);
  const add = (rows: readonly KnowledgeRow[]): void => {
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, candidate(row));
  };
  // In a write transaction a list read is not kept (a rollback could take back what it saw):
  // unless all are kept, the statements read only the newest matches instead.
  const matches = query.map(group);
  const fromLists =
    listReads !== undefined && (!inWriteTransaction(db) || matches.every((m) => known.postingsKept(m)));
  if (query.length > 0 && fromLists) {
    const lists: Postings[] = [];
    let reads = 0;
    for (const [i, match] of matches.entries()) {
      if (!known.postingsKept(match) && ++reads > listReads) return undefined;
      lists.push(known.entriesWithAny(match, (query[i] as Word).variants));
    }
    add(knowledgeRows(db, newestInAll(lists, CANDIDATES)));
    // The OR's newest include the AND's: those are not read again.
    if (found.size < limit && query.length > 1)
      add(
        knowledgeRows(
          db,
          newestInAny(lists, CANDIDATES).filter((id) => !found.has(id)),
        ),
      );
  } else if (query.length > 0) {
    add(newestMatches(db, "words", matches.join(" AND "), CANDIDATES));
    if (found.size < limit && query.length > 1)
      add(newestMatches(db, "words", matches.join(" OR "), CANDIDATES));
  }
  const parts = words.filter((w) => w.variants.length === 0 && w.term.length >= MIN_PART);
  if (found.size < limit && parts.length > 0)
    add(newestMatches(db, "trigrams", parts.map((p) => ftsString(p.term)).join(" OR "), CANDIDATES));
  return [...found.values()];
}

/** BM25 of an entry for the searched words, FTS5-style (title weighted double); compound parts count half. */
function score(entry: Candidate, words: readonly Word[], total: number, avgdl: number): number {
  let sum = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as Word;
    const frequency = entry.frequency[k] ?? 0;
    if (frequency === 0) continue;
    const weight = word.variants.length === 0 ? TRIGRAM_WEIGHT : 1;
    sum +=
      weight *
      idf(total, Math.min(total, Math.max(1, word.docs))) *
      sourceScore(frequency, entry.length, avgdl);
  }
  return sum;
}

/** What `countMatched` looks for of each content word of the query: its stem, or itself when that is short. */
function needles(queryWords: readonly string[]): string[] {
  return queryWords.map((w) => {
    const stem = stemWord(w);
    return stem.length >= 3 ? stem : w;
  });
}

/** Whether the umlaut-folded text contains `needle` (one word), read in place. */
function foldedIncludes(text: string, needle: string): boolean {
  return foldedContains(text, 0, text.length, needle, needle.charCodeAt(0));
}

/** How many of the needles the entry's text contains, umlauts folded (`foldUmlauts`). */
function countMatched(row: KnowledgeRow, looked: readonly string[]): number {
  if (readsInPlace(row.title) && readsInPlace(row.body))
    return looked.filter((n) => foldedIncludes(row.title, n) || foldedIncludes(row.body, n)).length;
  const haystack = foldUmlauts(`${row.title} ${row.body}`);
  return looked.filter((n) => haystack.includes(n)).length;
}

/**
 * Best entries for a free-text query, best first. The searched words are looked up as their
 * most frequent index forms (prefix of the stem: inflections and compounds that start with it);
 * a bounded set of candidates is taken from FTS5 (all words before any word, the newest first)
 * and ranked by BM25; snippets are made only for the entries returned. Tombstones (entries
 * whose accepted answer was deleted) only with `includeRemoved`, for moderators.
 *
 * `/cop search` runs its FTS5 statements: it is not on every question's path, and #12 holds its
 * cost to theirs. The lookup every new question makes takes its candidates from posting lists
 * kept between calls instead, with the same result (`searchKeptPostings`).
 */
export function searchKnowledge(
  db: Db,
  text: string,
  limit = 5,
  opts: { readonly includeRemoved?: boolean } = {},
): KnowledgeHit[] {
  return search(db, text, limit, opts.includeRemoved === true, undefined) ?? [];
}

/**
 * `searchKnowledge` from the words' kept posting lists (knowledge-postings-repo.ts), removed
 * entries left out. A list not kept yet holds up to thousands of entries at 100,000, read at
 * about 0.1 µs each: at most `listReads` of them are read, and with more missing nothing is
 * returned (undefined) — the caller lets the event loop turn and asks again, finding those
 * lists kept (outside a write transaction).
 */
export function searchKeptPostings(
  db: Db,
  text: string,
  limit: number,
  listReads: number,
): KnowledgeHit[] | undefined {
  return search(db, text, limit, false, listReads);
}

function search(
  db: Db,
  text: string,
  limit: number,
  includeRemoved: boolean,
  listReads: number | undefined,
): KnowledgeHit[] | undefined {
  const known = vocabulary(db);
  const { docs: total, tokens } = known.corpus();
  if (total === 0 || limit <= 0) return [];
  const words = lookUp(known, text);
  if (words.length === 0) return [];
  const avgdl = tokens / total;
  const looked = needles(contentWords(text));
  const found = candidates(db, known, words, total, limit, listReads);
  if (found === undefined) return undefined;
  return found
    .filter(({ row }) => row.removedAt === undefined || includeRemoved)
    .map((entry) => ({ row: entry.row, score: score(entry, words, total, avgdl) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.row.id - b.row.id)
    .slice(0, limit)
    .map(({ row }) => ({
      kind: row.kind,
      sourceId: row.sourceId,
      title: row.title,
      snippet: snippet(row.body, words),
      ...(row.url !== undefined ? { url: row.url } : {}),
      ...(row.channelId !== undefined ? { channelId: row.channelId } : {}),
      ...(row.messageId !== undefined ? { messageId: row.messageId } : {}),
      matchedWords: countMatched(row, looked),
      ...(row.removedAt !== undefined ? { removedAt: row.removedAt } : {}),
    }));
}
