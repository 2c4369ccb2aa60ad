import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { showHelp } from "../../src/core/commands/help";

/** `/cop help [command]`: what the caller may use, in their language; usage with an example. */
export const helpCommand = defineCommand({
  name: "help",
  summary: "core.help.summary",
  usage: "core.help.usage",
  example: "core.help.example",
  args: z.array(z.string()).max(3),
  run: (ctx, words) => showHelp(ctx, words),
});
