import type { Db } from "../../db/open";
import { idf, shapeScore, weightGrowth } from "./bm25";
import {
  allPostings,
  corpus,
  keyStats,
  postingsOf,
  searchKey,
  topPostings,
  type KeyStats,
  type Posting,
  type PostingCursor,
} from "./expert-profile-repo";
import type { QueryTerm } from "./text";

/**
 * How well each member's profile (topics and answered questions) matches a question: the sum,
 * over their sources, of SQLite FTS5's BM25 for the question's words — the measure copbot has
 * always ranked experts by — computed from the per-key aggregates of migration 010, which
 * keep each source's key frequency and length, so the sum is the same as FTS5's.
 *
 * Only a bounded part is read: every row of a key few experts have, and the rows with the
 * most weight of a frequent key. Each unread row has a proven upper bound, so callers get an
 * interval per member (and a cap for everyone unseen), read exact values only where an
 * interval could change a decision, and read deeper when the cap is too high.
 */

/** Keys of at most this many experts are read completely. */
const LIGHT = 48;
/** How many of a frequent key's rows are read first; each widening reads 3× as many more. */
const FIRST_READ = 16;

interface KeyState {
  readonly stats: KeyStats;
  readonly idf: number;
  /** Rows read so far, best weight first (all of them once `complete`). */
  read: number;
  complete: boolean;
  /** The last row read: no unread row has more weight. */
  cursor: PostingCursor | undefined;
  readonly members: Set<string>;
}

export class Relevance {
  private readonly known = new Map<string, number>();
  private readonly byKey: Map<string, KeyState>;

  private constructor(
    private readonly db: Db,
    private readonly keys: readonly KeyState[],
    private readonly avgdl: number,
  ) {
    this.byKey = new Map(keys.map((k) => [k.stats.key, k]));
  }

  /** Relevance of every member for `query`; nothing matches an empty query. */
  static of(db: Db, query: readonly QueryTerm[]): Relevance {
    const { sources, tokens } = corpus(db);
    const keys: KeyState[] = [];
    if (sources > 0) {
      for (const q of query) {
        const stats = keyStats(db, searchKey(q.term, q.prefix));
        if (!stats) continue;
        keys.push({
          stats,
          idf: idf(sources, stats.docs),
          read: 0,
          complete: false,
          cursor: undefined,
          members: new Set(),
        });
      }
    }
    const relevance = new Relevance(db, keys, sources > 0 ? tokens / sources : 1);
    relevance.readInitial();
    return relevance;
  }

  /** The search keys of the query that some profile has. */
  searchKeys(): string[] {
    return this.keys.map((k) => k.stats.key);
  }

  private add(posting: Posting): void {
    const state = this.byKey.get(posting.key);
    if (!state || state.members.has(posting.memberId)) return;
    state.members.add(posting.memberId);
    const value = state.idf * shapeScore(posting.shape, this.avgdl);
    this.known.set(posting.memberId, (this.known.get(posting.memberId) ?? 0) + value);
  }

  private readInitial(): void {
    const light = this.keys.filter((k) => k.stats.members <= LIGHT);
    for (const posting of allPostings(
      this.db,
      light.map((k) => k.stats.key),
    ))
      this.add(posting);
    for (const state of light) state.complete = true;
    for (const state of this.keys) if (!state.complete) this.readMore(state, FIRST_READ);
  }

  private readMore(state: KeyState, count: number): void {
    const rows = topPostings(this.db, state.stats.key, count, state.cursor);
    for (const posting of rows) this.add(posting);
    state.read += rows.length;
    const last = rows[rows.length - 1];
    if (last) state.cursor = { weight: last.weight, memberId: last.memberId };
    state.complete = rows.length < count;
  }

  /**
   * The most an unread row of `state` can add: no more weight than the last row read, grown
   * by at most how much the average length rose since the weights were computed.
   */
  private bound(state: KeyState): number {
    if (state.complete) return 0;
    return state.idf * (state.cursor?.weight ?? 0) * weightGrowth(this.avgdl, state.stats.minAvgdl);
  }

  /** Upper bound for any member none of whose rows has been read. */
  unseenBound(): number {
    let sum = 0;
    for (const state of this.keys) sum += this.bound(state);
    return sum;
  }

  /** Members of whom at least one row has been read. */
  seen(): string[] {
    return [...this.known.keys()];
  }

  /** [lowest, highest] relevance `memberId` can have, from what has been read. */
  bounds(memberId: string): [number, number] {
    const low = this.known.get(memberId) ?? 0;
    let high = low;
    for (const state of this.keys) if (!state.members.has(memberId)) high += this.bound(state);
    return [low, high];
  }

  /** Reads the missing rows of `members`, so their relevance is exact. */
  resolve(members: readonly string[]): void {
    const pairs: { key: string; memberId: string }[] = [];
    for (const state of this.keys) {
      if (state.complete) continue;
      for (const memberId of members)
        if (!state.members.has(memberId)) pairs.push({ key: state.stats.key, memberId });
    }
    for (const posting of postingsOf(this.db, pairs)) this.add(posting);
    // A pair without a row adds nothing: it is read, too.
    for (const { key, memberId } of pairs) this.byKey.get(key)?.members.add(memberId);
  }

  /** Exact relevance of a member (reads what is missing). */
  exact(memberId: string): number {
    this.resolve([memberId]);
    return this.known.get(memberId) ?? 0;
  }

  /** Reads deeper into every frequent key; false when everything has been read. */
  widen(): boolean {
    let widened = false;
    for (const state of this.keys) {
      if (state.complete) continue;
      this.readMore(state, state.read * 3);
      widened = true;
    }
    return widened;
  }

  /** The highest relevance of any member (0 when nothing matches): the scale of the 0..1 relevance. */
  max(): number {
    for (;;) {
      while (this.unseenBound() > this.bestLow() && this.widen());
      const best = this.bestLow();
      const open = this.seen().filter((m) => {
        const [low, high] = this.bounds(m);
        return high > best && high > low;
      });
      if (open.length === 0) return best;
      this.resolve(open);
    }
  }

  private bestLow(): number {
    let best = 0;
    for (const value of this.known.values()) best = Math.max(best, value);
    return best;
  }
}
