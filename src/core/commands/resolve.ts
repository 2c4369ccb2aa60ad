import type { EventContext } from "../feature";
import type { Member } from "../member-repo";
import { UserError } from "../errors";

/** Resolves a typed user reference to a member, or throws a friendly `UserError`. */
export async function resolveMember(ctx: EventContext, token: string): Promise<Member> {
  const id = await ctx.services.ports.forId(ctx.event.userId).resolveUser(token);
  if (id === undefined) throw new UserError("core.err.unknown_user", { user: token });
  const info = ctx.services.members.get(id) ? undefined : await ctx.services.ports.forId(id).userInfo(id);
  return ctx.services.members.ensure(id, info?.displayName);
}

/** Resolves a typed channel reference to a channel id, or throws a friendly `UserError`. */
export async function resolveChannel(ctx: EventContext, token: string): Promise<string> {
  const id = await ctx.services.ports.forId(ctx.event.userId).resolveChannel(token);
  if (id === undefined) throw new UserError("core.err.unknown_channel", { channel: token });
  return id;
}
