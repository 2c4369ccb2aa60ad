import { stemWord } from "./text";

/**
 * Topic keys: "E-Akte", "e-akten" and "E‑AKTE" must be the same topic, so experts and
 * questions meet. The key is for matching only; the first spelling someone used is shown.
 */

const FOLD: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * The matching key of a topic: lower case, ä/ö/ü/ß folded, other diacritics removed,
 * punctuation collapsed, and each word reduced by simple plural rules.
 */
export function normalizeTopic(raw: string): string {
  const folded = raw
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => FOLD[ch] ?? ch)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  const words = folded
    .replace(/[\u2010-\u2015_]/g, "-")
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ""))
    .filter((w) => w.length > 0);
  return words.map((w) => w.split("-").map(stemWord).join("-")).join(" ");
}

/** Readable form of what a user typed for a topic (trimmed, inner whitespace collapsed). */
export function topicLabel(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}
