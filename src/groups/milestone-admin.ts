import { DateTime } from "luxon";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { msg } from "../core/message";
import { auditManagement, communityVoice } from "./context";
import { parseDate, splitLeadingDate } from "./dates";
import { findManagedGroup, findOwnGroup, groupInState } from "./find-group";
import { splitRawGroupRef } from "./group-ref";
import { addMilestone, completeMilestone, getMilestone, listMilestones } from "./milestone-repo";
import { scheduleMilestoneReminder } from "./reminders";
import { formatIsoDate } from "../i18n/format";

const MAX_TITLE = 120;

function add(ctx: EventContext, id: number | undefined, rest: string): void {
  const { t, services } = ctx;
  const group = groupInState(ctx, findManagedGroup(ctx, id, "group milestone add"), ["running"]);
  if (!group) return;
  const zone = services.config.timeZone;
  const { date: dateText, rest: title } = splitLeadingDate(rest, zone, services.clock.now());
  const date = parseDate(dateText, zone, services.clock.now());
  const today = DateTime.fromJSDate(services.clock.now(), { zone }).startOf("day");
  if (!date || title === "") return ctx.reply(t("group.milestone.usage"));
  if (title.length > MAX_TITLE) return ctx.reply(t("group.milestone.tooLong", { max: MAX_TITLE }));
  if (date < today) return ctx.reply(t("group.milestone.past"));
  const due = date.toISODate() ?? dateText;
  if (due > group.due)
    return ctx.reply(
      t("group.milestone.afterDue", { due: formatIsoDate(group.due, services.langOf(ctx.actor)) }),
    );
  const milestone = addMilestone(services.db, group.id, title, due);
  scheduleMilestoneReminder(services, milestone);
  auditManagement(services, ctx.actor.id, group, "group.milestone", { added: milestone.id, title, due });
  ctx.reply(
    t("group.milestone.added", {
      id: milestone.id,
      title,
      due: formatIsoDate(due, services.langOf(ctx.actor)),
    }),
  );
}

function done(ctx: EventContext, id: number | undefined, rest: string): void {
  const { t, services } = ctx;
  const group = groupInState(ctx, findManagedGroup(ctx, id, "group milestone done"), ["running"]);
  if (!group) return;
  const number = /^#?(\d{1,9})$/.exec(rest.trim());
  const milestone = number ? getMilestone(services.db, group.id, Number(number[1])) : undefined;
  if (!milestone) return ctx.reply(t("group.milestone.unknown", { text: rest.trim() }));
  if (!completeMilestone(services.db, milestone.id, ctx.actor.id, services.clock.now())) {
    return ctx.reply(t("group.milestone.alreadyDone", { title: milestone.title }));
  }
  auditManagement(services, ctx.actor.id, group, "group.milestone", { done: milestone.id });
  ctx.reply(t("group.milestone.done", { title: milestone.title }));
  if (group.spaceId !== undefined && group.spaceId !== ctx.event.channelId) {
    ctx.post(
      { kind: "channel", channelId: group.spaceId },
      msg()
        .text(communityVoice(services, group.channelId).t("group.milestone.done", { title: milestone.title }))
        .build(),
    );
  }
}

function list(ctx: EventContext, id: number | undefined): void {
  const { t, services } = ctx;
  const found = findOwnGroup(ctx, id, "group milestone list");
  if (!found.ok) return ctx.reply(t(found.error.key, found.error.params));
  const lang = services.langOf(ctx.actor);
  const milestones = listMilestones(services.db, found.value.id);
  if (milestones.length === 0) return ctx.reply(t("group.milestone.none", { title: found.value.title }));
  ctx.reply(
    msg()
      .text(t("group.milestone.listTitle", { title: found.value.title }))
      .list(
        milestones.map((m) => [
          `${m.doneAt ? "✓" : "○"} #${m.id} ${formatIsoDate(m.due, lang)} – ${m.title}`,
        ]),
      )
      .build(),
  );
}

/** `group milestone add [#id] <date> <title>`, `… done [#id] <n>`, `… list [#id]`. */
export function manageMilestones(ctx: EventContext<CommandEvent>, raw: string): void {
  const [action = "", ...tail] = raw.trim().split(/\s+/);
  const { id, rest } = splitRawGroupRef(tail.join(" "));
  if (action === "add") return add(ctx, id, rest);
  // `done #2` alone names the milestone, not the group.
  if (action === "done")
    return rest === "" && id !== undefined ? done(ctx, undefined, String(id)) : done(ctx, id, rest);
  if (action === "list" || action === "") return list(ctx, id);
  ctx.reply(ctx.t("group.milestone.usage"));
}
