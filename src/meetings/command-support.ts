import { DateTime } from "luxon";
import type { CommandEvent } from "../core/events";
import type { UserError } from "../core/errors";
import type { EventContext } from "../core/feature";
import type { Member } from "../core/member-repo";
import { permits, type Action } from "../permissions";
import type { MessageKey } from "../i18n";
import { CheckinRepo, type Checkin } from "./checkin-repo";
import { MeetingRepo, type Meeting } from "./meeting-repo";
import { EXAMPLES, type SpecKind } from "./parse-spec";

type Ctx = EventContext<CommandEvent>;

/** Shows a meetings/check-ins error; its `example` param gets the platform's command prefix. */
export function replyError(ctx: EventContext, error: UserError): void {
  const example = error.params["example"];
  const params =
    example === undefined ? error.params : { ...error.params, example: `${ctx.prefix} ${example}` };
  ctx.reply(ctx.t(error.key, params));
}

/** Resolves `#kanal` through the platform; a friendly error with an example when unknown. */
export async function resolveSpecChannel(
  ctx: EventContext,
  ref: string | undefined,
  kind: SpecKind,
): Promise<string | undefined> {
  const prefix = ctx.prefix;
  const example = `${prefix} ${EXAMPLES[kind]}`;
  if (ref === undefined) {
    ctx.reply(ctx.t("meeting.error.noChannel", { example }));
    return undefined;
  }
  const id = await ctx.services.ports.forId(ctx.event.userId).resolveChannel(ref);
  if (id === undefined) ctx.reply(ctx.t("meeting.error.channel", { value: ref, example }));
  return id;
}

function notFound(ctx: Ctx, raw: string | undefined, kind: SpecKind, sub: string): void {
  const prefix = ctx.prefix;
  const params = { list: `${prefix} ${kind} list`, example: `${prefix} ${kind} ${sub} 1` };
  ctx.reply(
    raw === undefined
      ? ctx.t("meeting.error.noId", params)
      : ctx.t("meeting.error.notFound", { ...params, id: raw }),
  );
}

/** The meeting with the typed id, or a "not found" reply naming `meeting list` and an example. */
export function findMeeting(ctx: Ctx, raw: string | undefined, sub: string): Meeting | undefined {
  const meeting = /^\d+$/.test(raw ?? "") ? new MeetingRepo(ctx.services.db).get(Number(raw)) : undefined;
  if (!meeting) notFound(ctx, raw, "meeting", sub);
  return meeting;
}

/**
 * The check-in with the typed id, if the actor may see it: a working group's check-in exists
 * only for its members and the moderators (anyone else hears "not found", so not even its
 * title leaks).
 */
export function findCheckin(ctx: Ctx, raw: string | undefined, sub: string): Checkin | undefined {
  const repo = new CheckinRepo(ctx.services.db);
  const found = /^\d+$/.test(raw ?? "") ? repo.get(Number(raw)) : undefined;
  const checkin = found && maySeeCheckin(repo, found, ctx.actor) ? found : undefined;
  if (!checkin) notFound(ctx, raw, "checkin", sub);
  return checkin;
}

/**
 * Whether someone may see (and so join or leave) a check-in. A group's check-in has the group's
 * members as participants (the groups feature keeps them in step), so taking part is the seat.
 */
export function maySeeCheckin(repo: CheckinRepo, checkin: Checkin, actor: Member): boolean {
  if (checkin.owner === undefined) return true;
  const seat = repo.participants(checkin.id).includes(actor.id) ? "member" : "outsider";
  return permits("checkin list", { role: actor.role, seat });
}

/**
 * Whether the permission table lets the actor do `action` on a series `createdBy` someone
 * (moderators every series, members at most their own); `denied` explains who may.
 */
export function mayChange(
  ctx: Ctx,
  action: Action,
  createdBy: string,
  denied: MessageKey = "meeting.error.notOwner",
): boolean {
  if (permits(action, { role: ctx.actor.role, owns: ctx.actor.id === createdBy })) return true;
  ctx.reply(ctx.t(denied));
  return false;
}

/**
 * Records a change to a series someone else created: that took moderator rights, so it goes
 * into the audit log. The creator's own changes are no moderator action.
 */
export function auditForeign(ctx: Ctx, createdBy: string, action: string, id: number): void {
  if (ctx.actor.id !== createdBy) {
    ctx.services.audit.record(ctx.actor.id, action, String(id), { text: ctx.event.text });
  }
}

/** Today's date in `zone`, as the grammar writes dates. */
export function today(ctx: EventContext, zone: string): string {
  return DateTime.fromJSDate(ctx.services.clock.now(), { zone }).toISODate() ?? "";
}
