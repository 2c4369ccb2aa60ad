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
    const repo = new QuestionRepo(services.db);
    const open = repo.open(LIMIT);
    if (open.length === 0) return ctx.reply(ctx.t("qa.open.none"));
    const total = repo.openCount();
    const lang = services.langOf(ctx.actor);
    const reply = msg()
      .text(ctx.t("qa.open.title", { count: total }))
      .list(open.map((q) => openQuestionLine(services, lang, q)));
    // The oldest come first; say how many more wait beyond this list.
    if (total > open.length) reply.context(ctx.t("qa.open.more", { shown: open.length, total }));
    ctx.reply(reply.build());
  },
});
