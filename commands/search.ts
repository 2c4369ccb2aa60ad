import { z } from "zod";
import { msg } from "../src/core/message";
import { searchKnowledge } from "../src/qa/knowledge";
import { hitLine } from "../src/qa/similar";
import { defineCommand } from "./types";

/** `/cop search <Wörter>`: the best 5 solved questions and group results. */
export const searchCommand = defineCommand({
  name: "search",
  summary: "qa.search.summary",
  usage: "qa.search.usage",
  example: "qa.search.example",
  permission: "member",
  raw: true,
  args: z.tuple([
    z.string().trim().min(1, { message: "qa.search.empty" }).max(200, { message: "qa.search.too_long" }),
  ]),
  run(ctx, [query]) {
    const hits = searchKnowledge(ctx.services.db, query, 5);
    if (hits.length === 0) return ctx.reply(ctx.t("qa.search.none", { query }));
    ctx.reply(
      msg()
        .text(ctx.t("qa.search.title", { query }))
        .list(hits.map((hit) => hitLine(ctx.t, hit)))
        .build(),
    );
  },
});
