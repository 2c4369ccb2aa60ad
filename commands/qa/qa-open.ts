import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { listOpenQuestions } from "../../src/qa/api";

/** `/cop qa open`: open questions, oldest first, for moderators. */
export const qaOpenCommand = defineCommand({
  name: "qa open",
  summary: "qa.open.summary",
  usage: "qa.open.usage",
  example: "qa.open.example",
  readOnly: true,
  args: z.tuple([]),
  run: (ctx) => listOpenQuestions(ctx),
});
