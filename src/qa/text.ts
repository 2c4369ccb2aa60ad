/**
 * Word handling shared by topic keys, expert matching and knowledge search: splitting,
 * stop words and a small German/English plural stemmer (no dictionary, no dependency).
 */

const UMLAUTS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * Lower case with ä/ö/ü/ß spelled out (ae/oe/ue/ss), so "Lösung" and "Loesung" are one word
 * everywhere: topic keys, the FTS indexes (see 002_qa.sql) and the queries against them.
 */
export function foldUmlauts(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => UMLAUTS[ch] ?? ch);
}

const STOP_WORDS = new Set(
  (
    "der die das den dem des ein eine einer einem einen eines und oder aber doch in im ins an am auf aus bei " +
    "mit nach von vom zu zum zur für fuer über ueber unter um vor durch ohne gegen bis als wie was wer wen wem " +
    "wo wann warum wieso weshalb welche welcher welches welchen welchem kann können koennen könnt koennt kannst " +
    "gibt es ist sind war hat habt haben hatte jemand wer ihr ich du wir sie er man mir mich uns euch dir " +
    "nicht kein keine noch schon auch nur so da hier dort dann denn ja nein mal bitte danke hallo hi " +
    "kennt weiß weiss gerne gern sich sein seine ihre unser unsere euer eure dass ob wenn " +
    "a an the of to in on for with at by from is are was were be been do does did how what who whom where " +
    "when why which can could should would anyone someone any some has have had it this that these those " +
    "we you i me my our your there here please thanks hello not no yes or and but"
  )
    .split(" ")
    .map(foldUmlauts),
);

const LATIN_DIACRITICS = /(\p{Script=Latin})\p{M}+/gu;
const ASCII = /^\p{ASCII}*$/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/**
 * The words of a text exactly as the FTS5 indexes split them (`unicode61 remove_diacritics 2`):
 * lower case, accents of Latin letters removed ("é" -> "e"), split at everything but letters,
 * digits and private-use characters — and characters beyond the Basic Multilingual Plane,
 * which unicode61 keeps as word characters (🙂 is a word, ✅ is not). Umlauts must be folded
 * before (see `foldUmlauts`).
 */
export function indexTerms(text: string): string[] {
  // Most text is plain ASCII once umlauts are folded: no accents to strip, only a-z and 0-9 are
  // word characters. This path is the same split at a fraction of the cost (search ranks dozens
  // of entries per query).
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .split(ASCII_SEPARATORS)
      .filter((w) => w.length > 0);
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(LATIN_DIACRITICS, "$1")
    .normalize("NFC")
    .split(/[^\p{L}\p{N}\p{Co}\u{10000}-\u{10FFFF}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * A text as the search indexes read it: umlauts folded, lower case, accents of Latin letters
 * removed. Its words are exactly `indexTerms`: the runs of characters `wordCharLength` counts
 * as word characters (see `forEachWord`).
 */
export function indexForm(text: string): string {
  const folded = foldUmlauts(text);
  if (ASCII.test(folded)) return folded;
  return folded.toLowerCase().normalize("NFD").replace(LATIN_DIACRITICS, "$1").normalize("NFC");
}

const WORD_CHAR = /[\p{L}\p{N}\p{Co}\u{10000}-\u{10FFFF}]/uy;

/**
 * How many UTF-16 units the word character at `i` takes (0: not a word character; 2: one
 * beyond the Basic Multilingual Plane), by the class `indexTerms` splits at.
 */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  // Umlauts and ß, the letters German text has beyond ASCII, without the regular expression.
  if (SPELLED.has(c)) return 1;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text) ? WORD_CHAR.lastIndex - i : 0;
}

/**
 * Calls `visit` with the bounds of every word of `text` (runs of word characters, as
 * `indexTerms` splits an `indexForm`), without cutting the words out; returns how many. Search
 * ranks dozens of long entries per query: the words themselves are never needed, only where
 * they are.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    let step = wordCharLength(text, i);
    if (step === 0) {
      i += 1;
      continue;
    }
    const start = i;
    do {
      i += step;
      step = i < text.length ? wordCharLength(text, i) : 0;
    } while (step > 0);
    count += 1;
    visit(start, i);
  }
  return count;
}

/** Texts `indexForm` only lower-cases and spells umlauts out in (most German text). */
const IN_PLACE = /^[\p{ASCII}äöüÄÖÜß]*$/u;
/** The umlauts and ß, both cases, by UTF-16 unit: how `indexForm` spells them. */
const SPELLED = new Map(
  Object.entries({ ...UMLAUTS, Ä: "ae", Ö: "oe", Ü: "ue" }).map(([ch, spelled]) => [
    ch.charCodeAt(0),
    spelled,
  ]),
);

/**
 * The text a search reads words in without copying it: the text itself where `indexForm` would
 * only lower-case it and spell out umlauts (`foldedStartsWith` does both while reading),
 * otherwise its index form (which reading leaves as it is). Its words are `forEachWord`'s.
 */
export function searchForm(text: string): string {
  return readsInPlace(text) ? text : indexForm(text);
}

/** Whether a text is its own search form (see `searchForm`). */
export function readsInPlace(text: string): boolean {
  return IN_PLACE.test(text);
}

/** How many UTF-16 units the character at `i` of a search form has in its index form (1 or 2). */
export function foldedUnits(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 128 && SPELLED.has(c) ? 2 : 1;
}

/**
 * Whether the index form of a search form's characters from `i` (from its second unit when
 * `half` is 1, see `foldedUnits`) up to `end` begins with `term`.
 */
export function foldedStartsWith(text: string, i: number, half: 0 | 1, end: number, term: string): boolean {
  let at = i;
  let second = half === 1;
  for (let j = 0; j < term.length; j++) {
    if (at >= end) return false;
    const c = text.charCodeAt(at);
    // ASCII is never spelled out: the common case skips the map (search reads every word this way).
    const spelled = c < 128 ? undefined : SPELLED.get(c);
    if (spelled === undefined) {
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== term.charCodeAt(j)) return false;
      at += 1;
    } else {
      if (spelled.charCodeAt(second ? 1 : 0) !== term.charCodeAt(j)) return false;
      if (second) at += 1;
      second = !second;
    }
  }
  return true;
}

/** Lower-cased, umlaut-folded words of a text, split as the search indexes split them. */
export function words(text: string): string[] {
  return indexTerms(foldUmlauts(text));
}

/**
 * The last text `contentWords` and `queryTerms` split, with what they made of it: a question's
 * steps (detection, similar questions, expert keys) ask for the same text several times.
 */
let lastText: { text: string; content: readonly string[]; terms?: readonly QueryTerm[] } = {
  text: "",
  content: [],
};

function splitOnce(text: string): typeof lastText {
  if (lastText.text !== text)
    lastText = { text, content: [...new Set(words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))] };
  return lastText;
}

/** Words of a text that carry meaning: stop words and single characters removed, no repeats. */
export function contentWords(text: string): readonly string[] {
  return splitOnce(text).content;
}

/**
 * Strips one simple plural or inflection ending (German -en/-e/-n after l,r; English -s/-ies),
 * so singular and plural meet: "Akte"/"Akten", "Schnittstelle"/"Schnittstellen", "Tools"/"Tool".
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !/(ss|us)$/.test(word)) return stemWord(word.slice(0, -1));
  if (word.endsWith("en") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("e")) return word.slice(0, -1);
  if (/[lr]n$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A quoted FTS5 string literal (user text never reaches the FTS5 query syntax unquoted). */
export function ftsString(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** One searched word: its stem as a prefix (inflections match), or the word itself when short. */
export interface QueryTerm {
  readonly term: string;
  readonly prefix: boolean;
}

/**
 * The content words of a text as index lookups, each as a prefix of its stem so inflections
 * match ("altakten" -> "altakt"…); words whose stem is shorter than three letters exactly.
 * Duplicates are dropped, so "Akte" and "Akten" look up "akt" once.
 */
export function queryTerms(text: string): readonly QueryTerm[] {
  const last = splitOnce(text);
  last.terms ??= termsOf(last.content);
  return last.terms;
}

function termsOf(content: readonly string[]): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const w of content) {
    const stem = stemWord(w);
    const term: QueryTerm = stem.length >= 3 ? { term: stem, prefix: true } : { term: w, prefix: false };
    const key = `${term.term}${term.prefix ? "*" : ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}

/** The text on one line (white space folded), cut to `max` characters with "…". */
export function shortLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
