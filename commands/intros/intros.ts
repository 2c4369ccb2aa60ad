import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { noArgs } from "../../src/core/commands/args";
import {
  joinIntros,
  leaveIntros,
  MAX_TOPIC_LENGTH,
  MAX_TOPICS,
  parseIntroSchedule,
  pauseIntros,
  scheduleIntros,
  showIntroStats,
} from "../../src/intros/api";

/** `/cop intros join [topics …]`. */
export const introsJoinCommand = defineCommand({
  name: "intros join",
  summary: "intros.join.summary",
  usage: "intros.join.usage",
  example: "intros.join.example",
  args: z
    .array(z.string().trim().min(1).max(MAX_TOPIC_LENGTH, { message: "intros.join.too_many" }))
    .max(MAX_TOPICS, { message: "intros.join.too_many" }),
  run: (ctx, topics) => joinIntros(ctx, topics),
});

/** `/cop intros leave`. */
export const introsLeaveCommand = defineCommand({
  name: "intros leave",
  summary: "intros.leave.summary",
  usage: "intros.leave.usage",
  example: "intros.leave.example",
  args: noArgs,
  run: (ctx) => leaveIntros(ctx),
});

/** `/cop intros pause until <date>`. */
export const introsPauseCommand = defineCommand({
  name: "intros pause",
  summary: "intros.pause.summary",
  usage: "intros.pause.usage",
  example: "intros.pause.example",
  args: z.tuple([z.enum(["until", "bis"]), z.string()]),
  run: (ctx, [, date]) => pauseIntros(ctx, date),
});

/** `every N weeks <weekday> [HH:MM]` (also `alle N Wochen`), with a message key when it does not fit. */
const scheduleArgs = z.array(z.string()).transform((tokens, ctx) => {
  const spec = parseIntroSchedule(tokens);
  if (spec === undefined) {
    ctx.addIssue({ code: "custom", message: "intros.err.schedule" });
    return z.NEVER;
  }
  return spec;
});

/** `/cop intros schedule every N weeks <weekday> [HH:MM]` (moderators). */
export const introsScheduleCommand = defineCommand({
  name: "intros schedule",
  summary: "intros.schedule.summary",
  usage: "intros.schedule.usage",
  example: "intros.schedule.example",
  args: scheduleArgs,
  run: (ctx, spec) => scheduleIntros(ctx, spec),
});

/** `/cop intros stats` (moderators). */
export const introsStatsCommand = defineCommand({
  name: "intros stats",
  summary: "intros.stats.summary",
  usage: "intros.stats.usage",
  example: "intros.stats.example",
  readOnly: true,
  args: noArgs,
  run: (ctx) => showIntroStats(ctx),
});
