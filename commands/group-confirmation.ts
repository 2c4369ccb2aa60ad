import { z } from "zod";
import { sendConfirmation } from "../src/groups/send-confirmation";
import { groupId } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group confirmation <id>`: a participation confirmation of a closed group, by DM. */
export const groupConfirmationCommand = defineCommand({
  name: "group confirmation",
  summary: "group.cmd.confirmation.summary",
  usage: "group.cmd.confirmation.usage",
  example: "group.cmd.confirmation.example",
  permission: "member",
  args: z.tuple([groupId]),
  run: (ctx, [id]) => sendConfirmation(ctx, id),
});
