import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { setGroupStatus } from "../../src/groups/api";

/** `/cop group status [#id] <text>`: the group's one-line status (shown in the meeting agenda). */
export const groupStatusCommand = defineCommand({
  name: "group status",
  summary: "group.cmd.status.summary",
  usage: "group.cmd.status.usage",
  example: "group.cmd.status.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [raw]) => setGroupStatus(ctx, raw),
});
