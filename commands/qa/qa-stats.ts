import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { showQaStats } from "../../src/qa/api";

/** `/cop qa stats`: questions of the last 90 days, median time to first answer and to solution. */
export const qaStatsCommand = defineCommand({
  name: "qa stats",
  summary: "qa.stats.summary",
  usage: "qa.stats.usage",
  example: "qa.stats.example",
  args: z.tuple([]),
  run: (ctx) => showQaStats(ctx),
});
