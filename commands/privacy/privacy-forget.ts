import { z } from "zod";
import { userToken } from "../../src/core/commands/args";
import { defineCommand } from "../../src/core/commands/command";
import { askToForget } from "../../src/privacy/api";

/** `/cop privacy forget [@person]`: erase one's own data (moderators: a person's), after confirming. */
export const privacyForgetCommand = defineCommand({
  name: "privacy forget",
  summary: "privacy.forget.summary",
  usage: "privacy.forget.usage",
  example: "privacy.forget.example",
  args: z.union([z.tuple([]), z.tuple([userToken])]),
  run: (ctx, args) => askToForget(ctx, args[0]),
});
