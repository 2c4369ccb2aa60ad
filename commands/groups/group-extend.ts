import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { extendGroup } from "../../src/groups/api";

/** `/cop group extend [#id] <date> <reason>`: the facilitator moves the due date, with a reason. */
export const groupExtendCommand = defineCommand({
  name: "group extend",
  summary: "group.cmd.extend.summary",
  usage: "group.cmd.extend.usage",
  example: "group.cmd.extend.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [raw]) => extendGroup(ctx, raw),
});
