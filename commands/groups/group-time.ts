import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { logGroupTime } from "../../src/groups/api";

/**
 * `/cop group time [#id] <2h|90m|1,5h> [note]`: members log time they spent on the group's work,
 * also for a while after the close, since the hours of the last week usually come in late.
 */
export const groupTimeCommand = defineCommand({
  name: "group time",
  summary: "group.cmd.time.summary",
  usage: "group.cmd.time.usage",
  example: "group.cmd.time.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [raw]) => logGroupTime(ctx, raw),
});
