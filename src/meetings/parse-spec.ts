import { DateTime } from "luxon";
import { fail, ok, type Result } from "../core/errors";
import { de } from "../i18n";
import { isHolidayRegion } from "../schedule/holidays";
import { canonicalZone, isValidZone } from "../schedule/local-time";
import { ORDINALS, parseCron, parseDuration, parseFutureDate, parseTime, parseWeekday } from "./parse-fields";
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

/** Reads the recurrence at the head of `tokens`; returns it and how many tokens it used. */
function parseRecurrence(
  tokens: readonly string[],
  example: string,
): Step<{ recurrence: Recurrence; used: number }> {
  const [head = "", a, b, c, d] = tokens.map((x) => x.toLowerCase());
  const at = (raw: string | undefined, build: (time: string) => Recurrence, used: number) => {
    const time = parseTime(raw, example);
    return time.ok ? ok({ recurrence: build(time.value), used }) : time;
  };
  if (head === "weekly" || head === "wöchentlich") {
    const wd = parseWeekday(a, example);
    return wd.ok ? at(b, (time) => ({ kind: "weekly", weekday: wd.value, interval: 1, time }), 3) : wd;
  }
  if (head === "every" || head === "alle") {
    const n = Number(a);
    if (!Number.isInteger(n) || n < 1 || n > 52 || !/^(weeks?|wochen?)$/.test(b ?? "")) {
      return fail("meeting.error.interval", { value: tokens.slice(0, 3).join(" "), example });
    }
    const wd = parseWeekday(c, example);
    return wd.ok ? at(d, (time) => ({ kind: "weekly", weekday: wd.value, interval: n, time }), 5) : wd;
  }
  if (head === "monthly" || head === "monatlich") {
    if (/^\d+$/.test(a ?? "")) {
      const day = Number(a);
      if (day < 1 || day > 31) return fail("meeting.error.monthDay", { value: a ?? "", example });
      return at(b, (time) => ({ kind: "monthly-day", day, time }), 3);
    }
    const nth = ORDINALS[a ?? ""];
    if (nth === undefined) return fail("meeting.error.ordinal", { value: a ?? "", example });
    const wd = parseWeekday(b, example);
    return wd.ok ? at(c, (time) => ({ kind: "monthly-weekday", nth, weekday: wd.value, time }), 4) : wd;
  }
  if (head === "cron") {
    const cron = parseCron(tokens[1], example);
    return cron.ok ? ok({ recurrence: cron.value, used: 2 }) : cron;
  }
  return fail("meeting.error.recurrence", { value: tokens[0] ?? "", example });
}

/**
 * Parses the tokens of `meeting add|edit` / `checkin add|edit` (quotes already removed). For
 * `add` the first token is the title and a recurrence must follow; `edit` takes options only
 * (`title`, a recurrence, `tz` …). Dates are checked against `now`. Errors show `example`
 * (by default the `add` line of `kind`).
 */
export function parseSpec(
  tokens: readonly string[],
  kind: SpecKind,
  mode: "add" | "edit",
  now: Date,
  example: string = EXAMPLES[kind],
): Step<SpecParts> {
  const parts: SpecParts = {};
  let rest = tokens;
  if (mode === "add") {
    const title = (tokens[0] ?? "").trim();
    if (!title || tokens.length < 2) return fail("meeting.error.title", { example });
    if (title.length > MAX_TITLE) return fail("meeting.error.titleLong", { max: MAX_TITLE, example });
    parts.title = title;
    const rec = parseRecurrence(tokens.slice(1), example);
    if (!rec.ok) return rec;
    parts.recurrence = rec.value.recurrence;
    rest = tokens.slice(1 + rec.value.used);
  }
  let fromRaw: string | undefined;
  while (rest.length > 0) {
    const [word = "", value] = rest;
    const option = parseOption(word.toLowerCase(), value, rest, kind, parts, example);
    if (option === "recurrence") {
      const rec = parseRecurrence(rest, example);
      if (!rec.ok) return rec;
      parts.recurrence = rec.value.recurrence;
      rest = rest.slice(rec.value.used);
      continue;
    }
    if (!option.ok) return option;
    if (word.toLowerCase() === "from" || word.toLowerCase() === "ab") fromRaw = value;
    rest = rest.slice(option.value);
  }
  if (fromRaw !== undefined) {
    const zone = parts.zone ?? DEFAULT_ZONE;
    const today = DateTime.fromJSDate(now, { zone }).toISODate() ?? "";
    const start = parseFutureDate(fromRaw, zone, now, `${example} from ${today}`);
    if (!start.ok) return start;
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
): Step<number> | "recurrence" {
  const bad = (key: Parameters<typeof fail>[0]) => fail(key, { value: value ?? "", example });
  const off = NONE.has((value ?? "").toLowerCase());
  if (kind === "checkin" && MEETING_ONLY.has(word)) {
    return fail("checkin.error.meetingOnly", { value: word, example });
  }
  switch (word) {
    case "weekly":
    case "wöchentlich":
    case "every":
    case "alle":
    case "monthly":
    case "monatlich":
    case "cron":
      return "recurrence";
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
      return value ? ok(2) : bad("meeting.error.date");
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
