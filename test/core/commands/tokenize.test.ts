import { textAfterWords, tokenize } from "../../../src/core/commands/tokenize";

describe("tokenize", () => {
  it("splits on whitespace and keeps quoted parts together", () => {
    expect(tokenize('meeting add "CoP-Treffen am Montag" weekly mon 10:00')).toEqual({
      ok: true,
      value: ["meeting", "add", "CoP-Treffen am Montag", "weekly", "mon", "10:00"],
    });
  });

  it("understands German and typographic quotes and empty quotes", () => {
    expect(tokenize("profile bio „Ich mag E-Akten“ ''")).toEqual({
      ok: true,
      value: ["profile", "bio", "Ich mag E-Akten", ""],
    });
    expect(tokenize("topic alias eakte “elektronische akte”")).toEqual({
      ok: true,
      value: ["topic", "alias", "eakte", "elektronische akte"],
    });
  });

  it("keeps apostrophes inside words", () => {
    expect(tokenize("ask what's new?")).toEqual({ ok: true, value: ["ask", "what's", "new?"] });
  });

  it("reports an unclosed quote instead of guessing", () => {
    const result = tokenize('profile org "Stadt');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.key).toBe("core.err.unclosed_quote");
  });
});

describe("textAfterWords", () => {
  it("returns the untouched rest of the line", () => {
    expect(textAfterWords('ask   Wie geht "das"?  ', 1)).toBe('Wie geht "das"?');
    expect(textAfterWords("qa channel add #fragen", 3)).toBe("#fragen");
  });
});
