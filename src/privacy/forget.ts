import { resolveMember } from "../core/commands/resolve";
import type { ButtonEvent, CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { msg } from "../core/message";
import { nameOf } from "../core/privacy";
import { permits } from "../permissions";
import { summaryLines } from "./labels";
import { forgetEverywhere } from "./personal-data";

/** Button actions of the confirmation step. */
export const FORGET_ACTION = "privacy.forget";
export const KEEP_ACTION = "privacy.keep";

/**
 * `privacy forget [@person]`: asks for confirmation before anything is erased, saying what goes
 * and what the community keeps. Without a person the caller's own data; a person's data only
 * for moderators (a member who left).
 */
export async function askToForget(ctx: EventContext<CommandEvent>, user: string | undefined): Promise<void> {
  const { t, actor } = ctx;
  const target = user === undefined ? actor : await resolveMember(ctx, user);
  const own = target.id === actor.id;
  if (!permits("privacy forget", { role: actor.role, owns: own })) {
    return ctx.reply(t("privacy.forget.othersForbidden"));
  }
  ctx.reply(
    msg()
      .header(own ? t("privacy.forget.title") : t("privacy.forget.titleOther", { name: target.displayName }))
      .text(t("privacy.forget.erased"))
      .text(t("privacy.forget.kept"))
      .context(own ? t("privacy.forget.exportFirst") : t("privacy.forget.audited"))
      .button(FORGET_ACTION, t("privacy.forget.confirm"), target.id, "danger")
      .button(KEEP_ACTION, t("privacy.forget.cancel"))
      .build(),
  );
}

/**
 * The confirmation: erases the member's data in every feature (one transaction). The button
 * carries whose data; the permission is checked again on the click. A moderator erasing
 * someone else's data is recorded in the audit log.
 */
export function confirmForget(ctx: EventContext<ButtonEvent>): void {
  const { services, t, actor } = ctx;
  const targetId = ctx.event.value ?? "";
  const own = targetId === actor.id;
  if (targetId === "" || !permits("privacy forget", { role: actor.role, owns: own })) {
    return ctx.reply(t("privacy.forget.othersForbidden"));
  }
  const name = nameOf(services, t, targetId);
  const counts = forgetEverywhere(services, targetId);
  if (!own) {
    const total = Object.values(counts)
      .flatMap((c) => Object.values(c))
      .reduce((a, b) => a + b, 0);
    services.audit.record(actor.id, "privacy.forget", targetId, { records: total });
  }
  ctx.reply(
    msg()
      .text(own ? t("privacy.forget.done") : t("privacy.forget.doneOther", { name }))
      .list(summaryLines(t, counts, t("privacy.forget.nothing")))
      .context(t("privacy.forget.platformNote"))
      .build(),
  );
}

/** "Abbrechen": nothing happens, copbot says so. */
export function keepData(ctx: EventContext<ButtonEvent>): void {
  ctx.reply(ctx.t("privacy.forget.cancelled"));
}
