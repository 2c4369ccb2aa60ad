import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { noArgs } from "../../src/core/commands/args";
import { PERIOD_KINDS, sendMemberImpact, sendReport, type PeriodKind } from "../../src/impact/api";

const KIND_WORDS: Readonly<Record<string, PeriodKind>> = {
  month: "month",
  monat: "month",
  quarter: "quarter",
  quartal: "quarter",
  year: "year",
  jahr: "year",
};
const PREVIOUS = new Set(["last", "previous", "letztes", "letzter", "voriges", "vorige", "vorjahr"]);

/** `[month|quarter|year] [last]`, German words too; the default is the running quarter. */
const reportArgs = z.array(z.string()).transform((tokens, ctx) => {
  const words = tokens.map((tok) => tok.toLowerCase());
  const kind = words[0] === undefined ? "quarter" : KIND_WORDS[words[0]];
  const previous = words[1] !== undefined && PREVIOUS.has(words[1]);
  if (kind === undefined || words.length > 2 || (words.length === 2 && !previous)) {
    ctx.addIssue({ code: "custom", message: "impact.report.err.args" });
    return z.NEVER;
  }
  return { kind: PERIOD_KINDS.find((k) => k === kind) ?? "quarter", previous };
});

/** `/cop report [month|quarter|year] [last]` (moderators). */
export const reportCommand = defineCommand({
  name: "report",
  summary: "impact.report.summary",
  usage: "impact.report.usage",
  example: "impact.report.example",
  readOnly: true,
  args: reportArgs,
  run: (ctx, args) => sendReport(ctx, args.kind, args.previous),
});

/** `/cop impact`: the caller's own contribution, privately. */
export const impactCommand = defineCommand({
  name: "impact",
  summary: "impact.mine.summary",
  usage: "impact.mine.usage",
  example: "impact.mine.example",
  args: noArgs,
  run: (ctx) => sendMemberImpact(ctx),
});
