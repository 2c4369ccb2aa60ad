import { z } from "zod";
import { envList, parseEnv } from "./core/env";
import { LANGS } from "./i18n";

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Days something is kept: a whole number from 1 to 10 years. */
const retainDays = (fallback: number) =>
  z.coerce
    .number()
    .int("a whole number of days")
    .min(1, "at least 1 day")
    .max(3650, "at most 3650 days")
    .default(fallback);

/**
 * The core's environment variables; each platform's come from its descriptor. `.env.example`
 * documents every one.
 */
const EnvSchema = z.object({
  COPBOT_DB: z.string().min(1).default("./data/copbot.db"),
  COPBOT_DATA_DIR: z.string().min(1).default("./data"),
  COPBOT_LANG: z.enum(LANGS).default("de"),
  COPBOT_TIMEZONE: z
    .string()
    .refine(isZone, "an IANA time zone such as Europe/Berlin")
    .default("Europe/Berlin"),
  COPBOT_ADMINS: envList,
  COPBOT_CLOCK: z.enum(["system", "virtual"]).default("system"),
  COPBOT_START: z.iso.datetime({ offset: true, local: true }).optional(),
  COPBOT_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  COPBOT_QA_ESCALATE_HOURS: z.coerce.number().positive().max(720).default(24),
  COPBOT_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
  COPBOT_RETAIN_OUTBOX_BODIES_DAYS: retainDays(7),
  COPBOT_RETAIN_CHECKIN_ANSWERS_DAYS: retainDays(180),
  COPBOT_RETAIN_OPEN_QUESTIONS_DAYS: retainDays(180),
  COPBOT_RETAIN_AUDIT_DAYS: retainDays(365),
  COPBOT_RETAIN_EVENTS_DAYS: retainDays(7),
});

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
  /** How many days data is kept before the daily retention job deletes it (docs/datenschutz.md). */
  readonly retention: {
    /** Delivered outbox messages lose their text (the reference to the posted message stays). */
    readonly outboxBodiesDays: number;
    readonly checkinAnswersDays: number;
    /** Questions nobody solved. */
    readonly openQuestionsDays: number;
    readonly auditDays: number;
    /** Ids of handled inbound events (to drop platform retries and replays). */
    readonly eventsDays: number;
  };
}

/**
 * Parses the environment. Throws a `ConfigError` with one line that names the variable and
 * what is allowed, so start-up stops with a message an operator can act on.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const e = parseEnv(EnvSchema, env);
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
    retention: {
      outboxBodiesDays: e.COPBOT_RETAIN_OUTBOX_BODIES_DAYS,
      checkinAnswersDays: e.COPBOT_RETAIN_CHECKIN_ANSWERS_DAYS,
      openQuestionsDays: e.COPBOT_RETAIN_OPEN_QUESTIONS_DAYS,
      auditDays: e.COPBOT_RETAIN_AUDIT_DAYS,
      eventsDays: e.COPBOT_RETAIN_EVENTS_DAYS,
    },
  };
}
