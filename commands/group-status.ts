import { z } from "zod";
import { mention, msg } from "../src/core/message";
import { auditManagement, communityVoice, groupRepo } from "../src/groups/context";
import { findOwnGroup, groupInState } from "../src/groups/find-group";
import { splitRawGroupRef } from "./group-args";
import { defineCommand } from "./types";

const MAX_STATUS = 280;

/** `/cop group status [#id] <text>`: the group's one-line status (shown in the meeting agenda). */
export const groupStatusCommand = defineCommand({
  name: "group status",
  summary: "group.cmd.status.summary",
  usage: "group.cmd.status.usage",
  example: "group.cmd.status.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  run(ctx, [raw]) {
    const { t, services } = ctx;
    const { id, rest } = splitRawGroupRef(raw);
    const group = groupInState(ctx, findOwnGroup(ctx, id), ["running"]);
    if (!group) return;
    if (rest === "")
      return ctx.reply(
        t("group.status.current", {
          title: group.title,
          status: group.statusText ?? t("group.agenda.noStatus"),
        }),
      );
    if (rest.length > MAX_STATUS) return ctx.reply(t("group.status.tooLong", { max: MAX_STATUS }));
    const repo = groupRepo(services);
    repo.setStatus(group.id, rest);
    // Members set their own group's status; anyone else needed moderator rights.
    if (repo.membership(group.id, ctx.actor.id)?.state !== "joined") {
      auditManagement(services, ctx.actor.id, group, "group.status", { status: rest });
    }
    ctx.reply(t("group.status.saved", { title: group.title }));
    if (group.spaceId !== undefined && group.spaceId !== ctx.event.channelId) {
      const voice = communityVoice(services);
      ctx.post(
        { kind: "channel", channelId: group.spaceId },
        msg().text(voice.t("group.status.posted"), " ", mention(ctx.actor.id), ": ", rest).build(),
      );
    }
  },
});
