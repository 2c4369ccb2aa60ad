import { foldUmlauts, stemWord } from "./text";

/**
 * Topic keys: "E-Akte", "eakte", "e-akten" and "E‑AKTE" must be the same topic, so experts
 * and questions meet. The key is for matching only; the spelling someone typed is shown.
 */

/**
 * The words of a topic or text as topic matching sees them: lower case, ä/ö/ü/ß folded, other
 * diacritics removed, split at spaces, hyphens and punctuation, each reduced by simple plural
 * rules.
 */
export function topicWords(raw: string): string[] {
  return plainWords(raw).map(stemWord);
}

/** The words of a text folded as topics are (see `topicWords`), but not yet stemmed. */
function plainWords(raw: string): string[] {
  return foldUmlauts(raw)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * A topic is found inside a compound only with at least this many letters, so short topics
 * ("OZG", "KI") match whole words only and never a few letters of an unrelated word.
 */
export const MIN_COMPOUND_PART = 5;
/**
 * Longer "words" are no compounds but pasted noise (a hash, a URL without separators); their
 * parts would grow with the cube of the length and stall copbot on one message.
 */
const MAX_COMPOUND_WORD = 64;
/** What may stay before a part of a compound: nothing, or a word of at least three letters. */
const MIN_NEIGHBOUR = 3;
/** Endings after the last part of a compound: inflections and the linking "s". */
const ENDINGS = new Set(["", "s", "e", "n", "en", "es", "er", "ns", "ern"]);

/**
 * Topic keys that may hide inside the words of a text as parts of a German compound
 * ("dokumentenmanagement" in "Dokumentenmanagementsystems"): every stretch of at least
 * `MIN_COMPOUND_PART` letters that starts at the word's start or after at least three
 * letters, and ends at the word's end, before an inflection ending, or before at least three
 * more letters. The caller keeps those that are known topics (decompounding against the
 * topic vocabulary, not a dictionary).
 */
export function compoundParts(text: string): string[] {
  // A question's long compounds have a hundred parts and more: each is cut out once, what
  // follows it only when it is short enough to be an ending, and short stems are never kept.
  const parts = new Set<string>();
  for (const word of plainWords(text)) {
    if (word.length <= MIN_COMPOUND_PART || word.length > MAX_COMPOUND_WORD || /\d/.test(word)) continue;
    for (let start = 0; start + MIN_COMPOUND_PART <= word.length; start++) {
      if (start > 0 && start < MIN_NEIGHBOUR) continue;
      for (let end = start + MIN_COMPOUND_PART; end <= word.length; end++) {
        if (start === 0 && end === word.length) continue;
        if (word.length - end < MIN_NEIGHBOUR && !ENDINGS.has(word.slice(end))) continue;
        const part = word.slice(start, end);
        parts.add(part);
        const stem = stemWord(part);
        if (stem.length >= MIN_COMPOUND_PART - 1) parts.add(stem);
      }
    }
  }
  return Array.from(parts);
}

/**
 * The matching key of a topic: its words joined without separators, because people write the
 * same topic with and without hyphens or spaces ("E-Akte", "eakte", "E Akte").
 */
export function normalizeTopic(raw: string): string {
  return topicWords(raw).join("");
}

/** Readable form of what a user typed for a topic (trimmed, inner whitespace collapsed). */
export function topicLabel(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}
