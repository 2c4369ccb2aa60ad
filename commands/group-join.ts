import { z } from "zod";
import { joinGroup } from "../src/groups/membership";
import { groupId } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group join <id>`: a seat, or the waiting list when the group is full. */
export const groupJoinCommand = defineCommand({
  name: "group join",
  summary: "group.cmd.join.summary",
  usage: "group.cmd.join.usage",
  example: "group.cmd.join.example",
  permission: "member",
  args: z.tuple([groupId]),
  run: (ctx, [id]) => joinGroup(ctx, id),
});
