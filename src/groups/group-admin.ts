import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { mention, msg } from "../core/message";
import { archiveGroupSpace, closeGroup, isResultLink } from "./closing";
import { communityVoice, groupRepo, memberVoice } from "./context";
import { splitLeadingDate } from "./dates";
import { extendDue } from "./extend";
import { handOver, handOverDeclineValue, requireHandOverState } from "./facilitator";
import { findManagedGroup, groupInState } from "./find-group";
import { splitLeadingGroupRef } from "./group-ref";
import { MAX_WEEKS, MIN_WEEKS } from "./proposal";
import { resolvePerson } from "./proposal-dialog";
import { reopenGroup } from "./reopen";
import { formatIsoDate } from "../i18n/format";

/**
 * `group close [#id] <result link> [summary]`: the facilitator or a moderator closes the group
 * with its result.
 */
export async function closeWithResult(ctx: EventContext<CommandEvent>, raw: string): Promise<void> {
  const { t, services } = ctx;
  const { id, rest } = splitLeadingGroupRef(raw);
  const group = groupInState(ctx, findManagedGroup(ctx, id, "group close"), ["running"]);
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
}

/** `group extend [#id] <date> <reason>`: the facilitator moves the due date, with a reason. */
export function extendGroup(ctx: EventContext<CommandEvent>, raw: string): void {
  const { t, services } = ctx;
  const { id, rest } = splitLeadingGroupRef(raw);
  const group = groupInState(ctx, findManagedGroup(ctx, id, "group extend"), ["running"]);
  if (!group) return;
  const { date, rest: reason } = splitLeadingDate(rest, services.config.timeZone, services.clock.now());
  const extended = extendDue(services, group, { date, reason, by: ctx.actor.id });
  if (!extended.ok) {
    const params = { ...extended.error.params };
    if (typeof params["due"] === "string")
      params["due"] = formatIsoDate(params["due"], services.langOf(ctx.actor));
    return ctx.reply(t(extended.error.key, params));
  }
  const voice = communityVoice(services, group.channelId);
  const text = voice.t("group.extend.done", {
    title: group.title,
    due: formatIsoDate(extended.value, voice.lang),
    reason,
  });
  if (group.spaceId !== undefined && group.spaceId !== ctx.event.channelId) ctx.reply(text);
  ctx.post({ kind: "channel", channelId: group.spaceId ?? group.channelId }, msg().text(text).build());
}

/**
 * `group facilitator [#id] @name`: the facilitator or a moderator hands facilitation on; the new
 * one may decline.
 */
export async function passFacilitation(ctx: EventContext<CommandEvent>, raw: string): Promise<void> {
  const { t, services } = ctx;
  const { id, rest } = splitLeadingGroupRef(raw);
  if (rest === "") return ctx.reply(t("group.facilitator.usage"));
  const found = findManagedGroup(ctx, id, "group facilitator");
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
}

/** `group reopen <id> [due date]`: an expired proposal gets a second call. */
export function reopenExpired(ctx: EventContext<CommandEvent>, id: number, due: string | undefined): void {
  const { t, services } = ctx;
  const found = findManagedGroup(ctx, id, "group reopen");
  if (!found.ok) return ctx.reply(t(found.error.key, found.error.params));
  const reopened = reopenGroup(services, found.value, { by: ctx.actor.id, ...(due ? { due } : {}) });
  if (!reopened.ok)
    return ctx.reply(t(reopened.error.key, { min: MIN_WEEKS, max: MAX_WEEKS, ...reopened.error.params }));
  ctx.reply(t("group.reopen.done", { id, title: reopened.value.title }));
}
