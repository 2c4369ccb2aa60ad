import { sourceScore } from "./bm25";

/**
 * The experts of one search key in compact form, for the in-memory expert index: member
 * numbers in one typed array, each one's sources with the key as (key frequency, source
 * length, how many such sources) triples in another. A change replaces one member's triples
 * in a small side map; when that grows, the arrays are rebuilt.
 *
 * Each member's BM25 term part depends only on their triples and the corpus's average source
 * length, which changes only when a source is added or taken out; so the parts are kept per
 * average length and a question adds them up instead of computing thousands again (a frequent
 * key has 3,000 experts at 100,000 solved questions).
 */

/** Sources with the key: the sum of the triples' counts. */
function docsOf(parts: Uint32Array): number {
  let docs = 0;
  for (let i = 2; i < parts.length; i += 3) docs += parts[i] ?? 0;
  return docs;
}

/** The BM25 term parts of one member's sources with the key, summed (bm25.ts, `shapeScore`). */
function partsScore(parts: Uint32Array, from: number, to: number, avgdl: number): number {
  let sum = 0;
  for (let i = from; i < to; i += 3)
    sum += (parts[i + 2] ?? 0) * sourceScore(parts[i] ?? 0, parts[i + 1] ?? 0, avgdl);
  return sum;
}

/**
 * Where a member's relevance is summed: by member number, and who has a value (the first
 * `count` of `touched`, which has room for every member number).
 */
export interface Accumulator {
  readonly values: Float64Array;
  readonly touched: Int32Array;
  count: number;
}

export class KeyPostings {
  private ids: Int32Array;
  /** End of each member's triples in `parts` (the start is the previous end). */
  private ends: Int32Array;
  private parts: Uint32Array;
  /** Members whose triples changed since the arrays were built (null: they no longer have the key). */
  private readonly changed = new Map<number, Uint32Array | null>();
  /** Sources with the key, over all members (BM25's document frequency). */
  docs = 0;
  /** Each member's term part (`partsScore`) as of `partsAvgdl`, in the order of `ids`. */
  private termParts = new Float64Array(0);
  private partsAvgdl = Number.NaN;

  constructor(entries: ReadonlyMap<number, Uint32Array>) {
    this.ids = new Int32Array(0);
    this.ends = new Int32Array(0);
    this.parts = new Uint32Array(0);
    this.build(entries);
  }

  /**
   * Postings from arrays as loaded (expert-index-repo.ts, `termPage`): member numbers, the end
   * of each one's triples, the triples. Taken as they are; each member appears once.
   */
  static of(ids: Int32Array, ends: Int32Array, parts: Uint32Array): KeyPostings {
    const postings = new KeyPostings(new Map());
    postings.ids = ids;
    postings.ends = ends;
    postings.parts = parts;
    postings.docs = docsOf(parts);
    return postings;
  }

  private build(entries: ReadonlyMap<number, Uint32Array>): void {
    let total = 0;
    for (const parts of entries.values()) total += parts.length;
    this.ids = new Int32Array(entries.size);
    this.ends = new Int32Array(entries.size);
    this.parts = new Uint32Array(total);
    this.docs = 0;
    let i = 0;
    let end = 0;
    for (const [id, parts] of entries) {
      this.parts.set(parts, end);
      end += parts.length;
      this.ids[i] = id;
      this.ends[i] = end;
      this.docs += docsOf(parts);
      i += 1;
    }
    this.termParts = new Float64Array(0);
    this.partsAvgdl = Number.NaN;
  }

  /** Members with the key (about: changed ones may count twice until the next rebuild). */
  get size(): number {
    return this.ids.length + this.changed.size;
  }

  /** Bytes held by the arrays and the changed triples. */
  get bytes(): number {
    let changed = 0;
    for (const parts of this.changed.values()) changed += 16 + (parts?.byteLength ?? 0);
    const arrays = this.ids.byteLength + this.ends.byteLength + this.parts.byteLength;
    return arrays + this.termParts.byteLength + changed;
  }

  private current(id: number): Uint32Array | undefined {
    const changed = this.changed.get(id);
    if (changed !== undefined) return changed ?? undefined;
    const i = this.ids.indexOf(id);
    if (i < 0) return undefined;
    return this.parts.subarray(i === 0 ? 0 : (this.ends[i - 1] ?? 0), this.ends[i] ?? 0);
  }

  /** Replaces a member's triples (undefined: none of their sources has the key any more). */
  set(id: number, parts: Uint32Array | undefined): void {
    const before = this.current(id);
    this.docs += (parts ? docsOf(parts) : 0) - (before ? docsOf(before) : 0);
    this.changed.set(id, parts ?? null);
    if (this.changed.size > 32 + this.ids.length / 4) this.build(this.entries());
  }

  private entries(): Map<number, Uint32Array> {
    const entries = new Map<number, Uint32Array>();
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i] ?? 0;
      if (this.changed.has(id)) continue;
      entries.set(id, this.parts.slice(i === 0 ? 0 : (this.ends[i - 1] ?? 0), this.ends[i] ?? 0));
    }
    for (const [id, parts] of this.changed) if (parts) entries.set(id, parts);
    this.changed.clear();
    return entries;
  }

  /** Each member's term part at `avgdl`, in the order of `ids`: kept, computed again when `avgdl` moved. */
  private partsAt(avgdl: number): Float64Array {
    if (this.partsAvgdl === avgdl && this.termParts.length === this.ids.length) return this.termParts;
    const termParts = new Float64Array(this.ids.length);
    let start = 0;
    for (let i = 0; i < this.ids.length; i++) {
      const end = this.ends[i] ?? 0;
      termParts[i] = partsScore(this.parts, start, end, avgdl);
      start = end;
    }
    this.termParts = termParts;
    this.partsAvgdl = avgdl;
    return termParts;
  }

  /** Adds `idf` × each member's BM25 term part for this key to `into`. */
  score(idf: number, avgdl: number, into: Accumulator): void {
    const { values, touched } = into;
    const termParts = this.partsAt(avgdl);
    const ids = this.ids;
    const skip = this.changed.size > 0;
    let count = into.count;
    // One loop without calls: a frequent key has thousands of experts.
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if (skip && this.changed.has(id)) continue;
      const before = values[id] ?? 0;
      if (before === 0) touched[count++] = id;
      values[id] = before + idf * (termParts[i] ?? 0);
    }
    for (const [id, parts] of this.changed) {
      if (!parts) continue;
      const before = values[id] ?? 0;
      if (before === 0) touched[count++] = id;
      values[id] = before + idf * partsScore(parts, 0, parts.length, avgdl);
    }
    into.count = count;
  }
}
