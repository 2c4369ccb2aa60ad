/**
 * Replies that add no answer ("+1", "Würde mich auch interessieren!", "same here"): they may
 * never become the accepted answer without the asker choosing them explicitly.
 */

const MAX_WORDS = 8;

const TRIVIAL = [
  /^([+]\s?1|👍|🙏|👀|➕|💯|\s)+$/u,
  /^(das )?(würde|wuerde) (mich|uns) auch interessieren/,
  /^(das )?interessiert (mich|uns) auch/,
  /^(mich|uns|ich|wir) auch\b/,
  /^(dito|same|same here|me too|me as well|following|also interested|interested too|same question)\b/,
  /^(gleiche|selbe|die gleiche|die selbe|dieselbe|gute) frage\b/,
  /^good question\b/,
  /^(bin|sind) (auch )?gespannt\b/,
  /^(auch )?gespannt\b/,
  /^(danke|vielen dank|thanks|thank you)( (dir|euch|für die frage|for asking))?$/,
];

/** True when a thread reply is only agreement or interest, not an answer. */
export function isTrivialReply(text: string): boolean {
  const plain = text
    .toLowerCase()
    .replace(/[!.?,:;)(\s]+$/u, "")
    .trim();
  if (plain.length === 0) return true;
  if (plain.split(/\s+/).length > MAX_WORDS) return false;
  return TRIVIAL.some((pattern) => pattern.test(plain));
}
