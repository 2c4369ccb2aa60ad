import { fail, ok, type Result } from "../core/errors";
import type { EventContext } from "../core/feature";
import { mention, msg, textMessage } from "../core/message";
import type { Services } from "../core/services";
import { refreshCall } from "./call";
import { auditManagement, groupRepo, memberVoice, samePlatform } from "./context";
import { requireState } from "./find-group";
import { removeMember, seatInSpace } from "./membership";
import type { Group } from "./repo";

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
  const now = services.clock.now().getTime();
  services.db.transaction(() => {
    services.db.prepare("UPDATE work_groups SET facilitator_id = ? WHERE id = ?").run(toId, group.id);
    services.db
      .prepare("UPDATE work_group_members SET role = 'member' WHERE group_id = ? AND member_id = ?")
      .run(group.id, group.facilitatorId);
    services.db
      .prepare(
        `INSERT INTO work_group_members (group_id, member_id, role, state, since, joined_at)
         VALUES (?, ?, 'facilitator', 'joined', ?, ?)
         ON CONFLICT (group_id, member_id) DO UPDATE SET role = 'facilitator', state = 'joined',
           since = CASE WHEN work_group_members.state = 'joined' THEN work_group_members.since ELSE excluded.since END,
           joined_at = coalesce(work_group_members.joined_at, excluded.joined_at)`,
      )
      .run(group.id, toId, now, now);
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
 * "Ablehnen" in the DM to someone named facilitator by another person: the role goes back to
 * the proposer and the one declining gives up the seat (they can join as a member later).
 */
export async function declineFacilitation(ctx: EventContext, groupId: number): Promise<void> {
  const { services, t, actor } = ctx;
  const found = groupRepo(services).get(groupId);
  if (!found) return ctx.reply(t("group.err.unknown", { id: groupId }));
  if (found.facilitatorId !== actor.id) return ctx.reply(t("group.decline.notYou", { title: found.title }));
  if (found.proposerId === actor.id)
    return ctx.reply(t("group.decline.own", { title: found.title, id: found.id }));
  const open = requireHandOverState(found);
  if (!open.ok) return ctx.reply(t(open.error.key, open.error.params));
  const handed = await handOver(services, open.value, {
    toId: found.proposerId,
    by: actor.id,
    previousLeaves: true,
  });
  if (!handed.ok) return ctx.reply(t(handed.error.key, handed.error.params));
  await removeMember(services, handed.value, actor.id);
  ctx.reply(
    msg()
      .text(t("group.decline.done", { title: found.title, id: found.id }), " ", mention(found.proposerId))
      .build(),
  );
  const voice = memberVoice(services, found.proposerId);
  services.outbox.enqueue(
    { kind: "dm", userId: found.proposerId },
    msg()
      .text(mention(actor.id), " ", voice.t("group.decline.back", { title: found.title, id: found.id }))
      .build(),
  );
}
