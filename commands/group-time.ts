import { z } from "zod";
import { groupRepo } from "../src/groups/context";
import { formatMinutes, parseDuration } from "../src/groups/duration";
import { findGroup, groupInState } from "../src/groups/find-group";
import { LATE_LOG_DAYS, logTime, mayLogTime, totalMinutes } from "../src/groups/time-log";
import { splitLeadingGroupRef } from "./group-args";
import { defineCommand } from "./types";

/**
 * `/cop group time [#id] <2h|90m|1,5h> [note]`: members log time they spent on the group's work,
 * also for a while after the close, since the hours of the last week usually come in late.
 */
export const groupTimeCommand = defineCommand({
  name: "group time",
  summary: "group.cmd.time.summary",
  usage: "group.cmd.time.usage",
  example: "group.cmd.time.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  run(ctx, [raw]) {
    const { t, services, actor } = ctx;
    const { id, rest } = splitLeadingGroupRef(raw);
    if (rest === "") return ctx.reply(t("group.time.missing"));
    const [amount = "", ...note] = rest.split(/\s+/);
    const minutes = parseDuration(amount);
    if (minutes === undefined) return ctx.reply(t("group.time.invalid", { text: amount }));
    const group = groupInState(ctx, findGroup(ctx, id), ["running", "closed"]);
    if (!group) return;
    if (!mayLogTime(group, services.clock.now())) {
      return ctx.reply(t("group.time.tooLate", { title: group.title, days: LATE_LOG_DAYS }));
    }
    if (groupRepo(services).membership(group.id, actor.id)?.state !== "joined") {
      return ctx.reply(t("group.err.notMember", { id: group.id, title: group.title }));
    }
    logTime(services.db, {
      groupId: group.id,
      memberId: actor.id,
      minutes,
      ...(note.length > 0 ? { note: note.join(" ") } : {}),
      at: services.clock.now(),
    });
    ctx.reply(
      t("group.time.logged", {
        time: formatMinutes(minutes),
        title: group.title,
        total: formatMinutes(totalMinutes(services.db, group.id, actor.id)),
      }),
    );
  },
});
