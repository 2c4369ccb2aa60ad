import { z } from "zod";
import { ConfigError } from "./core/errors";
import { LANGS } from "./i18n";

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === "" ? undefined : s));

const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const port = z.coerce.number().int().min(1).max(65535);

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every environment variable copbot reads; `.env.example` documents each one. */
const EnvSchema = z.object({
  COPBOT_DB: z.string().min(1).default("./data/copbot.db"),
  COPBOT_DATA_DIR: z.string().min(1).default("./data"),
  COPBOT_LANG: z.enum(LANGS).default("de"),
  COPBOT_TIMEZONE: z
    .string()
    .refine(isZone, "an IANA time zone such as Europe/Berlin")
    .default("Europe/Berlin"),
  COPBOT_ADMINS: list,
  COPBOT_CLOCK: z.enum(["system", "virtual"]).default("system"),
  COPBOT_START: z.iso.datetime({ offset: true, local: true }).optional(),
  COPBOT_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  COPBOT_QA_ESCALATE_HOURS: z.coerce.number().positive().max(720).default(24),
  COPBOT_OUTBOX_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  COPBOT_HEALTH_PORT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .union([z.literal("off"), z.coerce.number().int().min(0).max(65535)], {
        message: "a port number (0: any free port) or off",
      })
      .optional(),
  ),
  COPBOT_CALL_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  COPBOT_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
  SLACK_BOT_TOKEN: optionalString.refine(
    (v) => v === undefined || v.startsWith("xoxb-"),
    "a bot token starting with xoxb-",
  ),
  SLACK_APP_TOKEN: optionalString.refine(
    (v) => v === undefined || v.startsWith("xapp-"),
    "an app token starting with xapp-",
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: port.default(3000),
  SLACK_API_URL: z.url().optional(),
  SLACK_ADMINS_MODERATE: z.enum(["true", "false"], { message: "true or false" }).default("true"),
  MATRIX_HOMESERVER_URL: z.url().optional(),
  MATRIX_ACCESS_TOKEN: optionalString,
  MATRIX_USER_ID: optionalString.refine(
    (v) => v === undefined || /^@[^:]+:.+$/.test(v),
    "a Matrix user id like @copbot:example.org",
  ),
  MATRIX_PASSWORD: optionalString,
  MATRIX_SPACE_ID: optionalString,
  MATRIX_COMMUNITY_ROOM_ID: optionalString,
  MATRIX_AUTOJOIN: list,
});

export interface SlackConfig {
  readonly botToken: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  readonly port: number;
  readonly apiUrl?: string;
  /** Whether Slack workspace owners and admins count as copbot moderators (default true). */
  readonly adminsModerate?: boolean;
}

export interface MatrixConfig {
  readonly homeserverUrl: string;
  readonly accessToken?: string;
  readonly userId?: string;
  readonly password?: string;
  readonly spaceId?: string;
  readonly communityRoomId?: string;
  readonly autojoin: readonly string[];
}

export interface Config {
  readonly dbPath: string;
  readonly dataDir: string;
  readonly lang: (typeof LANGS)[number];
  readonly timeZone: string;
  readonly admins: readonly string[];
  readonly clock: { readonly kind: "system" } | { readonly kind: "virtual"; readonly start: Date };
  readonly logLevel: string;
  readonly qa: { readonly escalateAfterHours: number };
  readonly meetings: { readonly graceMinutes: number };
  /** Delivered outbox items are kept this long (updates and thread replies need their reference). */
  readonly outbox: { readonly retentionDays: number };
  /**
   * Port of the operations server (`/healthz`, `/readyz`); undefined: off. On by default (8081)
   * when a platform runs, off in the console unless set.
   */
  readonly healthPort?: number;
  /** How long any call to a platform may take before it counts as failed (and is retried). */
  readonly callTimeoutMs: number;
  readonly slack?: SlackConfig;
  readonly matrix?: MatrixConfig;
}

/** The default operations port when a platform runs. */
export const DEFAULT_HEALTH_PORT = 8081;

function healthPort(value: number | "off" | undefined, platforms: boolean): { healthPort?: number } {
  if (value === "off") return {};
  if (value !== undefined) return { healthPort: value };
  return platforms ? { healthPort: DEFAULT_HEALTH_PORT } : {};
}

/**
 * Parses the environment. Throws a `ConfigError` with one line that names the variable and
 * what is allowed, so start-up stops with a message an operator can act on.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`${name}: ${issue?.message ?? "invalid"} (got "${String(env[name] ?? "")}")`);
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      "SLACK_APP_TOKEN: needed for Socket Mode (or set SLACK_SIGNING_SECRET for HTTP mode)",
    );
  }
  if ((e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) && !e.SLACK_BOT_TOKEN) {
    throw new ConfigError("SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set");
  }
  if (e.MATRIX_HOMESERVER_URL && !e.MATRIX_ACCESS_TOKEN && !(e.MATRIX_USER_ID && e.MATRIX_PASSWORD)) {
    throw new ConfigError(
      "MATRIX_ACCESS_TOKEN: required (or MATRIX_USER_ID and MATRIX_PASSWORD to log in once)",
    );
  }
  return {
    dbPath: e.COPBOT_DB,
    dataDir: e.COPBOT_DATA_DIR,
    lang: e.COPBOT_LANG,
    timeZone: e.COPBOT_TIMEZONE,
    admins: e.COPBOT_ADMINS,
    clock:
      e.COPBOT_CLOCK === "virtual"
        ? { kind: "virtual", start: e.COPBOT_START ? new Date(e.COPBOT_START) : new Date() }
        : { kind: "system" },
    logLevel: e.COPBOT_LOG_LEVEL,
    qa: { escalateAfterHours: e.COPBOT_QA_ESCALATE_HOURS },
    meetings: { graceMinutes: e.COPBOT_GRACE_MINUTES },
    outbox: { retentionDays: e.COPBOT_OUTBOX_RETENTION_DAYS },
    callTimeoutMs: Math.round(e.COPBOT_CALL_TIMEOUT_SECONDS * 1000),
    ...healthPort(e.COPBOT_HEALTH_PORT, Boolean(e.SLACK_BOT_TOKEN || e.MATRIX_HOMESERVER_URL)),
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            port: e.SLACK_PORT,
            adminsModerate: e.SLACK_ADMINS_MODERATE === "true",
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
          },
        }
      : {}),
    ...(e.MATRIX_HOMESERVER_URL
      ? {
          matrix: {
            homeserverUrl: e.MATRIX_HOMESERVER_URL,
            autojoin: e.MATRIX_AUTOJOIN,
            ...(e.MATRIX_ACCESS_TOKEN ? { accessToken: e.MATRIX_ACCESS_TOKEN } : {}),
            ...(e.MATRIX_USER_ID ? { userId: e.MATRIX_USER_ID } : {}),
            ...(e.MATRIX_PASSWORD ? { password: e.MATRIX_PASSWORD } : {}),
            ...(e.MATRIX_SPACE_ID ? { spaceId: e.MATRIX_SPACE_ID } : {}),
            ...(e.MATRIX_COMMUNITY_ROOM_ID ? { communityRoomId: e.MATRIX_COMMUNITY_ROOM_ID } : {}),
          },
        }
      : {}),
  };
}
