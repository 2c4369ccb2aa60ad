import type { CommandEvent } from "./events";
import type { EventContext } from "./feature";
import { resolveMember } from "./commands/resolve";
import { mention, msg } from "./message";

/** The moderators and admins: stored ones and those `COPBOT_ADMINS` names. */
export function listModerators(ctx: EventContext<CommandEvent>): void {
  const { t, services } = ctx;
  const people = services.members.withRole("moderator");
  const configured = services.config.admins.filter((id) => !people.some((m) => m.id === id));
  const lines = [
    ...people.map((m) => [
      mention(m.id),
      ` – ${t(m.role === "admin" ? "core.role.admin" : "core.role.moderator")}`,
    ]),
    ...configured.map((id) => [mention(id), ` – ${t("core.role.admin")}`]),
  ];
  ctx.reply(
    lines.length === 0
      ? msg().text(t("core.mod.none")).build()
      : msg().text(t("core.mod.list_title")).list(lines).build(),
  );
}

/** Makes the person `token` names a moderator (admins stay admins). */
export async function addModerator(ctx: EventContext<CommandEvent>, token: string): Promise<void> {
  const { t, services } = ctx;
  const target = await resolveMember(ctx, token);
  if (target.role !== "member") {
    ctx.reply(msg().text(mention(target.id), " ", t("core.mod.already")).build());
    return;
  }
  services.members.setRole(target.id, "moderator");
  ctx.reply(msg().text(mention(target.id), " ", t("core.mod.added")).build());
}

/** Takes the moderator role away; admins (stored or from `COPBOT_ADMINS`) keep theirs. */
export async function removeModerator(ctx: EventContext<CommandEvent>, token: string): Promise<void> {
  const { t, services } = ctx;
  const target = await resolveMember(ctx, token);
  if (target.role === "admin" || services.config.admins.includes(target.id)) {
    ctx.reply(msg().text(mention(target.id), " ", t("core.mod.is_admin")).build());
    return;
  }
  if (target.role !== "moderator") {
    ctx.reply(msg().text(mention(target.id), " ", t("core.mod.not_mod")).build());
    return;
  }
  services.members.setRole(target.id, "member");
  ctx.reply(msg().text(mention(target.id), " ", t("core.mod.removed")).build());
}
