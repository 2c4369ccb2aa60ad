import { z } from "zod";
import { bold, code, msg } from "../src/core/message";
import { hasRole } from "../src/core/roles";
import { commandPrefix, type CommandRegistry } from "./registry";
import { defineCommand } from "./types";

/** `/cop help [command]`: what the caller may use, in their language; usage with an example. */
export function helpCommand(registry: () => CommandRegistry) {
  return defineCommand({
    name: "help",
    summary: "core.help.summary",
    usage: "core.help.usage",
    example: "core.help.example",
    permission: "member",
    args: z.array(z.string()).max(3),
    run(ctx, words) {
      const { t, actor, event } = ctx;
      const prefix = commandPrefix(event.platform);
      const commands = registry().list();
      if (words.length > 0) {
        const def = registry().match(words)?.def;
        if (!def) {
          // `help meeting` lists the meeting subcommands the caller may use.
          const group = words.join(" ").toLowerCase();
          const family = commands.filter(
            (c) => c.name.startsWith(`${group} `) && hasRole(actor.role, c.permission),
          );
          ctx.reply(
            family.length > 0
              ? msg()
                  .text(t("core.help.group", { prefix: `${prefix} ${group}` }))
                  .list(family.map((c) => [code(`${prefix} ${c.name}`), ` – ${t(c.summary)}`]))
                  .context(t("core.help.more", { example: `${prefix} help ${family[0]?.name ?? group}` }))
                  .build()
              : t("core.help.unknown", { typed: words.join(" "), help: `${prefix} help` }),
          );
          return;
        }
        ctx.reply(
          msg()
            .text(bold(`${prefix} ${def.name}`), " – ", t(def.summary))
            .text(t("core.usage"), " ", code(`${prefix} ${t(def.usage)}`))
            .text(t("core.example"), " ", code(`${prefix} ${t(def.example)}`))
            .build(),
        );
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
    },
  });
}
