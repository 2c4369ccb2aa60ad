import { fail, ok, type Result } from "../core/errors";
import type { EventContext } from "../core/feature";
import type { Action } from "../permissions";
import { groupRepo, mayAct } from "./context";
import type { Group, GroupState } from "./group-repo";

const ACTIVE: readonly GroupState[] = ["proposed", "forming", "running"];

/**
 * The group a command is about: the one named, else the group whose space this is, else the
 * only active group the actor belongs to.
 */
export function findGroup(ctx: EventContext, id: number | undefined): Result<Group> {
  const repo = groupRepo(ctx.services);
  if (id !== undefined) {
    const group = repo.get(id);
    return group ? ok(group) : fail("group.err.unknown", { id });
  }
  const here = repo.bySpace(ctx.event.channelId);
  if (here) return ok(here);
  const mine = repo.listFor(ctx.actor.id, ACTIVE);
  if (mine.length === 1 && mine[0]) return ok(mine[0]);
  return fail(mine.length === 0 ? "group.err.noGroup" : "group.err.whichGroup", {
    ids: mine.map((g) => `#${g.id}`).join(", "),
  });
}

/**
 * Like `findGroup`, and the actor must be allowed to manage it by the permission table (its
 * facilitator or a moderator).
 */
export function findManagedGroup(ctx: EventContext, id: number | undefined, action: Action): Result<Group> {
  const found = findGroup(ctx, id);
  if (!found.ok) return found;
  return mayAct(ctx.services, ctx.actor, found.value, action)
    ? found
    : fail("group.err.manage", { id: found.value.id });
}

/** The group must be in one of `states`; the message names the state it is in. */
export function requireState(group: Group, states: readonly GroupState[]): Result<Group> {
  return states.includes(group.state)
    ? ok(group)
    : fail(`group.err.state.${group.state}`, { id: group.id, title: group.title });
}

/**
 * The group a lookup found, when it is in one of `states`; otherwise the actor is told why
 * (unknown group, no rights, wrong state) and the result is undefined.
 */
export function groupInState(
  ctx: EventContext,
  found: Result<Group>,
  states: readonly GroupState[],
): Group | undefined {
  const checked = found.ok ? requireState(found.value, states) : found;
  if (checked.ok) return checked.value;
  ctx.reply(ctx.t(checked.error.key, checked.error.params));
  return undefined;
}

/**
 * Like `findGroup`, and the permission table must let the actor see inside the group (its
 * members and the moderators): a private group's status and milestones stay private.
 */
export function findOwnGroup(ctx: EventContext, id: number | undefined, action: Action): Result<Group> {
  const found = findGroup(ctx, id);
  if (!found.ok) return found;
  return mayAct(ctx.services, ctx.actor, found.value, action)
    ? found
    : fail("group.err.notMember", { id: found.value.id, title: found.value.title });
}
