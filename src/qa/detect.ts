/**
 * Question detection for Q&A channels: a cheap German + English heuristic that prefers
 * missing a question over tracking chatter, because a wrongly tracked greeting pings experts.
 */
import { contentWords } from "./text";

/** Greeting and chit-chat openers that are stripped before judging the rest of a message. */
const GREETING =
  /^(hallo|hi|hey|moin|moin moin|servus|gruezi|grüß gott|guten (morgen|tag|abend)|liebe leute|hallo zusammen|hi all|hello|good (morning|afternoon|evening)|hey all|kurze frage|quick question)\b[\s,!.:;-]*(zusammen|alle|all|everyone|ihr lieben|leute)?[\s,!.:;-]*/i;

/** Small-talk that ends with a question mark but is no question for the community. */
const CHATTER = [
  /^wie geht'?s\b/i,
  /^wie gehts\b/i,
  /^wie geht es (dir|euch|ihnen)\b/i,
  /^(alles (gut|klar|fit))\b/i,
  /^(jemand|wer) (noch )?da\b/i,
  /^how are (you|you all|things)\b/i,
  /^how('s| is) it going\b/i,
  /^what'?s up\b/i,
  /^(anyone|everyone) (here|there)\b/i,
  /^(ok|okay|echt|wirklich|ernsthaft|really|seriously|ja|nein|yes|no|oder|right|gell|na|sicher|genau|stimmt|passt|gut|und jetzt|sure|why not)\?*$/i,
  /^(kaffee|mittag|mittagessen|mahlzeit|pause|feierabend|lunch|coffee|break)\b/i,
];

/**
 * Openers that ask the community even without a question mark ("Kennt jemand ein Tool …").
 * Bare W-words are not enough there: "Wie gesagt, …" and "Was ich noch sagen wollte: …" are
 * statements; without "?" only these explicit forms count.
 */
const EXPLICIT_OPENER =
  /^(hat (hier )?(jemand|wer)|habt ihr|kennt (hier )?(jemand|wer|ihr)|wei(ß|ss) (hier )?(jemand|wer)|wisst ihr|gibt es|gibt's|kann (mir )?(hier )?jemand|könnt ihr|könnte (mir )?jemand|does (anyone|anybody|someone)|do (any of )?you know|has (anyone|anybody)|have you (ever )?(used|tried|seen)|is there|are there|(does )?anyone know|can (anyone|someone|somebody)|could (anyone|someone|somebody))\b/i;

/** Words an explicit opener needs without a question mark ("Kennt jemand X"). */
const MIN_WORDS = 3;

/** Removes mentions, links and code so they neither count as words nor hide a question mark. */
function clean(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`]*`/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/(^|\s)@\S+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whitespace-separated words with a letter or digit in them (counted without splitting the text). */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

function wordCount(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  // `test` on a global pattern moves on without building a match per word.
  while (WORD.test(text)) count += 1;
  return count;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * True when a message in a Q&A channel looks like a question worth tracking. A question mark
 * after at least one word that carries meaning is enough ("OZG-Reifegrad?"): what decides is
 * the chatter and opener patterns, not a word count.
 */
export function isQuestion(text: string): boolean {
  const rest = clean(text).replace(GREETING, "").trim();
  if (wordCount(rest) === 0) return false;
  if (CHATTER.some((pattern) => pattern.test(rest))) return false;
  return sentences(rest).some((sentence) => {
    if (CHATTER.some((pattern) => pattern.test(sentence))) return false;
    if (sentence.endsWith("?")) return contentWords(sentence).length > 0;
    return EXPLICIT_OPENER.test(sentence) && !sentence.endsWith("!") && wordCount(sentence) >= MIN_WORDS + 1;
  });
}
