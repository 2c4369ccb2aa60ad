import { DateTime } from "luxon";
import { fail, ok, UserError, type Result } from "../core/errors";
import { de, type Lang, type MessageKey } from "../i18n";
import { parseFutureDate, readDate, readRecurrenceAt, recurrenceAhead } from "../schedule/natural";
import type { DateInputError, DateProblem } from "../schedule/natural";
import { isHolidayRegion } from "../schedule/holidays";
import { canonicalZone, isValidZone } from "../schedule/local-time";
import { parseDuration } from "./parse-fields";
import { DEFAULT_ZONE, type HolidayRule, type Recurrence } from "../schedule/schedule";

type Step<T> = Result<T>;

const MAX_TITLE = 120;

/** Everything `meeting add` / `checkin add` / `… edit` can say; absent parts keep their default. */
export interface SpecParts {
  title?: string;
  recurrence?: Recurrence;
  zone?: string;
  start?: string;
  holidays?: HolidayRule | null;
  durationMinutes?: number;
  remindMinutes?: number[];
  link?: string | null;
  channelRef?: string;
  questions?: string[];
  deadlineMinutes?: number;
}

export type SpecKind = "meeting" | "checkin";

/** Words that switch an option off (`link none`, `holidays keine`, `remind -`). */
const NONE = new Set(["none", "keine", "off", "aus", "-"]);

/** Options that only a meeting has: check-ins ask by DM and have a deadline instead. */
const MEETING_ONLY = new Set(["duration", "dauer", "remind", "erinnern", "link"]);

/**
 * Complete examples shown with every parse error, so the user sees a working line. They are the
 * German help examples (one text to maintain); parse errors do not know the reader's language.
 */
export const EXAMPLES: Readonly<Record<SpecKind, string>> = {
  meeting: de["meeting.add.example"],
  checkin: de["checkin.add.example"],
};

/**
 * The meeting grammar's own messages for the date parser's problems: they show the command's
 * example line. Problems without one here keep the parser's message.
 */
const MEETING_ERRORS: Partial<Record<DateProblem, MessageKey>> = {
  date: "meeting.error.date",
  past: "meeting.error.past",
  time: "meeting.error.time",
  weekday: "meeting.error.weekday",
  interval: "meeting.error.interval",
  monthDay: "meeting.error.monthDay",
  ordinal: "meeting.error.ordinal",
  recurrence: "meeting.error.recurrence",
  cron: "meeting.error.cron",
  cronFrequent: "meeting.error.cronFrequent",
};

/** A date-parser error as the meeting commands word it (same parameters, their message). */
export function meetingError(error: DateInputError): { ok: false; error: UserError } {
  const key = MEETING_ERRORS[error.problem];
  return { ok: false, error: key ? new UserError(key, error.params) : error };
}

/** What the parse may use besides the tokens. */
export interface SpecContext {
  /** The rule being edited: a partial rule (`alle 3 Wochen`, `um 11 Uhr`) keeps the rest. */
  readonly base?: Recurrence;
  /** The reader's language, for the part of an error that says what was understood. */
  readonly lang?: Lang;
}

/**
 * Parses the tokens of `meeting add|edit` / `checkin add|edit` (quotes already removed). For
 * `add` the first token is the title and a recurrence must follow; `edit` takes options only
 * (`title`, a recurrence, `tz` …). Recurrences and the `from` date are read by the one date
 * parser (`src/schedule/natural`), so `jeden Montag 10 Uhr` and `ab 7.6.2027` work here as
 * everywhere. Dates are checked against `now`. Errors show `example` (by default the `add`
 * line of `kind`).
 */
export function parseSpec(
  tokens: readonly string[],
  kind: SpecKind,
  mode: "add" | "edit",
  now: Date,
  example: string = EXAMPLES[kind],
  context: SpecContext = {},
): Step<SpecParts> {
  const parts: SpecParts = {};
  const natural = { now, example, ...(context.lang ? { lang: context.lang } : {}) };
  const readRule = (from: readonly string[]) => {
    const read = readRecurrenceAt(from, 0, natural, context.base);
    return read.ok ? read : meetingError(read.error);
  };
  let rest = tokens;
  if (mode === "add") {
    const title = (tokens[0] ?? "").trim();
    if (!title && tokens.length > 1) return fail("meeting.error.titleEmpty", { example });
    if (!title || tokens.length < 2) return fail("meeting.error.title", { example });
    if (title.length > MAX_TITLE) return fail("meeting.error.titleLong", { max: MAX_TITLE, example });
    parts.title = title;
    const rec = readRule(tokens.slice(1));
    if (!rec.ok) return rec;
    parts.recurrence = rec.value.recurrence;
    rest = tokens.slice(1 + rec.value.used);
  }
  let from: string | undefined;
  while (rest.length > 0) {
    if (recurrenceAhead(rest, 0)) {
      const rec = readRule(rest);
      if (!rec.ok) return rec;
      parts.recurrence = rec.value.recurrence;
      rest = rest.slice(rec.value.used);
      continue;
    }
    const [word = "", value] = rest;
    const option = parseOption(word.toLowerCase(), value, rest, kind, parts, example);
    if (!option.ok) return option;
    if (word.toLowerCase() === "from" || word.toLowerCase() === "ab") {
      // The date may take several words (`ab nächsten Montag`); its zone may come later.
      const date = readDate(rest, 1, natural);
      const used = date.ok ? date.value.used : 1;
      from = rest.slice(1, 1 + used).join(" ");
      rest = rest.slice(1 + used);
      continue;
    }
    rest = rest.slice(option.value);
  }
  if (from !== undefined) {
    const zone = parts.zone ?? DEFAULT_ZONE;
    const today = DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
    const start = parseFutureDate(from, { ...natural, zone, example: `${example} from ${today}` });
    if (!start.ok) return meetingError(start.error);
    parts.start = start.value;
  }
  return ok(parts);
}

/** Applies one `word value…` option to `parts`; returns how many tokens it used. */
function parseOption(
  word: string,
  value: string | undefined,
  rest: readonly string[],
  kind: SpecKind,
  parts: SpecParts,
  example: string,
): Step<number> {
  const bad = (key: Parameters<typeof fail>[0]) => fail(key, { value: value ?? "", example });
  const off = NONE.has((value ?? "").toLowerCase());
  if (kind === "checkin" && MEETING_ONLY.has(word)) {
    return fail("checkin.error.meetingOnly", { value: word, example });
  }
  switch (word) {
    case "title":
    case "titel":
      if (!value?.trim()) return bad("meeting.error.title");
      if (value.trim().length > MAX_TITLE)
        return fail("meeting.error.titleLong", { max: MAX_TITLE, example });
      parts.title = value.trim();
      return ok(2);
    case "in":
      if (!value) return bad("meeting.error.channel");
      parts.channelRef = value;
      return ok(2);
    case "tz":
    case "zone":
      if (!value || !isValidZone(value)) return bad("meeting.error.zone");
      parts.zone = canonicalZone(value);
      return ok(2);
    case "from":
    case "ab":
      return value ? ok(2) : fail("meeting.error.date", { value: "", understood: "", example });
    case "duration":
    case "dauer": {
      const minutes = parseDuration(value);
      if (minutes === undefined || minutes > 1440) return bad("meeting.error.duration");
      parts.durationMinutes = minutes;
      return ok(2);
    }
    case "remind":
    case "erinnern": {
      if (off) {
        parts.remindMinutes = [];
        return ok(2);
      }
      const leads = (value ?? "").split(",").map((x) => parseDuration(x.trim()));
      if (leads.length === 0 || leads.some((x) => x === undefined || x > 14 * 1440))
        return bad("meeting.error.remind");
      parts.remindMinutes = [...new Set(leads as number[])].sort((a, b) => b - a);
      return ok(2);
    }
    case "link":
      if (off) {
        parts.link = null;
        return ok(2);
      }
      if (!value || !/^https?:\/\/\S+$/i.test(value) || !URL.canParse(value))
        return bad("meeting.error.link");
      parts.link = value;
      return ok(2);
    case "holidays":
    case "feiertage": {
      if (off) {
        parts.holidays = null;
        return ok(2);
      }
      const region = (value ?? "").toUpperCase();
      if (!isHolidayRegion(region)) return bad("meeting.error.holidays");
      const rule = rest[2]?.toLowerCase();
      const explicit = rule === "skip" || rule === "move";
      parts.holidays = { region, rule: rule === "move" ? "move" : "skip" };
      return ok(explicit ? 3 : 2);
    }
    case "questions":
    case "fragen": {
      const questions = (value ?? "")
        .split("|")
        .map((q) => q.trim())
        .filter((q) => q.length > 0);
      if (kind !== "checkin") return fail("meeting.error.checkinOnly", { value: word, example });
      if (questions.length === 0 || questions.length > 10) return bad("meeting.error.questions");
      parts.questions = questions;
      return ok(2);
    }
    case "deadline":
    case "frist": {
      const minutes = parseDuration(value);
      if (kind !== "checkin") return fail("meeting.error.checkinOnly", { value: word, example });
      if (minutes === undefined || minutes > 7 * 1440) return bad("meeting.error.deadline");
      parts.deadlineMinutes = minutes;
      return ok(2);
    }
    default:
      return fail("meeting.error.option", { value: word, example });
  }
}
