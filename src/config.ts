import { join } from "node:path";
import { z } from "zod";
import { envList, envString, parseEnv } from "./core/env";
import { LANGS } from "./i18n";
import type { ReminderShift } from "./schedule/holidays";

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
  COPBOT_REMINDER_SHIFT: z.enum(["workdays", "weekends", "off"]).default("workdays"),
  COPBOT_HOLIDAY_REGION: z
    .string()
    .regex(/^DE(-[A-Z]{2})?$/, "DE or a Bundesland such as DE-BY")
    .default("DE"),
  COPBOT_INTROS_REPEAT_WEEKS: z.coerce.number().int().min(0).max(520).default(26),
  COPBOT_EXPORT_DIR: envString,
  COPBOT_EXPORT_LICENCE: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)"),
  COPBOT_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
  COPBOT_CALL_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  COPBOT_HEALTH_PORT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .union([z.literal("off"), z.coerce.number().int().min(0).max(65535)], {
        message: "a port number (0: any free port) or off",
      })
      .optional(),
  ),
  COPBOT_OUTBOX_RETENTION_DAYS: retainDays(30),
  COPBOT_OUTBOX_TEXT_RETENTION_DAYS: retainDays(7),
  COPBOT_CHECKIN_ANSWERS_RETENTION_DAYS: retainDays(180),
  COPBOT_OPEN_QUESTIONS_RETENTION_DAYS: retainDays(180),
  COPBOT_AUDIT_RETENTION_DAYS: retainDays(365),
  COPBOT_EVENTS_RETENTION_DAYS: retainDays(7),
  COPBOT_JOBS_RETENTION_DAYS: retainDays(30),
  COPBOT_LEDGER_RETENTION_DAYS: z.coerce
    .number()
    .int("a whole number of days")
    .min(30, "at least 30 days")
    .max(3650, "at most 3650 days")
    .default(400),
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
  /**
   * Where a reminder that falls on a day off goes: to the previous working day (`workdays`:
   * weekends and public holidays; `weekends`: weekends only), or nowhere (`off`).
   */
  readonly reminderShift: ReminderShift;
  readonly meetings: { readonly graceMinutes: number };
  /**
   * How many days data is kept (`COPBOT_*_RETENTION_DAYS`) before the retention jobs delete it
   * (docs/datenschutz.md).
   */
  readonly retention: {
    /** Delivered outbox items (updates and thread replies need their reference). */
    readonly outboxDays: number;
    /** Delivered outbox items lose their text and recipient (the reference to the post stays). */
    readonly outboxTextDays: number;
    readonly checkinAnswersDays: number;
    /** Questions nobody solved. */
    readonly openQuestionsDays: number;
    readonly auditDays: number;
    /** Ids of handled inbound events (to drop platform retries and replays). */
    readonly eventsDays: number;
    /** Finished jobs (sent reminders, escalations, cancelled follow-ups). */
    readonly jobsDays: number;
    /** What the schedule ledger recorded for a date (an RSVP on an older reminder is still counted). */
    readonly ledgerDays: number;
  };
  /**
   * The community's public holidays: they move introduction rounds and the weekly digest to the
   * next working day, reminders to the previous one, and escalation does not count them.
   */
  readonly holidayRegion: string;
  /** Two members are not introduced again within this many weeks. */
  readonly intros: { readonly repeatWeeks: number };
  /** Where `/cop export knowledge` writes the site, and the licence line on every page. */
  readonly knowledgeExport: { readonly dir: string; readonly licence: string };
  /** How long any call to a platform may take before it counts as failed (and is retried). */
  readonly callTimeoutMs: number;
  /** `COPBOT_HEALTH_PORT` as set (see `healthPort`). */
  readonly healthPort: number | "off" | undefined;
}

/** The operations server's port when a chat platform runs and `COPBOT_HEALTH_PORT` is not set. */
export const DEFAULT_HEALTH_PORT = 8081;

/**
 * Where `/healthz` and `/readyz` listen: the port set, 8081 by default when a chat platform
 * runs, none in the console unless set (or when set to `off`).
 */
export function healthPort(config: Config, platforms: boolean): number | undefined {
  if (config.healthPort === "off") return undefined;
  return config.healthPort ?? (platforms ? DEFAULT_HEALTH_PORT : undefined);
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
    reminderShift: e.COPBOT_REMINDER_SHIFT,
    meetings: { graceMinutes: e.COPBOT_GRACE_MINUTES },
    retention: {
      outboxDays: e.COPBOT_OUTBOX_RETENTION_DAYS,
      outboxTextDays: e.COPBOT_OUTBOX_TEXT_RETENTION_DAYS,
      checkinAnswersDays: e.COPBOT_CHECKIN_ANSWERS_RETENTION_DAYS,
      openQuestionsDays: e.COPBOT_OPEN_QUESTIONS_RETENTION_DAYS,
      auditDays: e.COPBOT_AUDIT_RETENTION_DAYS,
      eventsDays: e.COPBOT_EVENTS_RETENTION_DAYS,
      jobsDays: e.COPBOT_JOBS_RETENTION_DAYS,
      ledgerDays: e.COPBOT_LEDGER_RETENTION_DAYS,
    },
    holidayRegion: e.COPBOT_HOLIDAY_REGION,
    intros: { repeatWeeks: e.COPBOT_INTROS_REPEAT_WEEKS },
    knowledgeExport: {
      dir: e.COPBOT_EXPORT_DIR ?? join(e.COPBOT_DATA_DIR, "knowledge"),
      licence: e.COPBOT_EXPORT_LICENCE,
    },
    callTimeoutMs: Math.round(e.COPBOT_CALL_TIMEOUT_SECONDS * 1000),
    healthPort: e.COPBOT_HEALTH_PORT,
  };
}
