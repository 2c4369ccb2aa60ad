import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { manageMilestones } from "../../src/groups/api";

/** `/cop group milestone add [#id] <date> <title>`, `… done [#id] <n>`, `… list [#id]`. */
export const groupMilestoneCommand = defineCommand({
  name: "group milestone",
  summary: "group.cmd.milestone.summary",
  usage: "group.cmd.milestone.usage",
  example: "group.cmd.milestone.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [raw]) => manageMilestones(ctx, raw),
});
