import { auditCommand } from "../../commands/audit";
import { helpCommand } from "../../commands/help";
import { langCommand } from "../../commands/lang";
import { modCommand } from "../../commands/mod";
import { profileCommand } from "../../commands/profile";
import { commandPrefix, type CommandRegistry } from "../../commands/registry";
import { coreHomeSettings } from "./core-home";
import type { Feature } from "./feature";

/** The always-present basics: help, language, profiles, moderators, audit, welcome. */
export function coreFeature(registry: () => CommandRegistry): Feature {
  return {
    name: "core",
    commands: [helpCommand(registry), langCommand, profileCommand, modCommand, auditCommand],
    homeSettings: coreHomeSettings,
    onMemberJoined(ctx) {
      ctx.reply(
        ctx.t("core.welcome", { name: ctx.actor.displayName, prefix: commandPrefix(ctx.event.platform) }),
      );
    },
  };
}
