import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { inWriteTransaction } from "../../db/transaction";
import { descendingPostings, withNewer, type Postings } from "./postings";

/**
 * Posting lists of the knowledge base's words index, kept between lookups. A similar-questions
 * lookup combines the lists of the question's searched words; FTS5 walks them to their end
 * whenever fewer than the newest few entries have all the words (most lookups at 100,000
 * entries, about 20 ns per posting, lists of thousands), while the same lists kept here are
 * combined in microseconds (`postings.ts`).
 *
 * A list is exactly what FTS5 returns for its words (read from it, never computed), and is kept
 * only while it is true:
 * - a new entry (the common write: a question solved) takes the next id, above every id in
 *   use, so once one was added (`entryAdded`) a list is brought up to date by reading the
 *   index's ids above its newest one (`newerThan`);
 * - an entry changed in place forgets the lists of the words it had and has (`forgetPostings`);
 * - an entry removed forgets all lists (`forgetAllPostings`): its id may be taken again;
 * - a commit on another connection (`data_version`) forgets all;
 * - a list read or brought up to date inside a write transaction is not kept (a rollback could
 *   take back what it saw; a read snapshot reads what is committed).
 * Bounded by the number of postings held, least recently used first out.
 */
interface PostingCache {
  version: number;
  /** By FTS5 query of the words (`("akte" OR "akten")`). */
  readonly lists: Map<string, KeptList>;
  postings: number;
  /** Entries added so far (counted, not kept: a rollback only costs a read). */
  added: number;
}

interface KeptList {
  readonly words: readonly string[];
  readonly ids: Postings;
  /** `added` when the list was read: entries added since are not in it yet. */
  readonly added: number;
}

const caches = new WeakMap<Db, PostingCache>();
/** At most this many postings are kept per database: 8 MiB as 32-bit ids. */
const POSTINGS = 1 << 21;
/**
 * What a kept list costs beyond its ids, counted in ids against `POSTINGS`: its map entry, key,
 * words and array object (about 440 bytes measured), so many short lists are bounded too.
 */
const LIST_COST = 128;

/** A kept list's share of `POSTINGS`. */
const costOf = (list: KeptList): number => list.ids.length + LIST_COST;

/**
 * The ids of the entries containing any of the index `words` (as the words index matches
 * `match`, their FTS5 query), newest first; kept until they change. `version` is the
 * database's `data_version` as the caller read it for this lookup.
 */
export function entriesWithAny(db: Db, version: number, match: string, words: readonly string[]): Postings {
  let cache = caches.get(db);
  if (cache?.version !== version) {
    cache = { version, lists: new Map(), postings: 0, added: 0 };
    caches.set(db, cache);
  }
  const kept = cache.lists.get(match);
  if (kept !== undefined && kept.added === cache.added) {
    // Most recently used last: the first entries are the ones to drop.
    cache.lists.delete(match);
    cache.lists.set(match, kept);
    return kept.ids;
  }
  const ids =
    kept === undefined
      ? descendingPostings(
          statement(
            db,
            "SELECT rowid FROM qa_knowledge_words WHERE qa_knowledge_words MATCH ? ORDER BY rowid",
          )
            .pluck()
            .all(match) as number[],
        )
      : withNewer(kept.ids, newerThan(db, match, kept.ids[0] ?? 0));
  if (!inWriteTransaction(db)) keep(cache, match, { words, ids, added: cache.added });
  return ids;
}

/**
 * The ids above `newest` matching `match`, newest first: read from the end of the index's
 * lists, where FTS5 begins in descending order (16 µs for the first id at 100,000 entries; a
 * bound `rowid > ?` made it walk the whole lists, 150 µs).
 */
function newerThan(db: Db, match: string, newest: number): number[] {
  const newer: number[] = [];
  const rows = statement(
    db,
    "SELECT rowid FROM qa_knowledge_words WHERE qa_knowledge_words MATCH ? ORDER BY rowid DESC",
  )
    .pluck()
    .iterate(match) as IterableIterator<number>;
  for (const id of rows) {
    if (id <= newest) break;
    newer.push(id);
  }
  return newer;
}

/**
 * Whether a list of `match` is kept: reading it costs nothing, or only the entries added since
 * it was read (from the end of FTS5's list: microseconds).
 */
export function postingsKept(db: Db, version: number, match: string): boolean {
  const cache = caches.get(db);
  return cache?.version === version && cache.lists.has(match);
}

function keep(cache: PostingCache, match: string, list: KeptList): void {
  const before = cache.lists.get(match);
  if (before !== undefined) {
    cache.lists.delete(match);
    cache.postings -= costOf(before);
  }
  const cost = costOf(list);
  if (cost > POSTINGS) return;
  for (const [key, old] of cache.lists) {
    if (cache.postings + cost <= POSTINGS) break;
    cache.lists.delete(key);
    cache.postings -= costOf(old);
  }
  cache.lists.set(match, list);
  cache.postings += cost;
}

/** A new entry was added (with the next id): kept lists read their newer entries before use. */
export function entryAdded(db: Db): void {
  const cache = caches.get(db);
  if (cache !== undefined) cache.added += 1;
}

/** Forgets the kept lists of any of `terms`: an entry with them was changed in place. */
export function forgetPostings(db: Db, terms: ReadonlySet<string>): void {
  const cache = caches.get(db);
  if (cache === undefined) return;
  for (const [key, list] of cache.lists)
    if (list.words.some((w) => terms.has(w))) {
      cache.lists.delete(key);
      cache.postings -= costOf(list);
    }
}

/** Forgets every kept list: an entry was removed, and its id may be given to the next one. */
export function forgetAllPostings(db: Db): void {
  caches.delete(db);
}
