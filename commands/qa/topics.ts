import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { listTopics } from "../../src/qa/api";

/** `/cop topics`: every topic with its number of experts and its aliases. */
export const topicsCommand = defineCommand({
  name: "topics",
  summary: "qa.topics.summary",
  usage: "qa.topics.usage",
  example: "qa.topics.example",
  args: z.tuple([]),
  run: (ctx) => listTopics(ctx),
});
