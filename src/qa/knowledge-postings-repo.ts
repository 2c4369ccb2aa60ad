import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { descendingPostings, type Postings } from "./postings";

/**
 * Posting lists of the knowledge base's words index, kept between lookups. A similar-questions
 * lookup combines the lists of the question's searched words; FTS5 walks them to their end
 * whenever fewer than the newest few entries have all the words (most lookups at 100,000
 * entries, about 20 ns per posting, lists of thousands), while the same lists kept here are
 * combined in microseconds (`postings.ts`).
 *
 * A list is exactly what FTS5 returns for its words (read from it, never computed), and is kept
 * only while it is true: the knowledge module's writes forget the lists of the words the entry
 * had or has (`forgetPostings`), a commit on another connection (`data_version`) forgets all,
 * and a list read inside a transaction is not kept (a rollback could take back what it saw).
 * Bounded by the number of postings held, least recently used first out.
 */
interface PostingCache {
  version: number;
  /** By FTS5 query of the words (`("akte" OR "akten")`). */
  readonly lists: Map<string, KeptList>;
  postings: number;
}

interface KeptList {
  readonly words: readonly string[];
  readonly ids: Postings;
}

const caches = new WeakMap<Db, PostingCache>();
/** At most this many postings are kept per database: 8 MiB as 32-bit ids. */
const POSTINGS = 1 << 21;

/**
 * The ids of the entries containing any of the index `words` (as the words index matches
 * `match`, their FTS5 query), newest first; kept until they change. `version` is the
 * database's `data_version` as the caller read it for this lookup.
 */
export function entriesWithAny(db: Db, version: number, match: string, words: readonly string[]): Postings {
  let cache = caches.get(db);
  if (cache?.version !== version) {
    cache = { version, lists: new Map(), postings: 0 };
    caches.set(db, cache);
  }
  const kept = cache.lists.get(match);
  if (kept !== undefined) {
    // Most recently used last: the first entries are the ones to drop.
    cache.lists.delete(match);
    cache.lists.set(match, kept);
    return kept.ids;
  }
  const ids = descendingPostings(
    statement(db, "SELECT rowid FROM qa_knowledge_words WHERE qa_knowledge_words MATCH ? ORDER BY rowid")
      .pluck()
      .all(match) as number[],
  );
  if (!db.inTransaction && ids.length <= POSTINGS) {
    for (const [key, list] of cache.lists) {
      if (cache.postings + ids.length <= POSTINGS) break;
      cache.lists.delete(key);
      cache.postings -= list.ids.length;
    }
    cache.lists.set(match, { words, ids });
    cache.postings += ids.length;
  }
  return ids;
}

/** Forgets the kept lists of any of `terms`: an entry with them was added, changed or removed. */
export function forgetPostings(db: Db, terms: ReadonlySet<string>): void {
  const cache = caches.get(db);
  if (cache === undefined) return;
  for (const [key, list] of cache.lists)
    if (list.words.some((w) => terms.has(w))) {
      cache.lists.delete(key);
      cache.postings -= list.ids.length;
    }
}
