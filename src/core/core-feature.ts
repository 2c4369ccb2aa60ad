import { auditCommand } from "../../commands/audit";
import { helpCommand } from "../../commands/help";
import { langCommand } from "../../commands/lang";
import { modCommand } from "../../commands/mod";
import { profileCommand } from "../../commands/profile";
import { commandPrefix, type CommandRegistry } from "../../commands/registry";
import { coreHomeSettings } from "./core-home";
import type { Feature } from "./feature";
import { SettingsRepo } from "./settings";
import { z } from "zod";

/** The always-present basics: help, language, profiles, moderators, audit, welcome. */
export function coreFeature(registry: () => CommandRegistry): Feature {
  return {
    name: "core",
    commands: [helpCommand(registry), langCommand, profileCommand, modCommand, auditCommand],
    homeSettings: coreHomeSettings,
    onMemberJoined(ctx) {
      // Welcome each person once, not in every channel or group space they join.
      const settings = new SettingsRepo(ctx.services.db);
      const key = `welcomed:${ctx.actor.id}`;
      if (settings.get(key, z.boolean())) return;
      settings.set(key, true);
      ctx.reply(
        ctx.t("core.welcome", { name: ctx.actor.displayName, prefix: commandPrefix(ctx.event.platform) }),
      );
    },
  };
}
