import type { EventContext } from "../core/feature";
import { permits } from "../permissions";
import { groupRepo } from "./context";
import { confirmationMessage } from "./confirmation";
import { totalMinutes } from "./time-log-repo";

/** Sends the actor their participation confirmation of a closed group, by DM with a Markdown file. */
export function sendConfirmation(ctx: EventContext, groupId: number): void {
  const { services, t, actor } = ctx;
  const repo = groupRepo(services);
  const group = repo.get(groupId);
  if (!group) return ctx.reply(t("group.err.unknown", { id: groupId }));
  if (group.state !== "closed") return ctx.reply(t("group.confirmation.notClosed", { title: group.title }));
  const seat = repo.membership(group.id, actor.id);
  // Only people who worked in the running group get a confirmation; who left before the
  // start never participated, who left later is confirmed until the day they left.
  const startedAt = group.startedAt?.getTime();
  const participated =
    seat?.joinedAt !== undefined &&
    seat.state !== "waiting" &&
    startedAt !== undefined &&
    (seat.state === "joined" || seat.since.getTime() > startedAt);
  const standing = { role: actor.role, seat: participated ? seat.role : ("outsider" as const) };
  if (!seat || !permits("group confirmation", standing))
    return ctx.reply(t("group.confirmation.notMember", { title: group.title }));
  const lang = services.langOf(actor);
  const message = confirmationMessage(t, lang, {
    memberName: actor.displayName,
    group,
    role: seat.role,
    minutes: totalMinutes(services.db, group.id, actor.id),
    zone: services.config.timeZone,
    ...(seat.state === "left" ? { leftAt: seat.since } : {}),
  });
  ctx.post({ kind: "dm", userId: actor.id }, message);
  if (!ctx.event.isDm) ctx.reply(t("group.confirmation.sent"));
}
