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
  return foldUmlauts(raw)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(stemWord);
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
