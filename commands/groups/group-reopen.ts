import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { reopenExpired } from "../../src/groups/api";
import { groupId } from "./group-args";

/** `/cop group reopen <id> [new due date]`: an expired proposal gets a second call. */
export const groupReopenCommand = defineCommand({
  name: "group reopen",
  summary: "group.cmd.reopen.summary",
  usage: "group.cmd.reopen.usage",
  example: "group.cmd.reopen.example",
  args: z.tuple([groupId]).rest(z.string()),
  run: (ctx, [id, ...due]) => reopenExpired(ctx, id, due.length > 0 ? due.join(" ") : undefined),
});
