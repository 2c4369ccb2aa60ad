import { coreHomeSettings } from "./core-home";
import { corePrivacy, coreRetention } from "./core-privacy";
import type { Feature } from "./feature";
import { SettingsRepo } from "./settings-repo";
import { decideDelivery } from "./status";
import { z } from "zod";

/** The always-present basics: the home's settings, the welcome, profiles, the buttons of `/cop status` and the core's retention. */
export function coreFeature(): Feature {
  return {
    name: "core",
    homeSettings: coreHomeSettings,
    privacy: corePrivacy,
    retention: coreRetention,
    buttons: { "ops.retry": decideDelivery("retry"), "ops.drop": decideDelivery("drop") },
    onMemberJoined(ctx) {
      // Welcome each person once, not in every channel or group space they join.
      const settings = new SettingsRepo(ctx.services.db);
      const key = `welcomed:${ctx.actor.id}`;
      if (settings.get(key, z.boolean())) return;
      settings.set(key, true);
      ctx.reply(ctx.t("core.welcome", { name: ctx.actor.displayName }));
    },
  };
}
