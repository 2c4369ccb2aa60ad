import type { PlatformDescriptor } from "../../src/core/platform";
import { slackConfigFromEnv, type SlackConfig } from "./config";
import { slackMessages } from "./messages";

/**
 * Slack as a copbot platform. Bolt is loaded only in `create`, so building the app (and every
 * unit test) does without it.
 */
export const slackPlatform: PlatformDescriptor<SlackConfig, "slack"> = {
  platform: "slack",
  commandPrefix: "/cop",
  configFromEnv: slackConfigFromEnv,
  messages: slackMessages,
  async create(config, ctx) {
    const { SlackAdapter } = await import("./slack-adapter");
    return new SlackAdapter({
      config,
      clock: ctx.clock,
      log: ctx.log.child({ adapter: "slack" }),
      homeView: (userId) => ctx.home(userId),
      lang: ctx.lang,
      timeoutMs: ctx.timeoutMs,
    });
  },
};
