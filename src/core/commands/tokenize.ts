import { fail, ok, type Result } from "../errors";

const QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  "„": "“",
  "“": "”",
  "«": "»",
  "‚": "‘",
};

/**
 * Splits command text into tokens. Quoted parts (`"…"`, `'…'`, German `„…“`, `«…»`) stay one
 * token without their quotes; an unclosed quote is an error rather than a guess.
 */
export function tokenize(text: string): Result<string[]> {
  const tokens: string[] = [];
  let current = "";
  let inToken = false;
  let closing: string | undefined;
  for (const ch of text) {
    if (closing !== undefined) {
      if (ch === closing || (closing === "“" && ch === "”")) {
        closing = undefined;
      } else {
        current += ch;
      }
      continue;
    }
    const close = QUOTES[ch];
    if (close !== undefined && !inToken) {
      closing = close;
      inToken = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = "";
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (closing !== undefined) return fail("core.err.unclosed_quote", { quote: closing });
  if (inToken) tokens.push(current);
  return ok(tokens);
}

/** The text after the first `count` whitespace-separated words, untouched (for free text). */
export function textAfterWords(text: string, count: number): string {
  let rest = text.trimStart();
  for (let i = 0; i < count; i++) {
    rest = rest.replace(/^\S+\s*/, "");
  }
  return rest.trim();
}
