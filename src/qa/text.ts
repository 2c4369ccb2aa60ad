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

/** Lower-cased, umlaut-folded words of a text (letters and digits; hyphenated parts split). */
export function words(text: string): string[] {
  return foldUmlauts(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Words of a text that carry meaning: stop words and single characters removed, no repeats. */
export function contentWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))];
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

/**
 * An FTS5 query for a unicode61 index: any content word, each as a prefix of its stem so
 * inflections match ("altakten" -> "altakt"*). Undefined when the text has no content words.
 */
export function prefixQuery(text: string): string | undefined {
  const terms = contentWords(text).map((w) => {
    const stem = stemWord(w);
    return stem.length >= 3 ? `${ftsString(stem)}*` : ftsString(w);
  });
  return terms.length > 0 ? [...new Set(terms)].join(" OR ") : undefined;
}

/**
 * An FTS5 query for a trigram index: any content word of four or more letters as a substring,
 * which finds parts of compounds ("dokumentenmanagement" in "dokumentenmanagementsystem").
 */
export function substringQuery(text: string): string | undefined {
  const terms = contentWords(text).filter((w) => w.length >= 4);
  return terms.length > 0 ? terms.map(ftsString).join(" OR ") : undefined;
}

/** The text on one line (white space folded), cut to `max` characters with "…". */
export function shortLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
