import { z } from "zod";
import { envPort, envString, parseEnv } from "../../src/core/env";
import { ConfigError } from "../../src/core/errors";

export interface SlackConfig {
  readonly botToken: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly port: number;
  readonly apiUrl?: string;
  /** Whether Slack workspace owners and admins count as copbot moderators (default true). */
  readonly adminsModerate?: boolean;
}

/** The `SLACK_*` variables; `.env.example` documents each one. */
const SlackEnv = z.object({
  SLACK_BOT_TOKEN: envString.refine(
    (v) => v === undefined || v.startsWith("xoxb-"),
    "a bot token starting with xoxb-",
  ),
  SLACK_APP_TOKEN: envString.refine(
    (v) => v === undefined || v.startsWith("xapp-"),
    "an app token starting with xapp-",
  ),
  SLACK_SIGNING_SECRET: envString,
  SLACK_PORT: envPort.default(3000),
  SLACK_API_URL: z.url().optional(),
  SLACK_ADMINS_MODERATE: z.enum(["true", "false"], { message: "true or false" }).default("true"),
});

/** Slack's settings, or undefined without `SLACK_BOT_TOKEN`; a `ConfigError` names what is missing. */
export function slackConfigFromEnv(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  const e = parseEnv(SlackEnv, env);
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      "SLACK_APP_TOKEN: needed for Socket Mode (or set SLACK_SIGNING_SECRET for HTTP mode)",
    );
  }
  if ((e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) && !e.SLACK_BOT_TOKEN) {
    throw new ConfigError("SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set");
  }
  if (!e.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    port: e.SLACK_PORT,
    adminsModerate: e.SLACK_ADMINS_MODERATE === "true",
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
  };
}
