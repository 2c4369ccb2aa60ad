import { z } from "zod";
import { mention, msg } from "../src/core/message";
import { groupRepo, memberVoice } from "../src/groups/context";
import { handOver, handOverDeclineValue, requireHandOverState } from "../src/groups/facilitator";
import { findManagedGroup } from "../src/groups/find-group";
import { resolvePerson } from "../src/groups/proposal-dialog";
import { splitLeadingGroupRef } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group facilitator [#id] @name`: the facilitator or a moderator hands facilitation on. */
export const groupFacilitatorCommand = defineCommand({
  name: "group facilitator",
  summary: "group.cmd.facilitator.summary",
  usage: "group.cmd.facilitator.usage",
  example: "group.cmd.facilitator.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  async run(ctx, [raw]) {
    const { t, services } = ctx;
    const { id, rest } = splitLeadingGroupRef(raw);
    if (rest === "") return ctx.reply(t("group.facilitator.usage"));
    const found = findManagedGroup(ctx, id);
    if (!found.ok) return ctx.reply(t(found.error.key, found.error.params));
    const open = requireHandOverState(found.value);
    if (!open.ok) return ctx.reply(t(open.error.key, open.error.params));
    const group = open.value;
    const toId = await resolvePerson(ctx, rest);
    if (!toId) return ctx.reply(t("group.check.facilitatorUnknown", { name: rest }));
    const seatIsNew = groupRepo(services).membership(group.id, toId)?.state !== "joined";
    const handed = await handOver(services, group, { toId, by: ctx.actor.id, previousLeaves: false });
    if (!handed.ok) return ctx.reply(t(handed.error.key, handed.error.params));
    ctx.reply(
      msg()
        .text(t("group.facilitator.done", { title: group.title }), " ", mention(toId))
        .build(),
    );
    const voice = memberVoice(services, toId);
    services.outbox.enqueue(
      { kind: "dm", userId: toId },
      msg()
        .text(
          voice.t("group.facilitator.youNow", { title: group.title, id: group.id }),
          " ",
          mention(ctx.actor.id),
        )
        .button(
          "group.decline",
          voice.t("group.button.decline"),
          handOverDeclineValue(group.id, seatIsNew, group.facilitatorId),
        )
        .build(),
    );
  },
});
