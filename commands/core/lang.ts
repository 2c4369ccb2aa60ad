import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { setLanguage } from "../../src/core/profile";
import { LANGS } from "../../src/i18n";

/** `/cop lang de|en`: the caller's language for everything copbot says to them. */
export const langCommand = defineCommand({
  name: "lang",
  summary: "core.lang.summary",
  usage: "core.lang.usage",
  example: "core.lang.example",
  args: z.tuple([
    z
      .string()
      .toLowerCase()
      .pipe(z.enum(LANGS, { message: "core.lang.invalid" })),
  ]),
  run: (ctx, [lang]) => setLanguage(ctx, lang),
});
