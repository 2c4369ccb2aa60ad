import type { Vocabulary } from "./knowledge-vocabulary-repo";
import {
  foldedStartsWith,
  foldedUnits,
  forEachWord,
  ftsString,
  indexForm,
  queryTerms,
  readsInPlace,
} from "./text";

// A search's words as the knowledge base knows them, and where they occur in an entry's text:
// the rule the ranking counts by and the snippet shows (knowledge.ts searches with them).

/** Index words a searched word stands for ("akte" -> akte, akten, aktenplan, …), most frequent first. */
const VARIANTS = 8;
/** Words around the first match shown as snippet. */
const SNIPPET_WORDS = 16;

/** A searched word as the word index knows it. */
export interface Word {
  readonly term: string;
  /** The term's first UTF-16 unit (see `mayBegin`). */
  readonly first: number;
  readonly prefix: boolean;
  /** Index words it stands for (empty: unknown to the word index). */
  readonly variants: readonly string[];
  /** Entries containing it (at most). */
  readonly docs: number;
}

/** The searched words of `text`: each as its index words (a prefix as its most frequent ones) and their entries. */
export function lookUp(words: Vocabulary, text: string): Word[] {
  return queryTerms(text).map(({ term, prefix }) => {
    if (prefix) {
      const found = words.wordsStartingWith(term, VARIANTS);
      return {
        term,
        first: term.charCodeAt(0),
        prefix,
        variants: found.words.map((f) => f.term),
        docs: found.docs,
      };
    }
    const docs = words.wordFrequency(term);
    return { term, first: term.charCodeAt(0), prefix, variants: docs > 0 ? [term] : [], docs };
  });
}

/** A word's FTS5 query: any of its index words. */
export const group = (word: Word): string => `(${word.variants.map(ftsString).join(" OR ")})`;

/**
 * Whether the index form of a search form's text at `i` may begin with a word whose first unit
 * is `first`: false only for an ASCII character that is not it (lower-cased), which
 * `foldedStartsWith` would also reject — at a fraction of its cost, for every word of every
 * candidate. Other characters (an umlaut is spelled out in two units) are left to it.
 */
function mayBegin(text: string, i: number, first: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 128 || (c >= 65 && c <= 90 ? c + 32 : c) === first;
}

/** Whether the index form of a search form's characters from `i` up to `end` contains `term`. */
export function foldedContains(
  text: string,
  start: number,
  end: number,
  term: string,
  first: number,
): boolean {
  for (let i = start; i < end; i++)
    if (
      mayBegin(text, i, first) &&
      (foldedStartsWith(text, i, 0, end, term) ||
        (foldedUnits(text, i) === 2 && foldedStartsWith(text, i, 1, end, term)))
    )
      return true;
  return false;
}

/**
 * Whether the word of a search form (`searchForm`) from `start` to `end` counts as `word`, read
 * in its index form: a word the index does not know where it contains it (a compound part), a
 * prefix where it starts with it, otherwise where it is the word.
 */
export function occursIn(
  text: string,
  start: number,
  end: number,
  { term, first, prefix, variants }: Word,
): boolean {
  if (variants.length > 0) {
    if (!mayBegin(text, start, first) || !foldedStartsWith(text, start, 0, end, term)) return false;
    if (prefix) return true;
    let length = 0;
    for (let i = start; i < end; i++) length += foldedUnits(text, i);
    return length === term.length;
  }
  return foldedContains(text, start, end, term, first);
}

/**
 * Whether the body's word from `start` to `end`, folded and split as the index does, counts as
 * any searched word: read in place when the body is its own search form, else folded alone.
 */
function matchesAny(
  body: string,
  inPlace: boolean,
  start: number,
  end: number,
  words: readonly Word[],
): boolean {
  if (inPlace) return occursAny(body, start, end, words);
  const form = indexForm(body.slice(start, end));
  let hit = false;
  forEachWord(form, (from, to) => {
    hit ||= occursAny(form, from, to, words);
  });
  return hit;
}

/** Whether the word from `start` to `end` counts as any searched word (a loop: no closure per word). */
function occursAny(text: string, start: number, end: number, words: readonly Word[]): boolean {
  for (const word of words) if (occursIn(text, start, end, word)) return true;
  return false;
}

/**
 * The last `SNIPPET_WORDS` words' starts and whether each matched, by word number modulo
 * `SNIPPET_WORDS`: `snippet` slides its window over them instead of keeping every word's
 * bounds (it runs synchronously, so one buffer serves every call).
 */
const windowStarts = new Int32Array(SNIPPET_WORDS);
const windowHits = new Uint8Array(SNIPPET_WORDS);

/**
 * About 16 words of the body around where it matches best (or its start): the first window of
 * `SNIPPET_WORDS` words with the most matching words.
 */
export function snippet(body: string, words: readonly Word[]): string {
  const inPlace = readsInPlace(body);
  let anyHit = false;
  let count = 0;
  let bestCount = -1;
  let from = 0;
  let to = body.length;
  /** Words seen so far. */
  let n = 0;
  const total = forEachWord(body, (start, end) => {
    const slot = n % SNIPPET_WORDS;
    n += 1;
    const hit = matchesAny(body, inPlace, start, end, words) ? 1 : 0;
    anyHit ||= hit === 1;
    // The window ending with this word loses the word SNIPPET_WORDS before it.
    if (n > SNIPPET_WORDS) count -= windowHits[slot] ?? 0;
    windowStarts[slot] = start;
    windowHits[slot] = hit;
    count += hit;
    if (n >= SNIPPET_WORDS && count > bestCount) {
      bestCount = count;
      from = windowStarts[n % SNIPPET_WORDS] ?? 0;
      to = end;
    }
  });
  if (!anyHit) return body.slice(0, 160);
  if (total <= SNIPPET_WORDS) return body;
  return `${from > 0 ? "…" : ""}${body.slice(from, to)}${to < body.length ? "…" : ""}`;
}
