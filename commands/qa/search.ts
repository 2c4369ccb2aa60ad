import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { searchQa } from "../../src/qa/api";

/** `/cop search <Wörter>`: the best 5 solved questions and group results. */
export const searchCommand = defineCommand({
  name: "search",
  summary: "qa.search.summary",
  usage: "qa.search.usage",
  example: "qa.search.example",
  raw: true,
  args: z.tuple([
    z.string().trim().min(1, { message: "qa.search.empty" }).max(200, { message: "qa.search.too_long" }),
  ]),
  run: (ctx, [query]) => searchQa(ctx, query),
});
