import { WEEKDAYS, type Recurrence, type Weekday } from "../schedule";
import { checkCron } from "./cron";
import { problem, resolved, type DateProblem, type ParseOptions, type Parsed } from "./errors";
import { ruleInWords } from "./explain";
import { RuleScanner, type ScannedRule } from "./rule-scan";
import { normalizeWord } from "./words";

/** A recurrence read from tokens, and how many tokens it took. */
export interface RecurrenceRead {
  readonly recurrence: Recurrence;
  readonly used: number;
}

const WORKWEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

/** Cron's day-of-week field for these days: runs of three or more as ranges (`1-5`, `1,4`). */
function cronDays(days: readonly Weekday[]): string {
  const numbers = days.map((day) => WEEKDAYS.indexOf(day) + 1);
  const runs: number[][] = [];
  for (const n of numbers) {
    const run = runs.at(-1);
    if (run && run.at(-1) === n - 1) run.push(n);
    else runs.push([n]);
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${run[0]}-${run.at(-1)}`] : run.map(String))).join(",");
}

function timeOf(recurrence: Recurrence | undefined): string | undefined {
  return recurrence && recurrence.kind !== "cron" ? recurrence.time : undefined;
}

/**
 * Reads a recurrence at `tokens[at]` and returns it with the number of tokens it took; the
 * words after it (options such as `in #kanal`) are left alone. Accepted, in German and English,
 * in any order of its parts:
 * - weekly: `jeden Montag 10 Uhr`, `montags 10:00`, `every Monday 10am`, `weekly mon 10:00`,
 *   `Montag 10 Uhr` (a weekday in a rule repeats);
 * - every n weeks: `alle 2 Wochen Montag 10 Uhr`, `alle 14 Tage`, `jeden zweiten Montag`,
 *   `every other Monday`, `every 2 weeks mon 10:00`, `zweiwöchentlich`, `biweekly`;
 * - the nth weekday of the month: `monatlich am ersten Dienstag 10 Uhr`, `jeden letzten Freitag`,
 *   `am 1. Montag im Monat`, `monthly on the first Tuesday at 10:00`, `monthly first tue 10:00`;
 * - a day of the month: `monatlich am 15. 10 Uhr`, `am 15. jeden Monats`, `monthly 15 10:00`;
 * - several weekdays (stored as a cron rule): `werktags 9 Uhr`, `Mo-Fr 9 Uhr`,
 *   `Mo und Do 14 Uhr`, `weekdays 9am`;
 * - `cron "0 10 * * 1"` (at most once a day).
 * Ambiguity rules: `jeden zweiten/dritten/vierten Montag` is every 2/3/4 weeks, but with
 * `im Monat` (or `monatlich`) the 2nd/3rd/4th Monday of the month; `jeden ersten/letzten
 * Montag` is always monthly. Counts of weeks are digits (`alle 2 Wochen`, not `alle zwei`).
 *
 * `base` is the rule being edited: parts left out are taken from it, so `alle 3 Wochen` or
 * `um 11 Uhr` change only the interval or the time of a weekly series.
 */
export function readRecurrenceAt(
  tokens: readonly string[],
  at: number,
  options: ParseOptions,
  base?: Recurrence,
): Parsed<RecurrenceRead> {
  const fail = (code: DateProblem, value: string, understood = "") =>
    problem(code, value, understood, options, "recurrence");
  if (normalizeWord(tokens[at] ?? "") === "cron") {
    const raw = tokens[at + 1] ?? "";
    const cron = checkCron(raw);
    if (!cron.ok) return fail(cron.frequent ? "cronFrequent" : "cron", raw);
    return { ok: true, value: { recurrence: { kind: "cron", expression: cron.expression }, used: 2 } };
  }
  const scanner = new RuleScanner(tokens);
  const end = scanner.scan(at);
  const rule = scanner.rule;
  const understood = ruleInWords(rule, resolved(options).lang);
  if (typeof end !== "number") return fail(end.problem, end.value, understood);
  const built = build(rule, base);
  if (built.ok) return { ok: true, value: { recurrence: built.recurrence, used: end - at } };
  const stop = tokens[end] ?? "";
  const value =
    built.problem === "combination" || (built.problem === "recurrence" && stop === "")
      ? tokens.slice(at, end).join(" ")
      : stop;
  return fail(built.problem, value, understood);
}

type Built = { ok: true; recurrence: Recurrence } | { ok: false; problem: DateProblem };

/** Turns the scanned parts (and the edited rule's, for what is missing) into one recurrence. */
function build(scanned: ScannedRule, base: Recurrence | undefined): Built {
  const rule = { ...scanned, weekdays: [...new Set(scanned.weekdays)] };
  rule.weekdays.sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
  const hasRule =
    rule.every ||
    rule.monthly ||
    rule.workdays ||
    rule.weekdays.length > 0 ||
    rule.nth !== undefined ||
    rule.monthDay !== undefined ||
    rule.interval !== undefined;
  if (!hasRule) {
    if (base && base.kind !== "cron" && rule.time !== undefined) {
      return { ok: true, recurrence: { ...base, time: rule.time } };
    }
    return { ok: false, problem: "recurrence" };
  }
  // `jeden zweiten Montag` without a month is every other Monday.
  if (rule.nth !== undefined && rule.nth > 1 && rule.every && !rule.monthly && rule.interval === undefined) {
    rule.interval = rule.nth;
    rule.nth = undefined;
  }
  if (rule.workdays) {
    if (rule.weekdays.length > 0) return { ok: false, problem: "combination" };
    rule.weekdays = [...WORKWEEK];
  }
  const monthly = rule.monthly || rule.nth !== undefined || rule.monthDay !== undefined;
  return monthly ? buildMonthly(rule, base) : buildWeekly(rule, base);
}

function buildMonthly(rule: ScannedRule, base: Recurrence | undefined): Built {
  const combination = { ok: false, problem: "combination" } as const;
  if (rule.interval !== undefined || rule.workdays || rule.weekdays.length > 1) return combination;
  if (rule.nth !== undefined && rule.monthDay !== undefined) return combination;
  const time = rule.time ?? timeOf(base);
  const [weekday] = rule.weekdays;
  const fallback = base?.kind === "monthly-weekday" || base?.kind === "monthly-day" ? base : undefined;
  if (rule.nth !== undefined && weekday === undefined) return { ok: false, problem: "weekday" };
  if (rule.nth === undefined && rule.monthDay === undefined && !fallback)
    return { ok: false, problem: "ordinal" };
  if (time === undefined) return { ok: false, problem: "time" };
  if (rule.nth !== undefined && weekday !== undefined) {
    return { ok: true, recurrence: { kind: "monthly-weekday", nth: rule.nth, weekday, time } };
  }
  if (rule.monthDay !== undefined)
    return { ok: true, recurrence: { kind: "monthly-day", day: rule.monthDay, time } };
  return fallback ? { ok: true, recurrence: { ...fallback, time } } : { ok: false, problem: "ordinal" };
}

function buildWeekly(rule: ScannedRule, base: Recurrence | undefined): Built {
  const time = rule.time ?? timeOf(base);
  if (rule.weekdays.length > 1) {
    if (rule.interval !== undefined && rule.interval > 1) return { ok: false, problem: "combination" };
    if (time === undefined) return { ok: false, problem: "time" };
    const [hour, minute] = time.split(":").map(Number);
    return {
      ok: true,
      recurrence: { kind: "cron", expression: `${minute} ${hour} * * ${cronDays(rule.weekdays)}` },
    };
  }
  const weekday = rule.weekdays[0] ?? (base?.kind === "weekly" ? base.weekday : undefined);
  if (weekday === undefined) return { ok: false, problem: "weekday" };
  if (time === undefined) return { ok: false, problem: "time" };
  const keepInterval = rule.weekdays.length === 0 && !rule.every && base?.kind === "weekly";
  const interval = rule.interval ?? (keepInterval ? base.interval : 1);
  return { ok: true, recurrence: { kind: "weekly", weekday, interval, time } };
}

/** True when a recurrence starts at `tokens[at]` (for option lists that also take a rule). */
export function recurrenceAhead(tokens: readonly string[], at: number): boolean {
  if (normalizeWord(tokens[at] ?? "") === "cron") return true;
  const scanner = new RuleScanner(tokens);
  const end = scanner.scan(at);
  return typeof end !== "number" || end > at;
}
