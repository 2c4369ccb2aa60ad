import { emojiName } from "../../adapters/matrix/buttons";
import { normalizeEmoji } from "../../adapters/console/line-parser";
import { parseDeliverable } from "../../src/groups/deliverable";
import { parseDate as parseGroupDate, splitLeadingDate } from "../../src/groups/dates";
import { parseProposalLine } from "../../src/groups/proposal-line";
import { parseDate, parseFutureDate, parseRecurrence } from "../../src/schedule/natural";
import { startConsole } from "../support/console-harness";

// Names every JavaScript object inherits: looked up in an object literal they would read as
// known words (the fuzz test found "__proto__" crashing the date parsers).
const INHERITED = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

describe("words every object inherits are not known words", () => {
  const now = new Date("2026-11-30T08:00:00Z");
  const options = { now, zone: "Europe/Berlin", lang: "de" as const };

  it.each(INHERITED)("%s is no date, deliverable, field or emoji", (word) => {
    expect(parseDate(word, options).ok).toBe(false);
    expect(parseFutureDate(`${word} 10:00`, options).ok).toBe(false);
    expect(parseRecurrence(`jeden ${word}`, options).ok).toBe(false);
    expect(parseGroupDate(word, "Europe/Berlin", now)).toBeUndefined();
    expect(splitLeadingDate(`${word} Entwurf`, "Europe/Berlin", now)).toEqual({
      date: word,
      rest: "Entwurf",
    });
    expect(parseDeliverable(word)).toBeUndefined();
    expect(parseProposalLine(`${word}=x`).ok).toBe(false);
    expect(emojiName(word)).toBe(word);
    expect(normalizeEmoji(word)).toBe(word);
  });

  it("answers a profile credit named after one with the choices, and keeps the stored one", async () => {
    const h = await startConsole();
    expect((await h.send("/cop profile credit org"))[1]).toContain("Gespeichert.");
    expect((await h.send("/cop profile credit constructor"))[1]).toContain(
      "„constructor“ passt nicht: für den Wissensexport gibt es name, org oder anonym.",
    );
    expect((await h.send("/cop profile")).join("\n")).toContain("Nennung im Wissensexport: mit Organisation");
    h.close();
  });
});
