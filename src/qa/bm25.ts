/**
 * SQLite FTS5's BM25 (fts5_aux.c), the measure experts are ranked by: copbot sums it over the
 * sources (topics, answered questions) an expert is known for.
 */

const K1 = 1.2;
const B = 0.75;

/** One source's term part: key frequency `tf` in a source of `length` words; `avgdl` is the average length. */
export function sourceScore(tf: number, length: number, avgdl: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avgdl));
}

/** FTS5's idf of a word in `hits` of `sources` sources, with its floor for words in more than half. */
export function idf(sources: number, hits: number): number {
  const value = Math.log((sources - hits + 0.5) / (hits + 0.5));
  return value <= 0 ? 1e-6 : value;
}

/** Sources of one expert with a key: how many share each (frequency, length). */
export interface ShapePart {
  readonly tf: number;
  readonly length: number;
  readonly count: number;
}

/** The term parts of all of an expert's sources with a key, summed. */
export function shapeScore(shape: readonly ShapePart[], avgdl: number): number {
  let sum = 0;
  for (const part of shape) sum += part.count * sourceScore(part.tf, part.length, avgdl);
  return sum;
}

/**
 * How much larger a weight computed with average length `then` can be with average length
 * `now`: a source's term part grows with the average length, by at most their ratio.
 */
export function weightGrowth(now: number, then: number): number {
  return then > 0 ? Math.max(1, now / then) : Infinity;
}
