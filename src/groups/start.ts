import type { EventContext } from "../core/feature";
import { channelRef, msg } from "../core/message";
import { auditManagement, groupRepo } from "./context";
import { findManagedGroup, groupInState } from "./find-group";
import { formGroup } from "./formation";

/** The facilitator (or a moderator) starts a group that reached its minimum size. */
export async function startGroup(ctx: EventContext, groupId: number | undefined): Promise<void> {
  const { services, t } = ctx;
  const group = groupInState(ctx, findManagedGroup(ctx, groupId, "group confirm"), ["proposed"]);
  if (!group) return;
  const seated = groupRepo(services).members(group.id).length;
  if (seated < group.minSize) {
    return ctx.reply(t("group.start.tooFew", { title: group.title, seated, min: group.minSize }));
  }
  if (!(await formGroup(services, group.id))) return;
  auditManagement(services, ctx.actor.id, group, "group.confirm");
  const after = groupRepo(services).get(group.id);
  if (after?.spaceId !== undefined) {
    ctx.reply(
      msg()
        .text(t("group.start.done", { title: group.title }), " ", channelRef(after.spaceId))
        .build(),
    );
  }
}
