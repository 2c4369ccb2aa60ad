import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { closeWithResult } from "../../src/groups/api";

/** `/cop group close [#id] <result link> [summary]`: facilitator or moderator closes with the result. */
export const groupCloseCommand = defineCommand({
  name: "group close",
  summary: "group.cmd.close.summary",
  usage: "group.cmd.close.usage",
  example: "group.cmd.close.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [raw]) => closeWithResult(ctx, raw),
});
