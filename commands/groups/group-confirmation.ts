import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { sendConfirmation } from "../../src/groups/api";
import { groupId } from "./group-args";

/** `/cop group confirmation <id>`: a participation confirmation of a closed group, by DM. */
export const groupConfirmationCommand = defineCommand({
  name: "group confirmation",
  summary: "group.cmd.confirmation.summary",
  usage: "group.cmd.confirmation.usage",
  example: "group.cmd.confirmation.example",
  args: z.tuple([groupId]),
  run: (ctx, [id]) => sendConfirmation(ctx, id),
});
