import { z } from "zod";
import { msg } from "../src/core/message";
import { openQuestionLine } from "../src/qa/agenda";
import { QuestionRepo } from "../src/qa/questions";
import { defineCommand } from "./types";

const LIMIT = 20;

/** `/cop qa open`: open questions, oldest first, for moderators. */
export const qaOpenCommand = defineCommand({
  name: "qa open",
  summary: "qa.open.summary",
  usage: "qa.open.usage",
  example: "qa.open.example",
  permission: "moderator",
  readOnly: true,
  args: z.tuple([]),
  run(ctx) {
    const { services } = ctx;
    const open = new QuestionRepo(services.db).open(LIMIT);
    if (open.length === 0) return ctx.reply(ctx.t("qa.open.none"));
    const lang = services.langOf(ctx.actor);
    ctx.reply(
      msg()
        .text(ctx.t("qa.open.title", { count: open.length }))
        .list(open.map((q) => openQuestionLine(services, lang, q)))
        .build(),
    );
  },
});
