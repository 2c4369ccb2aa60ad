import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { markSolved } from "../../src/qa/api";

/**
 * `/cop solved [#Nr]`: in a question's thread without a number, elsewhere with one. With several
 * replies copbot asks which one solved it.
 */
export const solvedCommand = defineCommand({
  name: "solved",
  summary: "qa.solved.summary",
  usage: "qa.solved.usage",
  example: "qa.solved.example",
  args: z.union([z.tuple([]), z.tuple([z.string().regex(/^#?\d{1,9}$/, { message: "qa.err.bad_ref" })])]),
  run: (ctx, args) => markSolved(ctx, args[0]),
});
