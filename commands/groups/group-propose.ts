import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { proposeGroup } from "../../src/groups/api";

/** `/cop group propose` (guided) or `/cop group propose title=… problem=… …` (one line). */
export const groupProposeCommand = defineCommand({
  name: "group propose",
  summary: "group.cmd.propose.summary",
  usage: "group.cmd.propose.usage",
  example: "group.cmd.propose.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [text]) => proposeGroup(ctx, text),
});
