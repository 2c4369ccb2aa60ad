import { joinCheckin, leaveCheckin } from "../meetings/api";
import type { EventContext } from "../core/feature";
import { mention, msg, textMessage } from "../core/message";
import type { Services } from "../core/services";
import { refreshCall } from "./call";
import { communityVoice, groupRepo, memberVoice, samePlatform } from "./context";
import { requireState } from "./find-group";
import type { Group } from "./group-repo";

/**
 * The group whose membership may change now (proposed or running), or undefined after telling
 * the actor why not. While a group is forming its space is created with the members known
 * then, so joins and leaves wait.
 */
function changeableGroup(ctx: EventContext, groupId: number): Group | undefined {
  const { services, t } = ctx;
  const found = groupRepo(services).get(groupId);
  if (!found) {
    ctx.reply(t("group.err.unknown", { id: groupId }));
    return undefined;
  }
  if (found.state === "forming") {
    ctx.reply(t("group.join.forming", { title: found.title }));
    return undefined;
  }
  const open = requireState(found, ["proposed", "running"]);
  if (!open.ok) {
    ctx.reply(t(open.error.key, open.error.params));
    return undefined;
  }
  return open.value;
}

/**
 * Joins the actor to a group: a seat while there is one, else the waiting list. While the
 * group is forming its space is being created with the members known then, so a join waits.
 */
export async function joinGroup(ctx: EventContext, groupId: number): Promise<void> {
  const { services, t, actor } = ctx;
  const repo = groupRepo(services);
  const group = changeableGroup(ctx, groupId);
  if (!group) return;
  if (!samePlatform(group, actor.id)) return ctx.reply(t("group.join.otherPlatform", { title: group.title }));
  const outcome = repo.join(group.id, actor.id, group.maxSize);
  if (outcome === "already") return ctx.reply(t("group.join.already", { id: group.id, title: group.title }));
  if (outcome === "waiting") {
    const position = repo.members(group.id, ["waiting"]).findIndex((m) => m.memberId === actor.id) + 1;
    ctx.reply(
      t(group.state === "running" ? "group.join.waitingRunning" : "group.join.waiting", {
        title: group.title,
        position,
      }),
    );
  } else {
    ctx.reply(
      t(group.state === "running" ? "group.join.joinedRunning" : "group.join.joined", {
        title: group.title,
        id: group.id,
      }),
    );
  }
  if (group.state !== "running") refreshCall(services, group);
  if (outcome !== "joined") return;
  if (group.state !== "running") {
    if (repo.members(group.id).length === group.minSize) offerStart(services, group);
  } else if (!(await seatInSpace(services, group, actor.id))) {
    ctx.reply(t("group.join.inviteFailed", { title: group.title }));
  }
}

/** Leaves a group; the first person on the waiting list moves up. */
export async function leaveGroup(ctx: EventContext, groupId: number): Promise<void> {
  const { services, t, actor } = ctx;
  const group = changeableGroup(ctx, groupId);
  if (!group) return;
  if (group.facilitatorId === actor.id)
    return ctx.reply(t("group.leave.facilitator", { title: group.title, id: group.id }));
  if (!(await removeMember(services, group, actor.id)))
    return ctx.reply(t("group.leave.notMember", { title: group.title }));
  ctx.reply(t("group.leave.done", { title: group.title }));
}

/**
 * Gives up a member's seat: out of the check-in and the space, the call updated, the first on
 * the waiting list moved up. False when they held no seat.
 */
export async function removeMember(services: Services, group: Group, memberId: string): Promise<boolean> {
  const result = groupRepo(services).leave(group.id, memberId, group.maxSize);
  if (!result.left) return false;
  await unseatFromSpace(services, group, memberId);
  if (group.state !== "running") refreshCall(services, group);
  if (result.promoted) await promoted(services, group, result.promoted);
  return true;
}

/** Tells whoever moved up from the waiting list, and seats them in a running group's space. */
async function promoted(services: Services, group: Group, memberId: string): Promise<void> {
  const voice = memberVoice(services, memberId);
  services.outbox.enqueue(
    { kind: "dm", userId: memberId },
    textMessage(voice.t("group.join.promoted", { title: group.title })),
  );
  if (group.state === "running" && !(await seatInSpace(services, group, memberId))) {
    services.outbox.enqueue(
      { kind: "dm", userId: memberId },
      textMessage(voice.t("group.join.inviteFailed", { title: group.title })),
    );
  }
}

/** Lets the facilitator start as soon as the minimum size is reached (once per call). */
function offerStart(services: Services, group: Group): void {
  const { t } = memberVoice(services, group.facilitatorId);
  services.outbox.enqueue(
    { kind: "dm", userId: group.facilitatorId },
    msg()
      .text(t("group.minReached", { title: group.title, min: group.minSize, id: group.id }))
      .button("group.start", t("group.button.start"), String(group.id), "primary")
      .build(),
    { key: `group:${group.id}:min-reached:${group.signupDeadline.getTime()}` },
  );
}

/**
 * Invites a member who joined a running group into its space, adds them to the check-in and
 * greets them there; false if the platform refused. Members of another platform cannot enter.
 */
export async function seatInSpace(services: Services, group: Group, memberId: string): Promise<boolean> {
  if (group.spaceId === undefined) return true;
  if (!samePlatform(group, memberId)) return false;
  try {
    await services.ports.forId(group.spaceId).invite(group.spaceId, [memberId]);
  } catch (error) {
    services.log.error({ err: error, group: group.id }, "could not invite a member into the group's space");
    return false;
  }
  if (group.checkinId !== undefined) joinCheckin(services, group.checkinId, memberId);
  const { t } = communityVoice(services, group.channelId);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.spaceId },
    msg().text(t("group.welcome"), " ", mention(memberId)).build(),
  );
  return true;
}

/**
 * Takes someone who left out of the group's check-in and, in a running group, out of its
 * space. A platform refusal is logged only: the seat is already given up, and the space is
 * archived at the close anyway.
 */
async function unseatFromSpace(services: Services, group: Group, memberId: string): Promise<void> {
  if (group.checkinId !== undefined) leaveCheckin(services, group.checkinId, memberId);
  if (group.spaceId === undefined || group.state !== "running" || !samePlatform(group, memberId)) return;
  try {
    await services.ports.forId(group.spaceId).removeFromSpace(group.spaceId, memberId);
  } catch (error) {
    services.log.error({ err: error, group: group.id }, "could not remove a member from the group's space");
  }
}
