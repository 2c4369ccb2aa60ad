import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { joinGroup } from "../../src/groups/api";
import { groupId } from "./group-args";

/** `/cop group join <id>`: a seat, or the waiting list when the group is full. */
export const groupJoinCommand = defineCommand({
  name: "group join",
  summary: "group.cmd.join.summary",
  usage: "group.cmd.join.usage",
  example: "group.cmd.join.example",
  args: z.tuple([groupId]),
  run: (ctx, [id]) => joinGroup(ctx, id),
});
