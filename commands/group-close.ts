import { z } from "zod";
import { archiveGroupSpace, closeGroup, isResultLink } from "../src/groups/closing";
import { findManagedGroup, groupInState } from "../src/groups/find-group";
import { splitLeadingGroupRef } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group close [#id] <result link> [summary]`: facilitator or moderator closes with the result. */
export const groupCloseCommand = defineCommand({
  name: "group close",
  summary: "group.cmd.close.summary",
  usage: "group.cmd.close.usage",
  example: "group.cmd.close.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  async run(ctx, [raw]) {
    const { t, services } = ctx;
    const { id, rest } = splitLeadingGroupRef(raw);
    const group = groupInState(ctx, findManagedGroup(ctx, id), ["running"]);
    if (!group) return;
    const [url = "", ...summary] = rest.split(/\s+/);
    if (url === "") return ctx.reply(t("group.close.noLink", { title: group.title }));
    if (!isResultLink(url)) return ctx.reply(t("group.close.notLink", { text: url }));
    const closed = closeGroup(services, group, {
      actorId: ctx.actor.id,
      url,
      ...(summary.length > 0 ? { summary: summary.join(" ") } : {}),
    });
    if (!closed) return ctx.reply(t("group.err.state.closed", { title: group.title, id: group.id }));
    ctx.reply(t("group.close.done", { title: group.title }));
    if (group.spaceId !== undefined) await archiveGroupSpace(services, group.id, group.spaceId);
  },
});
