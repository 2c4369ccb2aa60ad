import { z } from "zod";
import { setInvitations } from "../src/groups/invitations";
import { defineCommand } from "./types";

/** `/cop group invitations on|off`: DMs about new groups that match the member's expertise. */
export const groupInvitationsCommand = defineCommand({
  name: "group invitations",
  summary: "group.cmd.invitations.summary",
  usage: "group.cmd.invitations.usage",
  example: "group.cmd.invitations.example",
  permission: "member",
  args: z.tuple([z.enum(["on", "off", "an", "aus"], { message: "group.invitations.usage" })]),
  run(ctx, [choice]) {
    const on = choice === "on" || choice === "an";
    setInvitations(ctx.services.db, ctx.actor.id, on, ctx.services.clock.now());
    ctx.reply(ctx.t(on ? "group.invitations.on" : "group.invitations.off"));
  },
});
