import type { CommandEvent } from "../events";
import type { EventContext } from "../feature";
import { bold, code, msg } from "../message";
import { hasRole } from "../roles";

/**
 * `help [command]`: the commands the caller may use, in their language; for one command its
 * usage with an example; for a family (`help meeting`) its subcommands.
 */
export function showHelp(ctx: EventContext<CommandEvent>, words: readonly string[]): void {
  const { t, actor, prefix, commands: registry } = ctx;
  const commands = registry.list();
  if (words.length > 0) {
    const def = registry.match(words)?.def;
    if (!def) {
      // `help meeting` lists the meeting subcommands the caller may use.
      const group = words.join(" ").toLowerCase();
      const family = commands.filter(
        (c) => c.name.startsWith(`${group} `) && hasRole(actor.role, c.permission),
      );
      ctx.reply(
        family.length > 0
          ? msg()
              .text(t("core.help.group", { command: `${prefix} ${group}` }))
              .list(family.map((c) => [code(`${prefix} ${c.name}`), ` – ${t(c.summary)}`]))
              .context(t("core.help.more", { example: `${prefix} help ${family[0]?.name ?? group}` }))
              .build()
          : t("core.help.unknown", { typed: words.join(" "), help: `${prefix} help` }),
      );
      return;
    }
    const help = msg()
      .text(bold(`${prefix} ${def.name}`), " – ", t(def.summary))
      .text(t("core.usage"), " ", code(`${prefix} ${t(def.usage)}`))
      .text(t("core.example"), " ", code(`${prefix} ${t(def.example)}`));
    if (def.details) help.context(t(def.details));
    ctx.reply(help.build());
    return;
  }
  const allowed = commands.filter((c) => hasRole(actor.role, c.permission));
  ctx.reply(
    msg()
      .header(t("core.help.title"))
      .list(allowed.map((c) => [code(`${prefix} ${c.name}`), ` – ${t(c.summary)}`]))
      .context(t("core.help.more", { example: `${prefix} help meeting add` }))
      .build(),
  );
}
