import { z } from "zod";
import { leaveGroup } from "../src/groups/membership";
import { groupId } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group leave <id>`: frees the seat; the waiting list moves up. */
export const groupLeaveCommand = defineCommand({
  name: "group leave",
  summary: "group.cmd.leave.summary",
  usage: "group.cmd.leave.usage",
  example: "group.cmd.leave.example",
  permission: "member",
  args: z.tuple([groupId]),
  run: (ctx, [id]) => leaveGroup(ctx, id),
});
