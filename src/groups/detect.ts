/**
 * Recognises a result-oriented proposal in a channel message ("Lasst uns einen Leitfaden …
 * erarbeiten", "Habt ihr Lust, gemeinsam …", "we should write a …"). One sentence must invite
 * others AND name making something (a create verb in the present or infinitive, so reports of
 * past work do not count); the thing made is a result noun anywhere in the message or the
 * sentence says "together". Questions about existing material and chatter stay quiet.
 */

/** Nouns that name a joint result. */
const RESULT =
  /\b(leitfad\w*|konzept\w*|positionspapier\w*|checkliste\w*|vorlage\w*|handreichung\w*|handbuch\w*|musterprozess\w*|empfehlung\w*|guide\w*|guideline\w*|concept\w*|position paper\w*|checklist\w*|template\w*|playbook\w*|handbook\w*|white ?paper\w*|recommendations?)\b/;

/** Create verbs, present or infinitive only: "geschrieben", "developed" report finished work. */
const MAKE =
  /\b(erarbeiten|ausarbeiten|erstellen|entwickeln|verfassen|schreiben|zusammenstellen|zusammentragen|aufsetzen|formulieren|entwerfen|bauen|writ(e|ing)|draft(ing)?|creat(e|ing)|develop(ing)?|put(ting)? together|compil(e|ing)|build(ing)?|work(ing)? out)\b/;

const TOGETHER = /\b(gemeinsam|zusammen|together|jointly)\b/;

/** Invitations to do it together (not mere mentions of togetherness: "wir haben gemeinsam …"). */
const INVITE = [
  /\blass(t)? uns\b/,
  /\b(wer|habt ihr|hast du) (hat |noch )?lust\b/,
  /\bhätte(st|t|n)?\b.*\blust\b/,
  /\bwer (macht|möchte|will|würde) mit\b/,
  /\b(wollen|sollten|könnten|würden) wir\b/,
  /\b(we should|we could|let's|let us|shall we)\b/,
  /\b(anyone|anybody|who)(('s| is)? up for| wants to| would like to| interested in)\b/,
];

/** Asking for something that already exists is a question, not a proposal. */
const LOOKING_FOR =
  /^(gibt es|kennt jemand|hat jemand|habt ihr(?! lust)|weiß jemand|is there|are there|does anyone (have|know)|do you (have|know)|has anyone|could someone|can someone)\b/;

/** Sentence ends; a proposal must be made within one sentence. */
const SENTENCE_END = /(?<=[.!?;])\s+|\n+/;

/** True when `text` proposes to produce a joint result together. */
export function looksLikeGroupProposal(text: string): boolean {
  const folded = text
    .toLowerCase()
    .replace(/[ \t]+/g, " ")
    .trim();
  if (folded.length < 15 || folded.startsWith("/")) return false;
  const hasResult = RESULT.test(folded);
  return folded
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .some(
      (sentence) =>
        !LOOKING_FOR.test(sentence) &&
        INVITE.some((pattern) => pattern.test(sentence)) &&
        MAKE.test(sentence) &&
        (hasResult || TOGETHER.test(sentence)),
    );
}
