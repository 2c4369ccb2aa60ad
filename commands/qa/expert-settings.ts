import { z } from "zod";
import { parseQuietHours, setExpertPaused, setQuietHours, setWeeklyCap } from "../../src/qa/api";
import { defineCommand } from "../../src/core/commands/command";

const MAX_CAP = 50;

/** `/cop expert cap <n>`: at most n pings per week (0 = none this way, still listed). */
export const expertCapCommand = defineCommand({
  name: "expert cap",
  summary: "qa.settings.cap.summary",
  usage: "qa.settings.cap.usage",
  example: "qa.settings.cap.example",
  args: z.tuple([
    z
      .string()
      .regex(/^\d{1,3}$/, { message: "qa.err.cap" })
      .transform(Number)
      .pipe(z.number().max(MAX_CAP, { message: "qa.err.cap" })),
  ]),
  run: (ctx, [cap]) => setWeeklyCap(ctx, cap),
});

/** `/cop expert quiet 18:00-08:00` (or `18 Uhr bis 8 Uhr`) or `off`: no pings in that local time window. */
export const expertQuietCommand = defineCommand({
  name: "expert quiet",
  summary: "qa.settings.quiet.summary",
  usage: "qa.settings.quiet.usage",
  example: "qa.settings.quiet.example",
  args: z
    .array(z.string())
    .min(1)
    .transform((words, issue): [{ start: string; end: string } | "off"] => {
      const text = words.join(" ");
      if (text.toLowerCase() === "off") return ["off"];
      const quiet = parseQuietHours(text);
      if (quiet) return [quiet];
      issue.addIssue({ code: "custom", message: "qa.err.quiet" });
      return z.NEVER;
    }),
  run: (ctx, [quiet]) => setQuietHours(ctx, quiet),
});

/** `/cop expert pause`: never tagged as an expert until `expert resume`. */
export const expertPauseCommand = defineCommand({
  name: "expert pause",
  summary: "qa.settings.pause.summary",
  usage: "qa.settings.pause.usage",
  example: "qa.settings.pause.example",
  args: z.tuple([]),
  run: (ctx) => setExpertPaused(ctx, true),
});

/** `/cop expert resume`: tagged again as an expert. */
export const expertResumeCommand = defineCommand({
  name: "expert resume",
  summary: "qa.settings.resume.summary",
  usage: "qa.settings.resume.usage",
  example: "qa.settings.resume.example",
  args: z.tuple([]),
  run: (ctx) => setExpertPaused(ctx, false),
});
