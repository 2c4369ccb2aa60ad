import { z } from "zod";
import { parseQuestionRef, questionAt } from "../src/qa/lookup";
import { solveOrChoose } from "../src/qa/accept";
import { defineCommand } from "./types";

/**
 * `/cop solved [#Nr]`: in a question's thread without a number, elsewhere with one. With several
 * replies copbot asks which one solved it.
 */
export const solvedCommand = defineCommand({
  name: "solved",
  summary: "qa.solved.summary",
  usage: "qa.solved.usage",
  example: "qa.solved.example",
  permission: "member",
  args: z.union([z.tuple([]), z.tuple([z.string().regex(/^#?\d{1,9}$/, { message: "qa.err.bad_ref" })])]),
  async run(ctx, args) {
    const { services, event } = ctx;
    const ref = args[0];
    const id =
      ref !== undefined
        ? parseQuestionRef(ref)
        : event.threadId !== undefined
          ? questionAt(services, event.channelId, event.threadId)?.id
          : undefined;
    if (id === undefined) return ctx.reply(ctx.t("qa.err.which_question"));
    await solveOrChoose(ctx, id);
  },
});
