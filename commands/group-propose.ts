import { z } from "zod";
import { parseProposalLine } from "../src/groups/proposal-line";
import { resolvePerson, startProposal, submitAndReport } from "../src/groups/proposal-dialog";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop group propose` (guided) or `/cop group propose title=… problem=… …` (one line). */
export const groupProposeCommand = defineCommand({
  name: "group propose",
  summary: "group.cmd.propose.summary",
  usage: "group.cmd.propose.usage",
  example: "group.cmd.propose.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  async run(ctx, [text]) {
    const { t, event } = ctx;
    if (event.isDm) return ctx.reply(t("group.propose.inChannel"));
    if (text.trim() === "") {
      return startProposal(ctx, {
        channelId: event.channelId,
        ...(event.triggerId ? { triggerId: event.triggerId } : {}),
      });
    }
    const fields = parseProposalLine(text);
    if (!fields.ok) return ctx.reply(t(fields.error.key, fields.error.params));
    const { facilitator, ...rest } = fields.value;
    const facilitatorId = facilitator ? await resolvePerson(ctx, facilitator) : ctx.actor.id;
    submitAndReport(
      ctx,
      event.channelId,
      { ...rest, ...(facilitatorId ? { facilitatorId } : { facilitatorUnknown: facilitator ?? "" }) },
      `${commandPrefix(event.platform)} ${t("group.cmd.propose.example")}`,
    );
  },
});
