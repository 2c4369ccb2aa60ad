import type { Db } from "../../db/open";
import { inWriteTransaction, readSnapshot } from "../../db/transaction";
import { idf } from "./bm25";
import { corpus } from "./expert-profile-repo";
import {
  changeLog,
  profilePage,
  profilesOf,
  pruneChanges,
  termOf,
  termPage,
  topicRows,
  TOPICS_CHANGED,
  type Change,
  type ProfileRecord,
} from "./expert-index-repo";
import { KeyPostings, type Accumulator } from "./key-postings";
import { ProfileTable, type PingWindow } from "./profile-table";

/**
 * Everything expert ranking reads, in memory: every member's profile (history, pings,
 * settings, time zone) and, per search key, the experts whose sources have it with the shape
 * BM25 scores (migration 010). A question scores every expert who matches exactly, without
 * a statement per expert.
 *
 * It never ranks on stale data: every write to a profile, an aggregate or a member's time
 * zone leaves a row in the change log of migration 014 (triggers, so no writer can be
 * missed), and before each use the index re-reads exactly the entries logged since. Inside a
 * transaction it cannot know whether what it reads will be committed, so it keeps the log
 * position from before and re-reads those entries again afterwards (a rollback leaves no row
 * behind, but the entries are re-read all the same). Loading is lazy: the profiles on first
 * use, a key when a question first asks for it; keys are evicted, least recently used first,
 * beyond `MAX_POSTINGS`.
 */

/** Rows loaded per page; the async warm-up yields between pages. */
const PAGE = 256;
/** A key's rows per page: 2–5 µs each, so a page is a fraction of a millisecond. */
const TERM_PAGE = 128;
/** At most this many (expert, key) entries are kept in memory (about 16 bytes each). */
export const MAX_POSTINGS = 400_000;
/** More changes than this since the last look: start afresh instead of re-reading each. */
const MAX_APPLY = 2_000;
/** The log is pruned once this many read entries have piled up. */
const PRUNE_AFTER = 1_000;

/** A page of a key's experts by member number (expert-index-repo.ts, `termPage`). */
interface NumberedPage {
  readonly ids: Int32Array;
  readonly ends: Int32Array;
  readonly parts: Uint32Array;
}

/**
 * Every expert's topics, kept in the order SQL gives them (by member, then label): the rows'
 * members and labels, and per topic key the positions of its rows.
 */
interface TopicTable {
  readonly members: readonly string[];
  readonly labels: readonly string[];
  readonly rowsOf: ReadonlyMap<string, readonly number[]>;
  readonly aliases: ReadonlyMap<string, string>;
}

const entryId = (change: Change): string => `${change.memberId}\u0000${change.key ?? ""}`;

export class ExpertIndex {
  private readonly numbers = new Map<string, number>();
  private readonly names: string[] = [];
  private profiles = new ProfileTable();
  private profilesLoaded = false;
  /** Loaded keys, least recently used first. */
  private readonly keys = new Map<string, KeyPostings>();
  /**
   * A key was put in place since the last `trim`: only then can there be too many entries (a
   * change to a loaded key grows it by a member at most), and summing every loaded key's size
   * on each readying cost 0.05–0.1 ms per question with hundreds of keys loaded.
   */
  private untrimmed = false;
  /** The log position everything loaded is current with, as committed. */
  private cursor = 0;
  /** The log's floor as last read (what is pruned up to); unknown until this copy reads the log. */
  private floor: number | undefined;
  /** Entries applied inside a transaction: read again once it is over. */
  private tentative = new Map<string, Change>();
  /** Relevance by member number while a question's keys are summed (`relevance`), else all 0. */
  private values = new Float64Array(0);
  /** The members `relevance` found and their values, in the same order. */
  private touched = new Int32Array(0);
  private found = new Float64Array(0);
  /** Experts' topics and the aliases (`topicsNamed`, `expertsOfTopics`), loaded when first asked. */
  private topics: TopicTable | undefined;

  constructor(private readonly db: Db) {}

  /** The member's number in the typed arrays. */
  private numberOf(memberId: string): number {
    let n = this.numbers.get(memberId);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(memberId);
      this.numbers.set(memberId, n);
    }
    return n;
  }

  /** How many members have a number (numbers are 0 up to this). */
  get memberCount(): number {
    return this.names.length;
  }

  /** The member with this number. */
  memberOf(n: number): string {
    return this.names[n] ?? "";
  }

  private forgetAll(): void {
    this.topics = undefined;
    this.profiles = new ProfileTable();
    this.profilesLoaded = false;
    this.keys.clear();
    this.tentative.clear();
  }

  private get empty(): boolean {
    return (
      !this.profilesLoaded && this.keys.size === 0 && this.tentative.size === 0 && this.topics === undefined
    );
  }

  /**
   * Loads what a question about `keys` needs and brings everything loaded up to date; returns
   * the index to read from. Inside a transaction with too much unread log, that is a throwaway
   * copy loaded afresh, since what it reads may still be rolled back. `profiles: false` leaves
   * the profiles unloaded if they are (for reading topics only, as a digest or an export does).
   */
  readyFor(keys: readonly string[], profiles = true): ExpertIndex {
    if (this.db.inTransaction) return this.update(keys, profiles);
    // Outside a transaction its reads share one read snapshot (one lock instead of one each);
    // pruning the log writes, so it comes after.
    const index = readSnapshot(this.db, () => this.update(keys, profiles));
    this.prune();
    return index;
  }

  /**
   * Prunes the log once enough entries read by this copy have piled up; outside a transaction
   * only (it writes). `readyFor` does so itself when called outside one; after it was called in
   * a read snapshot, call this once the snapshot is over.
   */
  prune(): void {
    if (this.db.inTransaction || this.floor === undefined || this.cursor - this.floor <= PRUNE_AFTER) return;
    pruneChanges(this.db, this.cursor);
    this.floor = this.cursor;
  }

  /** `readyFor`'s reading part. */
  private update(keys: readonly string[], profiles: boolean): ExpertIndex {
    // A read snapshot (db/transaction.ts) reads only what is committed: as outside a transaction.
    const inTransaction = inWriteTransaction(this.db);
    // Read once, with the entries since the cursor: what is loaded below is at least as new,
    // and an entry logged meanwhile is read again next time (reading one again changes nothing).
    const log = changeLog(this.db, this.cursor, MAX_APPLY + 1);
    this.floor = log.floor;
    if (log.floor > this.cursor) {
      // Pruned past what this copy has read (another copy of the index pruned it).
      this.forgetAll();
      this.cursor = log.floor;
    }
    if (log.last - this.cursor > MAX_APPLY || (this.empty && !inTransaction)) {
      if (inTransaction) return new ExpertIndex(this.db).load(keys, profiles);
      this.forgetAll();
      this.cursor = log.last;
    }
    this.load(keys, profiles);
    const pending = this.tentative;
    for (const change of log.changes) if (change.seq > this.cursor) pending.set(entryId(change), change);
    this.reload(pending.values());
    if (!inTransaction) {
      this.tentative = new Map();
      this.cursor = log.last;
    } else this.tentative = pending;
    return this;
  }

  private load(keys: readonly string[], profiles = true): ExpertIndex {
    if (profiles && !this.profilesLoaded) this.loadProfiles(this.profilePages());
    for (const key of keys) this.postingsOf(key);
    if (this.untrimmed) this.trim();
    return this;
  }

  /**
   * Reads the logged entries again that are loaded: the changed profiles in one read (a
   * question's pings change three), a changed aggregate each.
   */
  private reload(changes: Iterable<Change>): void {
    const members: string[] = [];
    for (const change of changes) {
      if (change.key === TOPICS_CHANGED) this.topics = undefined;
      else if (change.key === undefined) {
        if (this.profilesLoaded) members.push(change.memberId);
      } else {
        const postings = this.keys.get(change.key);
        if (!postings) continue;
        const term = termOf(this.db, change.memberId, change.key);
        postings.set(this.numberOf(change.memberId), term?.parts);
      }
    }
    if (members.length === 0) return;
    const read = profilesOf(this.db, members);
    for (const memberId of members) this.profiles.set(this.numberOf(memberId), read.get(memberId));
  }

  private loadProfiles(pages: Iterable<ProfileRecord[]>): void {
    this.profiles = new ProfileTable();
    for (const page of pages) for (const p of page) this.profiles.set(this.numberOf(p.memberId), p);
    this.profilesLoaded = true;
  }

  private *profilePages(): Generator<ProfileRecord[]> {
    let after = "";
    for (;;) {
      const page = profilePage(this.db, after, PAGE);
      yield page;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) return;
      after = last.memberId;
    }
  }

  private *termPages(key: string): Generator<NumberedPage> {
    let after = "";
    for (;;) {
      const page = termPage(this.db, key, after, TERM_PAGE);
      const ids = new Int32Array(page.members.length);
      page.members.forEach((memberId, i) => (ids[i] = this.numberOf(memberId)));
      yield { ids, ends: page.ends, parts: page.parts };
      if (page.last === undefined || page.members.length < TERM_PAGE) return;
      after = page.last;
    }
  }

  /** A key's pages put together into its postings (pages never share a member). */
  private installKey(key: string, pages: Iterable<NumberedPage>): KeyPostings {
    const list = [...pages];
    // Most keys fit one page: its arrays are taken as they are rather than copied (each copy
    // is memory outside the heap that young-generation collections sweep when it dies).
    const only = list.length === 1 ? list[0] : undefined;
    if (only) return this.put(key, KeyPostings.of(only.ids, only.ends, only.parts));
    let members = 0;
    let fields = 0;
    for (const page of list) {
      members += page.ids.length;
      fields += page.parts.length;
    }
    const ids = new Int32Array(members);
    const ends = new Int32Array(members);
    const parts = new Uint32Array(fields);
    members = 0;
    fields = 0;
    for (const page of list) {
      ids.set(page.ids, members);
      for (let i = 0; i < page.ends.length; i++) ends[members + i] = fields + (page.ends[i] ?? 0);
      parts.set(page.parts, fields);
      members += page.ids.length;
      fields += page.parts.length;
    }
    return this.put(key, KeyPostings.of(ids, ends, parts));
  }

  private put(key: string, postings: KeyPostings): KeyPostings {
    this.keys.set(key, postings);
    this.untrimmed = true;
    return postings;
  }

  /** A key's postings, loaded if needed, marked as used most recently. */
  private postingsOf(key: string): KeyPostings {
    const loaded = this.keys.get(key);
    if (loaded) {
      this.keys.delete(key);
      this.keys.set(key, loaded);
      return loaded;
    }
    return this.installKey(key, this.termPages(key));
  }

  /**
   * Loads what a question about `keys` will need a page at a time, calling `pause` (which
   * yields to the event loop) between pages, so no single step is long. Whatever changed
   * while loading is read again before the pages are put in place.
   */
  async warm(keys: readonly string[], pause: () => Promise<void>): Promise<void> {
    // The log position before the next pages are read: the last one settled, or read anew.
    let next: number | undefined;
    const settle = (from: number, key: string | null): readonly Change[] | undefined => {
      if (inWriteTransaction(this.db)) return undefined;
      const log = changeLog(this.db, from, MAX_APPLY + 1, key);
      if (log.floor > from || log.changes.length > MAX_APPLY) return undefined;
      next = log.last;
      return log.changes;
    };
    const lastLogged = (): number => changeLog(this.db, Number.MAX_SAFE_INTEGER, 0).last;
    const position = (): number => {
      const from = next ?? lastLogged();
      next = undefined;
      return from;
    };
    if (this.db.inTransaction) return;
    if (!this.profilesLoaded) {
      const start = (): number => {
        if (this.empty) this.cursor = Math.max(this.cursor, lastLogged());
        return position();
      };
      await this.inSteps(this.profilePages(), start, pause, (from, pages) => {
        const changed = settle(from, null);
        if (changed && !this.profilesLoaded) {
          this.loadProfiles(pages);
          this.reload(changed);
        }
      });
      // Putting thousands of profiles in place is a step of its own.
      await pause();
    }
    for (const key of keys) {
      if (this.keys.has(key)) continue;
      await this.inSteps(this.termPages(key), position, pause, (from, pages) => {
        const changed = settle(from, key);
        if (!changed || this.keys.has(key)) return;
        this.installKey(key, pages);
        this.reload(changed);
      });
      // So is putting a frequent key's thousands of rows in place.
      await pause();
    }
  }

  /**
   * Reads `pages` a page per step with `pause` after each, each step's reads in one read
   * snapshot (one lock instead of one per statement; none spans a pause): the first step's with
   * `start`'s, the last one's (which finds no more pages) with `finish`'s.
   */
  private async inSteps<T>(
    pages: Iterator<T>,
    start: () => number,
    pause: () => Promise<void>,
    finish: (from: number, pages: T[]) => void,
  ): Promise<void> {
    const read: T[] = [];
    let from: number | undefined;
    for (;;) {
      const done = readSnapshot(this.db, () => {
        from ??= start();
        const next = pages.next();
        if (next.done) finish(from, read);
        else read.push(next.value);
        return next.done === true;
      });
      if (done) return;
      await pause();
    }
  }

  /**
   * Which of these topic keys have experts, and which topics these aliases stand for, in
   * order (after `readyFor`). The experts' topics and the aliases are kept in memory (a few
   * thousand rows at most): a question looks up dozens of runs of its words. A change to
   * topics, labels or aliases is logged (migration 015) and clears them like any logged entry,
   * also when read inside a transaction: those entries are read again afterwards, so what a
   * rollback takes back is cleared as well.
   */
  topicsNamed(keys: readonly string[]): string[] {
    if (keys.length === 0) return [];
    const table = this.topicTable();
    const named = new Set<string>();
    for (const key of keys) {
      if (table.rowsOf.has(key)) named.add(key);
      const topic = table.aliases.get(key);
      if (topic !== undefined) named.add(topic);
    }
    return [...named].sort();
  }

  /**
   * The experts of these topic keys with the labels of their matching topics, by member,
   * labels sorted (after `readyFor`): as expert-repo.ts's `expertsOfTopics` reads them, in
   * the same order.
   */
  expertsOfTopics(keys: readonly string[]): Map<string, string[]> {
    const experts = new Map<string, string[]>();
    if (keys.length === 0) return experts;
    const table = this.topicTable();
    const rows: number[] = [];
    for (const key of new Set(keys)) for (const row of table.rowsOf.get(key) ?? []) rows.push(row);
    rows.sort((a, b) => a - b);
    for (const row of rows) {
      const member = table.members[row] ?? "";
      const labels = experts.get(member) ?? [];
      labels.push(table.labels[row] ?? "");
      experts.set(member, labels);
    }
    return experts;
  }

  private topicTable(): TopicTable {
    if (this.topics) return this.topics;
    const { experts, aliases } = topicRows(this.db);
    // Member ids and labels shared with what the index holds already, not one string per row.
    const labels = new Map<string, string>();
    const rowsOf = new Map<string, number[]>();
    const table: TopicTable = {
      members: experts.map(([member]) => {
        const n = this.numbers.get(member);
        return n === undefined ? member : (this.names[n] ?? member);
      }),
      labels: experts.map(([, , label]) => {
        const shared = labels.get(label);
        if (shared !== undefined) return shared;
        labels.set(label, label);
        return label;
      }),
      rowsOf,
      aliases,
    };
    experts.forEach(([, topic], row) => {
      const list = rowsOf.get(topic);
      if (list) list.push(row);
      else rowsOf.set(topic, [row]);
    });
    this.topics = table;
    return table;
  }

  /** A member's number in the index, if it has seen them. */
  numberFor(memberId: string): number | undefined {
    return this.numbers.get(memberId);
  }

  /**
   * The highest score the member with this number can reach with this match at `now`, NaN when
   * they cannot be asked (after `readyFor`; profile-table.ts, `ceilingAt`).
   */
  ceilingAt(n: number, match: number, window: PingWindow, now: number): number {
    return this.profiles.ceilingAt(n, match, window, now);
  }

  /** The profile of the member with this number (read after `readyFor`); undefined without one. */
  profileAt(n: number): ProfileRecord | undefined {
    return this.profiles.at(n);
  }

  /**
   * Every member's relevance for the search keys (after `readyFor`): the sum over their sources
   * of SQLite FTS5's BM25, as FTS5 would rank them. Returns the numbers of the members with a
   * value (`memberOf` names them) and their values, in the same order: views of arrays the
   * index reuses, valid until it is asked again (a question reads them once, right away).
   */
  relevance(keys: readonly string[]): { members: Int32Array; values: Float64Array } {
    const { sources, tokens } = corpus(this.db);
    if (sources === 0) return { members: new Int32Array(0), values: new Float64Array(0) };
    const avgdl = tokens / sources;
    // Loaded first: loading a key numbers members, and the arrays must have room for them all.
    const lists = keys.map((key) => this.postingsOf(key));
    if (this.values.length < this.names.length) {
      this.values = new Float64Array(this.names.length * 2);
      this.touched = new Int32Array(this.values.length);
      this.found = new Float64Array(this.values.length);
    }
    const into: Accumulator = { values: this.values, touched: this.touched, count: 0 };
    for (const postings of lists)
      if (postings.docs > 0) postings.score(idf(sources, postings.docs), avgdl, into);
    for (let i = 0; i < into.count; i++) {
      const n = this.touched[i] ?? 0;
      this.found[i] = this.values[n] ?? 0;
      this.values[n] = 0;
    }
    return { members: this.touched.subarray(0, into.count), values: this.found.subarray(0, into.count) };
  }

  /** True when some expert other than `exclude` has one of the keys (after `readyFor`). */
  anyExpertWith(keys: readonly string[], exclude: readonly string[]): boolean {
    for (const n of this.relevance(keys).members)
      if (this.profiles.at(n)?.expert === true && !exclude.includes(this.memberOf(n))) return true;
    return false;
  }

  /** Evicts keys, least recently used first, down to `MAX_POSTINGS` entries. */
  trim(max = MAX_POSTINGS): void {
    this.untrimmed = false;
    let total = 0;
    for (const postings of this.keys.values()) total += postings.size;
    for (const [key, postings] of this.keys) {
      if (total <= max) return;
      this.keys.delete(key);
      total -= postings.size;
    }
  }

  /** Bytes the index holds in its arrays (profiles: an estimate of their objects). */
  get bytes(): number {
    let bytes = 0;
    for (const [key, postings] of this.keys) bytes += postings.bytes + key.length * 2 + 64;
    const scratch = this.values.byteLength + this.touched.byteLength + this.found.byteLength;
    return bytes + this.profiles.bytes + this.names.length * 64 + scratch;
  }
}

const indexes = new WeakMap<Db, ExpertIndex>();

/** The expert index of a database connection (one per connection, made on first use). */
export function expertIndex(db: Db): ExpertIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new ExpertIndex(db);
    indexes.set(db, index);
  }
  return index;
}
