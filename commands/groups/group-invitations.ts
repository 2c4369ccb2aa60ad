import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { setOwnInvitations } from "../../src/groups/api";

/** `/cop group invitations on|off`: DMs about new groups that match the member's expertise. */
export const groupInvitationsCommand = defineCommand({
  name: "group invitations",
  summary: "group.cmd.invitations.summary",
  usage: "group.cmd.invitations.usage",
  example: "group.cmd.invitations.example",
  args: z.tuple([z.enum(["on", "off", "an", "aus"], { message: "group.invitations.usage" })]),
  run: (ctx, [choice]) => setOwnInvitations(ctx, choice),
});
