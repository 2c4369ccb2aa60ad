import { t, translator } from "../../src/i18n";
import { formatHours, formatLead, formatSpan } from "../../src/i18n/format";

describe("plural forms and placeholders", () => {
  it("chooses the form with Intl.PluralRules: one German participant 'hat', several 'haben'", () => {
    expect(t("de", "checkin.summary.silent", { n: 1, total: 3 })).toBe(
      "1 von 3 Teilnehmenden hat diesmal nicht geantwortet.",
    );
    expect(t("de", "checkin.summary.silent", { n: 2, total: 3 })).toBe(
      "2 von 3 Teilnehmenden haben diesmal nicht geantwortet.",
    );
    expect(t("de", "qa.reason.solved", { n: 1 })).toBe("1 gelöste Frage");
    expect(t("de", "qa.reason.solved", { n: 0 })).toBe("0 gelöste Fragen");
    expect(t("en", "qa.settings.cap.set", { n: 1 })).toBe("Got it: at most 1 request per week.");
    expect(t("en", "qa.settings.cap.set", { n: 4 })).toBe("Got it: at most 4 requests per week.");
  });

  it("does not compile when a parameter is missing", () => {
    // @ts-expect-error -- a plural message needs `n`
    expect(t("en", "checkin.summary.silent", { total: 3 })).toContain("{n}");
    // @ts-expect-error -- `title` is missing
    expect(t("de", "meeting.delete.done", { id: 1 })).toContain("{title}");
  });

  it("writes commands the way the reader types them on their platform", () => {
    expect(translator("de", "!cop")("qa.channel.none")).toContain("`!cop qa channel add #fragen`");
    expect(translator("de")("qa.channel.none")).toContain("`/cop qa channel add #fragen`");
    // Only the command is adapted, not a link that ends in /cop.
    expect(translator("en", "!cop")("meeting.edit.example")).toBe(
      "meeting edit 1 weekly tue 09:30 link https://meet.example.org/cop",
    );
  });

  it("formats spans and logged time in one module", () => {
    expect(formatLead(translator("de"), 1441)).toBe("1 Tag");
    expect(formatSpan(translator("de"), 2 * 1440 + 60)).toBe("2 Tage und 1 Stunde");
    expect(formatHours(90)).toBe("1:30 h");
  });
});
