import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { leaveGroup } from "../../src/groups/api";
import { groupId } from "./group-args";

/** `/cop group leave <id>`: frees the seat; the waiting list moves up. */
export const groupLeaveCommand = defineCommand({
  name: "group leave",
  summary: "group.cmd.leave.summary",
  usage: "group.cmd.leave.usage",
  example: "group.cmd.leave.example",
  args: z.tuple([groupId]),
  run: (ctx, [id]) => leaveGroup(ctx, id),
});
