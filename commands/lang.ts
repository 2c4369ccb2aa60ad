import { z } from "zod";
import { LANGS, translator } from "../src/i18n";
import { defineCommand } from "./types";

/** `/cop lang de|en`: the caller's language for everything copbot says to them. */
export const langCommand = defineCommand({
  name: "lang",
  summary: "core.lang.summary",
  usage: "core.lang.usage",
  example: "core.lang.example",
  permission: "member",
  args: z.tuple([
    z
      .string()
      .toLowerCase()
      .pipe(z.enum(LANGS, { message: "core.lang.invalid" })),
  ]),
  run(ctx, [lang]) {
    ctx.services.members.update(ctx.actor.id, { lang });
    ctx.reply(translator(lang)("core.lang.set"));
  },
});
