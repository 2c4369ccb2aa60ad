/**
 * Recognises a result-oriented proposal in a channel message ("Lasst uns einen Leitfaden …
 * erarbeiten", "Wer hat Lust, gemeinsam …", "we should write a …"). It needs an invitation to
 * work together AND something to produce, so questions about existing material and chatter
 * ("Wer hat Lust auf Kaffee?") do not trigger it.
 */

/** Nouns that name a joint result. */
const RESULT =
  /\b(leitfad\w*|konzept\w*|positionspapier\w*|checkliste\w*|vorlage\w*|handreichung\w*|handbuch\w*|musterprozess\w*|empfehlung\w*|guide\w*|guideline\w*|concept\w*|position paper\w*|checklist\w*|template\w*|playbook\w*|handbook\w*|white ?paper\w*|recommendations?)\b/;

/** Verbs that say the result is made, not looked for. */
const MAKE =
  /\b(erarbeiten|ausarbeiten|erstellen|entwickeln|verfassen|schreiben|zusammenstellen|zusammentragen|aufsetzen|formulieren|entwerfen|bauen|writ(e|ing)|draft(ing)?|creat(e|ing)|develop(ing)?|put(ting)? together|compil(e|ing)|build(ing)?|work(ing)? out)\b/;

const TOGETHER = /\b(gemeinsam|zusammen|together|jointly)\b/;

/** Invitations to do it together. */
const INVITE = [
  /\blass(t)? uns\b/,
  /\bwer hat lust\b/,
  /\bwer (macht|möchte|will|würde) mit\b/,
  /\b(wollen|sollten|könnten|würden) wir (nicht )?(mal )?(gemeinsam|zusammen)\b/,
  /\b(sollten|könnten) wir (nicht )?(mal )?(einen|eine|ein)\b/,
  /\b(gemeinsam|zusammen) (einen|eine|ein)\b/,
  /\b(we should|we could|let's|let us|shall we)\b/,
  /\b(anyone|anybody|who)(('s| is)? up for| wants to| would like to| interested in)\b/,
  /\b(together|jointly)\b/,
];

/** Asking for something that already exists is a question, not a proposal. */
const LOOKING_FOR =
  /^(gibt es|kennt jemand|hat jemand|habt ihr|weiß jemand|is there|are there|does anyone (have|know)|do you (have|know)|has anyone)\b/;

/** True when `text` proposes to produce a joint result together. */
export function looksLikeGroupProposal(text: string): boolean {
  const folded = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (folded.length < 15 || folded.startsWith("/") || LOOKING_FOR.test(folded)) return false;
  if (!INVITE.some((pattern) => pattern.test(folded))) return false;
  const together = TOGETHER.test(folded);
  const makes = MAKE.test(folded);
  return (RESULT.test(folded) && (makes || together)) || (makes && together);
}
