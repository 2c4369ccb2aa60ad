import { noArgs } from "../../src/core/commands/args";
import { defineCommand } from "../../src/core/commands/command";
import { listGroups } from "../../src/groups/api";

/** `/cop group list`: groups looking for members and running groups. */
export const groupListCommand = defineCommand({
  name: "group list",
  summary: "group.cmd.list.summary",
  usage: "group.cmd.list.usage",
  example: "group.cmd.list.example",
  args: noArgs,
  run: (ctx) => listGroups(ctx),
});
