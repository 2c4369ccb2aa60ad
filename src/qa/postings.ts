/**
 * Posting lists: the ids of the entries an index word (or a group of them) occurs in, newest
 * (highest id) first. The similar-questions lookup combines the lists of its searched words
 * here, as FTS5 combines them for `AND` / `OR`, without walking the long ones to their end.
 */
export type Postings = Int32Array | Float64Array;

/**
 * Ids given in ascending order (as FTS5 returns them fastest: about a fifth less than in
 * descending order) as a compact descending list (32-bit while they fit).
 */
export function descendingPostings(ascending: readonly number[]): Postings {
  const n = ascending.length;
  const list = (ascending[n - 1] ?? 0) <= 0x7fffffff ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) list[n - 1 - i] = ascending[i] as number;
  return list;
}

/** A descending list with newer ids (`newer`, descending, all above its first) put in front. */
export function withNewer(list: Postings, newer: readonly number[]): Postings {
  if (newer.length === 0) return list;
  const wide = list instanceof Float64Array || (newer[0] ?? 0) > 0x7fffffff;
  const joined = wide
    ? new Float64Array(newer.length + list.length)
    : new Int32Array(newer.length + list.length);
  joined.set(newer);
  joined.set(list, newer.length);
  return joined;
}

/**
 * The first index from `from` on whose id is at most `id` (the list's length when none is):
 * doubling steps, then halving, so a short list probing a long one reads few of its ids.
 */
function seekAtMost(list: Postings, from: number, id: number): number {
  const n = list.length;
  if (from >= n || (list[from] as number) <= id) return from;
  let lo = from;
  let step = 1;
  let hi = lo + step;
  while (hi < n && (list[hi] as number) > id) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  // list[lo] > id; list[hi] <= id or hi === n.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) > id) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The `limit` highest ids that are in every list (FTS5's `AND`), highest first. */
export function newestInAll(lists: readonly Postings[], limit: number): number[] {
  const found: number[] = [];
  if (lists.length === 0) return found;
  const [driver, ...others] = [...lists].sort((a, b) => a.length - b.length) as [Postings, ...Postings[]];
  const at = others.map(() => 0);
  for (let i = 0; i < driver.length && found.length < limit; i++) {
    const id = driver[i] as number;
    let all = true;
    for (let j = 0; j < others.length; j++) {
      const list = others[j] as Postings;
      const k = seekAtMost(list, at[j] as number, id);
      at[j] = k;
      if (k === list.length) return found;
      if (list[k] !== id) all = false;
    }
    if (all) found.push(id);
  }
  return found;
}

/** The `limit` highest ids that are in any list (FTS5's `OR`), highest first, each once. */
export function newestInAny(lists: readonly Postings[], limit: number): number[] {
  const found: number[] = [];
  const at = lists.map(() => 0);
  while (found.length < limit) {
    let best = -Infinity;
    for (let j = 0; j < lists.length; j++) {
      const list = lists[j] as Postings;
      const k = at[j] as number;
      if (k < list.length && (list[k] as number) > best) best = list[k] as number;
    }
    if (best === -Infinity) break;
    found.push(best);
    for (let j = 0; j < lists.length; j++)
      if ((lists[j] as Postings)[at[j] as number] === best) at[j] = (at[j] as number) + 1;
  }
  return found;
}
