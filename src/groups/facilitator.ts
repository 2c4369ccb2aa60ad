import { fail, ok, type Result } from "../core/errors";
import type { ButtonEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { mention, msg, textMessage } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Services } from "../core/services";
import { refreshCall } from "./call";
import { auditManagement, groupRepo, memberVoice, samePlatform } from "./context";
import { requireState } from "./find-group";
import { removeMember, seatInSpace } from "./membership";
import type { Group } from "./group-repo";

/**
 * Hands a group's facilitation to `toId`, who takes a seat if they have none; the previous
 * facilitator becomes a member. With `previousLeaves` the caller removes the previous one right
 * after, so a full group is no obstacle.
 */
export async function handOver(
  services: Services,
  group: Group,
  opts: { toId: string; by: string; previousLeaves: boolean },
): Promise<Result<Group>> {
  const { toId } = opts;
  const repo = groupRepo(services);
  if (toId === group.facilitatorId) return fail("group.facilitator.already", { title: group.title });
  if (!samePlatform(group, toId)) return fail("group.facilitator.otherPlatform", { title: group.title });
  const seated = repo.membership(group.id, toId)?.state === "joined";
  if (!seated && !opts.previousLeaves && repo.members(group.id).length >= group.maxSize)
    return fail("group.facilitator.full", { title: group.title, max: group.maxSize });
  services.db.transaction(() => {
    repo.setFacilitator(group.id, group.facilitatorId, toId, services.clock.now());
    auditManagement(services, opts.by, group, "group.facilitator", {
      from: group.facilitatorId,
      to: toId,
    });
  })();
  const after = repo.get(group.id) ?? group;
  if (group.state === "running") {
    if (!seated && !(await seatInSpace(services, after, toId))) {
      services.outbox.enqueue(
        { kind: "dm", userId: toId },
        textMessage(memberVoice(services, toId).t("group.join.inviteFailed", { title: group.title })),
      );
    }
  } else {
    refreshCall(services, after);
  }
  return ok(after);
}

/** The group must take a new facilitator now: not while its space is being created, not after. */
export function requireHandOverState(group: Group): Result<Group> {
  if (group.state === "forming") return fail("group.join.forming", { title: group.title });
  return requireState(group, ["proposed", "running"]);
}

/**
 * The value of "Ablehnen" in a hand-over DM: the group, whether the new facilitator only got
 * their seat with the hand-over, and who handed it over (the role goes back there). A
 * proposal's named facilitator gets the bare group number: the role goes back to the proposer.
 */
export function handOverDeclineValue(groupId: number, seatIsNew: boolean, previousId: string): string {
  return `${groupId}:${seatIsNew ? "new" : "member"}:${previousId}`;
}

/** Who gets the role back and whether the one declining gives up the seat, from the button. */
type Decline = { groupId: number; backTo?: string; seatIsNew: boolean };

function parseDecline(value: string | undefined): Decline | undefined {
  const match = /^(\d{1,9})(?::(new|member):(.+))?$/s.exec(value ?? "");
  if (match?.[1] === undefined) return undefined;
  const groupId = Number(match[1]);
  if (match[3] === undefined) return { groupId, seatIsNew: true };
  return { groupId, backTo: match[3], seatIsNew: match[2] === "new" };
}

/**
 * "Ablehnen" in the DM to someone made facilitator by another person. Named in a proposal: the
 * role goes back to the proposer. Handed the role later: it goes back to whoever handed it
 * over. Who had no seat before gives it up again (they can join as a member later).
 */
export async function declineFacilitation(ctx: EventContext<ButtonEvent>): Promise<void> {
  const { services, t, actor } = ctx;
  const decline = parseDecline(ctx.event.value);
  const found = decline && groupRepo(services).get(decline.groupId);
  if (!found) return ctx.reply(t("group.err.unknown", { id: decline?.groupId ?? 0 }));
  if (found.facilitatorId !== actor.id) return ctx.reply(t("group.decline.notYou", { title: found.title }));
  const backTo = decline.backTo ?? found.proposerId;
  if (decline.backTo === undefined && found.proposerId === actor.id)
    return ctx.reply(t("group.decline.own", { title: found.title, id: found.id }));
  const open = requireHandOverState(found);
  if (!open.ok) return ctx.reply(t(open.error.key, open.error.params));
  // Whoever handed the role over and has left since would be seated again without being asked.
  if (decline.backTo !== undefined && groupRepo(services).membership(found.id, backTo)?.state !== "joined")
    return ctx.reply(
      msg()
        .text(
          memberRef(t, backTo),
          " ",
          t("group.decline.previousLeft", { title: found.title, id: found.id }),
        )
        .build(),
    );
  const handed = await handOver(services, open.value, {
    toId: backTo,
    by: actor.id,
    previousLeaves: decline.seatIsNew,
  });
  if (!handed.ok) return ctx.reply(t(handed.error.key, handed.error.params));
  if (decline.seatIsNew) await removeMember(services, handed.value, actor.id);
  const done = decline.seatIsNew ? "group.decline.done" : "group.decline.doneMember";
  ctx.reply(
    msg()
      .text(t(done, { title: found.title, id: found.id }), " ", mention(backTo))
      .build(),
  );
  const voice = memberVoice(services, backTo);
  services.outbox.enqueue(
    { kind: "dm", userId: backTo },
    msg()
      .text(mention(actor.id), " ", voice.t("group.decline.back", { title: found.title, id: found.id }))
      .build(),
  );
}
