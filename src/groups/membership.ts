import { CheckinRepo } from "../checkins/checkin-repo";
import type { EventContext } from "../core/feature";
import { mention, msg, textMessage } from "../core/message";
import type { Services } from "../core/services";
import { refreshCall } from "./call";
import { communityVoice, groupRepo, memberVoice } from "./context";
import { requireState } from "./find-group";
import type { Group } from "./repo";

/** Joins the actor to a group: a seat while there is one, else the waiting list. */
export async function joinGroup(ctx: EventContext, groupId: number): Promise<void> {
  const { services, t, actor } = ctx;
  const repo = groupRepo(services);
  const found = repo.get(groupId);
  if (!found) return ctx.reply(t("group.err.unknown", { id: groupId }));
  const open = requireState(found, ["proposed", "forming", "running"]);
  if (!open.ok) return ctx.reply(t(open.error.key, open.error.params));
  const group = open.value;
  const outcome = repo.join(group.id, actor.id, group.maxSize);
  if (outcome === "already") return ctx.reply(t("group.join.already", { id: group.id, title: group.title }));
  if (outcome === "waiting") {
    const position = repo.members(group.id, ["waiting"]).findIndex((m) => m.memberId === actor.id) + 1;
    ctx.reply(t("group.join.waiting", { title: group.title, position }));
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
  const repo = groupRepo(services);
  const found = repo.get(groupId);
  if (!found) return ctx.reply(t("group.err.unknown", { id: groupId }));
  const open = requireState(found, ["proposed", "forming", "running"]);
  if (!open.ok) return ctx.reply(t(open.error.key, open.error.params));
  const group = open.value;
  if (group.facilitatorId === actor.id)
    return ctx.reply(t("group.leave.facilitator", { title: group.title }));
  const result = repo.leave(group.id, actor.id, group.maxSize);
  if (!result.left) return ctx.reply(t("group.leave.notMember", { title: group.title }));
  ctx.reply(t("group.leave.done", { title: group.title }));
  if (group.checkinId !== undefined) new CheckinRepo(services.db).leave(group.checkinId, actor.id);
  if (group.state !== "running") refreshCall(services, group);
  if (!result.promoted) return;
  const voice = memberVoice(services, result.promoted);
  services.outbox.enqueue(
    { kind: "dm", userId: result.promoted },
    textMessage(voice.t("group.join.promoted", { title: group.title })),
  );
  if (group.state === "running" && !(await seatInSpace(services, group, result.promoted))) {
    services.outbox.enqueue(
      { kind: "dm", userId: result.promoted },
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

/** Invites a member who joined a running group into its space and greets them there; false if the platform refused. */
async function seatInSpace(services: Services, group: Group, memberId: string): Promise<boolean> {
  if (group.spaceId === undefined) return true;
  try {
    await services.ports.forId(group.spaceId).invite(group.spaceId, [memberId]);
  } catch (error) {
    services.log.error({ err: error, group: group.id }, "could not invite a member into the group's space");
    return false;
  }
  if (group.checkinId !== undefined)
    new CheckinRepo(services.db).join(group.checkinId, memberId, services.clock.now());
  const { t } = communityVoice(services);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.spaceId },
    msg().text(t("group.welcome"), " ", mention(memberId)).build(),
  );
  return true;
}
