import { z } from "zod";
import { msg } from "../src/core/message";
import { communityVoice } from "../src/groups/context";
import { formatDay } from "../src/groups/dates";
import { extendDue } from "../src/groups/extend";
import { findManagedGroup, groupInState } from "../src/groups/find-group";
import { splitLeadingGroupRef } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group extend [#id] <date> <reason>`: the facilitator moves the due date, with a reason. */
export const groupExtendCommand = defineCommand({
  name: "group extend",
  summary: "group.cmd.extend.summary",
  usage: "group.cmd.extend.usage",
  example: "group.cmd.extend.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  run(ctx, [raw]) {
    const { t, services } = ctx;
    const { id, rest } = splitLeadingGroupRef(raw);
    const group = groupInState(ctx, findManagedGroup(ctx, id), ["running"]);
    if (!group) return;
    const [date = "", ...words] = rest.split(/\s+/);
    const extended = extendDue(services, group, { date, reason: words.join(" "), by: ctx.actor.id });
    if (!extended.ok) {
      const params = { ...extended.error.params };
      if (typeof params["due"] === "string")
        params["due"] = formatDay(params["due"], services.langOf(ctx.actor));
      return ctx.reply(t(extended.error.key, params));
    }
    const voice = communityVoice(services);
    const text = voice.t("group.extend.done", {
      title: group.title,
      due: formatDay(extended.value, voice.lang),
      reason: words.join(" "),
    });
    if (group.spaceId !== undefined && group.spaceId !== ctx.event.channelId) ctx.reply(text);
    ctx.post({ kind: "channel", channelId: group.spaceId ?? group.channelId }, msg().text(text).build());
  },
});
