import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { startGroup } from "../../src/groups/api";
import { groupId } from "./group-args";

/** `/cop group confirm [id]`: the facilitator starts a group that reached its minimum size. */
export const groupConfirmCommand = defineCommand({
  name: "group confirm",
  summary: "group.cmd.confirm.summary",
  usage: "group.cmd.confirm.usage",
  example: "group.cmd.confirm.example",
  args: z.union([z.tuple([]), z.tuple([groupId])]),
  run: (ctx, args) => startGroup(ctx, args[0]),
});
