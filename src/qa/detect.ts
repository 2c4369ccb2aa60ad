/**
 * Question detection for Q&A channels: a cheap German + English heuristic that prefers
 * missing a question over tracking chatter, because a wrongly tracked greeting pings experts.
 */

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
  /^(ok|okay|echt|wirklich|ernsthaft|really|seriously|ja|nein|yes|no|oder|right|gell)\?*$/i,
];

/** Words that open a question (German and English); matched at the start of a sentence. */
const INTERROGATIVE =
  /^(wie|was|wer|wen|wem|wessen|wo|woher|wohin|womit|wofür|wozu|worauf|wann|warum|wieso|weshalb|welche[rsnm]?|kann|können|könnt|kannst|könnte|gibt es|hat jemand|hat wer|haben wir|habt ihr|kennt jemand|kennt ihr|weiß jemand|weiss jemand|nutzt|nutzen|macht ihr|sollte|sollten|darf|dürfen|muss|müssen|ist es|sind|how|what|who|whom|where|when|why|which|does anyone|do you|do we|does|has anyone|have you|is there|are there|can|could|should|would|anyone know)\b/i;

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

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** True when a message in a Q&A channel looks like a question worth tracking. */
export function isQuestion(text: string): boolean {
  const rest = clean(text).replace(GREETING, "").trim();
  if (wordCount(rest) < MIN_WORDS) return false;
  if (CHATTER.some((pattern) => pattern.test(rest))) return false;
  return sentences(rest).some((sentence) => {
    if (CHATTER.some((pattern) => pattern.test(sentence))) return false;
    if (sentence.endsWith("?")) return wordCount(sentence) >= 2;
    return INTERROGATIVE.test(sentence) && !sentence.endsWith("!") && wordCount(sentence) >= MIN_WORDS + 1;
  });
}
