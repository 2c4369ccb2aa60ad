import { CronExpressionParser } from "cron-parser";
import { DateTime } from "luxon";
import { fail, ok, type Result } from "../core/errors";
import { WEEKDAYS, type Nth, type Recurrence, type Weekday } from "../schedule/schedule";

/** German and English weekday names and abbreviations. */
const WEEKDAY_ALIASES: Readonly<Record<string, Weekday>> = {
  mo: "mon",
  montag: "mon",
  monday: "mon",
  di: "tue",
  dienstag: "tue",
  tuesday: "tue",
  mi: "wed",
  mittwoch: "wed",
  wednesday: "wed",
  do: "thu",
  donnerstag: "thu",
  thursday: "thu",
  fr: "fri",
  freitag: "fri",
  friday: "fri",
  sa: "sat",
  samstag: "sat",
  saturday: "sat",
  so: "sun",
  sonntag: "sun",
  sunday: "sun",
};

export const ORDINALS: Readonly<Record<string, Nth>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: -1,
  erster: 1,
  zweiter: 2,
  dritter: 3,
  vierter: 4,
  letzter: -1,
};

/** A 24-hour `H:MM`/`HH:MM` time, normalized to `HH:MM`. */
export function parseTime(raw: string | undefined, example: string): Result<string> {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw ?? "");
  return m
    ? ok(`${(m[1] ?? "").padStart(2, "0")}:${m[2] ?? ""}`)
    : fail("meeting.error.time", { value: raw ?? "", example });
}

export function parseWeekday(raw: string | undefined, example: string): Result<Weekday> {
  const lower = (raw ?? "").toLowerCase();
  const weekday = WEEKDAYS.find((w) => w === lower) ?? WEEKDAY_ALIASES[lower];
  return weekday ? ok(weekday) : fail("meeting.error.weekday", { value: raw ?? "", example });
}

/** `90m`, `1h`, `1h30m`, `2d` -> minutes (> 0). */
export function parseDuration(raw: string | undefined): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?$/.exec((raw ?? "").toLowerCase());
  if (!m || !raw) return undefined;
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return minutes > 0 ? minutes : undefined;
}

/** The local date `yyyy-MM-dd`, not before today in `zone`. */
export function parseFutureDate(
  raw: string | undefined,
  zone: string,
  now: Date,
  example: string,
): Result<string> {
  const date = DateTime.fromISO(raw ?? "", { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw ?? "") || !date.isValid) {
    return fail("meeting.error.date", { value: raw ?? "", example });
  }
  const today = DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
  return (raw ?? "") < today ? fail("meeting.error.past", { value: raw ?? "", example }) : ok(raw ?? "");
}

/**
 * Checks a 5-field cron expression (evaluated in the schedule's zone). Rules firing more than
 * once a day are refused: occurrences are keyed per local date-time and reminders, catch-up
 * and check-in rounds are built for at most one occurrence a day.
 */
export function parseCron(raw: string | undefined, example: string): Result<Recurrence> {
  const expression = (raw ?? "").trim().replace(/\s+/g, " ");
  let fields;
  try {
    if (expression.split(" ").length !== 5) throw new Error("five fields");
    const parsed = CronExpressionParser.parse(`0 ${expression}`, { strict: true, tz: "UTC" });
    parsed.next();
    fields = parsed.fields;
  } catch {
    return fail("meeting.error.cron", { value: raw ?? "", example });
  }
  if (fields.minute.values.length > 1 || fields.hour.values.length > 1) {
    return fail("meeting.error.cronFrequent", { value: raw ?? "", example });
  }
  return ok({ kind: "cron", expression });
}

/** Lead times as typed in the grammar (`1d,15m`), for lists and edit hints. */
export function formatLeadsShort(minutes: readonly number[]): string {
  return minutes
    .map((m) => (m % 1440 === 0 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`))
    .join(",");
}
