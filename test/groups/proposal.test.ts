import { parseDeliverable } from "../../src/groups/deliverable";
import { parseDuration } from "../../src/groups/duration";
import {
  checkProblem,
  parseSize,
  parseTopics,
  validateProposal,
  type ProposalDraft,
} from "../../src/groups/proposal";
import { parseProposalLine } from "../../src/groups/proposal-line";
import { formatHours } from "../../src/i18n/format";

const now = new Date("2026-11-30T09:00:00+01:00");
const zone = "Europe/Berlin";
const good: ProposalDraft = {
  title: "Leitfaden E-Akte-Migration",
  problem:
    "Jede Behörde migriert Altakten aus Papier in die E-Akte anders und erfindet Scanregeln und Metadaten neu.",
  deliverable: "Leitfaden",
  due: "2027-01-25",
  size: "3-6",
  topics: "E-Akte, Archiv",
  facilitatorId: "console:anna",
};
const problemsOf = (draft: ProposalDraft) => {
  const result = validateProposal(draft, { now, zone });
  return result.ok ? [] : result.problems.map((p) => p.key);
};

describe("validateProposal", () => {
  it("accepts a proposal that meets the four conditions", () => {
    const result = validateProposal(good, { now, zone });
    expect(result).toEqual({
      ok: true,
      value: {
        title: "Leitfaden E-Akte-Migration",
        problem: good.problem,
        deliverable: "leitfaden",
        due: "2027-01-25",
        minSize: 3,
        maxSize: 6,
        topics: ["E-Akte", "Archiv"],
        facilitatorId: "console:anna",
      },
    });
  });

  it("explains a missing problem statement, and only that", () => {
    expect(problemsOf({ ...good, problem: "" })).toEqual(["group.check.problemMissing"]);
  });

  it("calls a problem of vague buzzwords too vague", () => {
    expect(problemsOf({ ...good, problem: "Digitalisierung verbessern und Dinge optimieren" })).toEqual([
      "group.check.problemVague",
    ]);
    expect(checkProblem("Wir wollen alles besser machen")).toBe("group.check.problemVague");
  });

  it.each([
    ["2026-11-01", "group.check.duePast"],
    ["2026-12-07", "group.check.dueSoon"],
    ["2027-06-01", "group.check.dueFar"],
    ["2027-02-30", "group.check.dueInvalid"],
    ["nächste Woche", "group.check.dueInvalid"],
    ["", "group.check.dueMissing"],
  ])("refuses the due date %s", (due, key) => {
    expect(problemsOf({ ...good, due })).toEqual([key]);
  });

  it("accepts German dates and the 2- and 12-week bounds", () => {
    expect(problemsOf({ ...good, due: "14.12.2026" })).toEqual([]);
    expect(problemsOf({ ...good, due: "22.02.2027" })).toEqual([]);
    expect(problemsOf({ ...good, due: "23.02.2027" })).toEqual(["group.check.dueFar"]);
  });

  it.each(["2-5", "3-8", "1", "9", "6-4", "viele"])("refuses the size %s", (size) => {
    expect(problemsOf({ ...good, size })).toEqual(["group.check.size"]);
  });

  it("reads sizes: default 3–6, a range, a single maximum", () => {
    expect(parseSize("")).toEqual({ min: 3, max: 6 });
    expect(parseSize("4–7")).toEqual({ min: 4, max: 7 });
    expect(parseSize("3 bis 5")).toEqual({ min: 3, max: 5 });
    expect(parseSize("5")).toEqual({ min: 3, max: 5 });
  });

  it("names every missing condition at once", () => {
    expect(problemsOf({ facilitatorId: undefined })).toEqual([
      "group.check.title",
      "group.check.problemMissing",
      "group.check.deliverable",
      "group.check.dueMissing",
      "group.check.facilitator",
    ]);
  });

  it("refuses unknown deliverables and too many topics", () => {
    expect(problemsOf({ ...good, deliverable: "Roman" })).toEqual(["group.check.deliverable"]);
    expect(problemsOf({ ...good, topics: "a, b, c, d, e, f" })).toEqual(["group.check.topics"]);
    expect(parseTopics("E-Akte; archiv, Archiv ,")).toEqual(["E-Akte", "archiv"]);
  });

  it("knows the deliverables in German and English", () => {
    expect(parseDeliverable("Positionspapier")).toBe("positionspapier");
    expect(parseDeliverable("position  paper")).toBe("positionspapier");
    expect(parseDeliverable("checklist")).toBe("checkliste");
    expect(parseDeliverable("Sonstiges")).toBe("other");
    expect(parseDeliverable("Roman")).toBeUndefined();
  });
});

describe("parseProposalLine", () => {
  it("reads quoted and unquoted fields", () => {
    const line =
      'title="Leitfaden E-Akte" problem=Jede Behörde macht es anders deliverable=Leitfaden due=2027-02-15 size=3-6 topics="E-Akte, Archiv" facilitator=@anna';
    expect(parseProposalLine(line)).toEqual({
      ok: true,
      value: {
        title: "Leitfaden E-Akte",
        problem: "Jede Behörde macht es anders",
        deliverable: "Leitfaden",
        due: "2027-02-15",
        size: "3-6",
        topics: "E-Akte, Archiv",
        facilitator: "@anna",
      },
    });
  });

  it("accepts German field names and keeps = inside quoted text", () => {
    const parsed = parseProposalLine(
      "titel=„Checkliste“ problemstellung=„Formel a=b gilt nicht“ ergebnis=Checkliste",
    );
    expect(parsed.ok && parsed.value).toEqual({
      title: "Checkliste",
      problem: "Formel a=b gilt nicht",
      deliverable: "Checkliste",
    });
  });

  it("names an unknown field and text without a field", () => {
    const unknown = parseProposalLine("title=x colour=blue");
    expect(unknown.ok ? undefined : unknown.error.key).toBe("group.form.unknownField");
    const unnamed = parseProposalLine("Leitfaden bitte");
    expect(unnamed.ok ? undefined : unnamed.error.key).toBe("group.form.unnamed");
  });

  it("reports a short unknown field instead of gluing it onto the one before", () => {
    expect(parseProposalLine("deliverable=Leitfaden due=2027-02-01 x=5")).toEqual({
      ok: false,
      error: expect.objectContaining({ key: "group.form.unknownField", params: { field: "x" } }),
    });
  });

  it("reports a field given twice, also under its other name", () => {
    expect(parseProposalLine("due=2027-02-01 title=Abc due=2027-03-01")).toEqual({
      ok: false,
      error: expect.objectContaining({
        key: "group.form.duplicateField",
        params: { field: "due", earlier: "due" },
      }),
    });
    const alias = parseProposalLine("bis=2027-02-01 due=2027-03-01");
    expect(alias.ok ? undefined : alias.error.params).toEqual({ field: "due", earlier: "bis" });
  });
});

describe("parseDuration", () => {
  it.each([
    ["2h", 120],
    ["90m", 90],
    ["1,5h", 90],
    ["1.5 h", 90],
    ["1h30m", 90],
    ["45 min", 45],
    ["2 Std", 120],
  ])("reads %s as %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(["", "h", "zwei Stunden", "0h", "13h", "-1h"])("refuses %s", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("formats minutes as hours", () => {
    expect(formatHours(90)).toBe("1:30 h");
    expect(formatHours(605)).toBe("10:05 h");
  });
});
