import { translator } from "../../src/i18n";
import { formatLead, formatSpan } from "../../src/i18n/format";

const de = translator("de");
const en = translator("en");

describe("time spans in words", () => {
  it("says 'in …' with the German dative and whole words, never abbreviations", () => {
    expect([1, 15, 60, 125, 1440, 1500, 2880, 2885].map((m) => formatLead(de, m))).toEqual([
      "1 Minute",
      "15 Minuten",
      "1 Stunde",
      "2 Stunden und 5 Minuten",
      "1 Tag",
      "1 Tag und 1 Stunde",
      "2 Tagen",
      "2 Tagen",
    ]);
  });

  it("says '… lang' with the accusative: 2 Tage, not 2 Tagen", () => {
    expect([240, 1440, 2880, 3000].map((m) => formatSpan(de, m))).toEqual([
      "4 Stunden",
      "1 Tag",
      "2 Tage",
      "2 Tage und 2 Stunden",
    ]);
    expect([2880, 90].map((m) => formatSpan(en, m))).toEqual(["2 days", "1 hour and 30 minutes"]);
  });
});
