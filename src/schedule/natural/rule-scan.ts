import { WEEKDAYS, type Nth, type Weekday } from "../schedule";
import type { RuleParts } from "./explain";
import { readTimeAt } from "./time-of-day";
import {
  AND,
  FILLERS,
  looksOrdinal,
  normalizeWord,
  ordinalOf,
  weekdayOf,
  weekdayPluralOf,
  weekdayRangeOf,
} from "./words";

/** The parts of a rule as the scanner collects them. */
export interface ScannedRule extends RuleParts {
  every: boolean;
  interval?: number;
  weekdays: Weekday[];
  workdays: boolean;
  monthly: boolean;
  nth?: Nth;
  monthDay?: number;
  time?: string;
}

/** A part that looked like a rule but was wrong: which problem, and the words at fault. */
export interface ScanFault {
  readonly problem: "time" | "weekday" | "interval" | "monthDay" | "ordinal";
  readonly value: string;
}

const WEEKLY = new Set(["weekly", "wöchentlich"]);
const MONTHLY = new Set(["monthly", "monatlich"]);
const EVERY = new Set(["jeden", "jede", "jedes", "jeder", "every", "each", "alle"]);
const BIWEEKLY = new Set(["zweiwöchentlich", "vierzehntägig", "14-tägig", "biweekly", "fortnightly"]);
const WORKDAYS = new Set(["werktags", "wochentags", "werktäglich", "weekdays"]);
const WORKDAY = new Set(["werktag", "wochentag", "weekday"]);
const WEEKS = new Set(["woche", "wochen", "week", "weeks"]);
const DAYS = new Set(["tag", "tage", "tagen", "day", "days"]);
const THROUGH = new Set(["bis", "to", "-", "–"]);
/** Phrases that put a rule into the month: `im Monat`, `jeden Monats`, `of each month`. */
const MONTH_PHRASES: readonly (readonly string[])[] = [
  ["im", "monat"],
  ["des", "monats"],
  ["jeden", "monats"],
  ["jeden", "monat"],
  ["jedes", "monats"],
  ["eines", "monats"],
  ["pro", "monat"],
  ["of", "the", "month"],
  ["of", "each", "month"],
  ["of", "every", "month"],
  ["in", "the", "month"],
  ["each", "month"],
  ["every", "month"],
  ["per", "month"],
  ["a", "month"],
];
const DAY_NUMBER = /^(\d{1,3})(?:\.|st|nd|rd|th)?$/;

/** Reads the words of a recurrence from a position on; stops at the first word that is none. */
export class RuleScanner {
  readonly rule: ScannedRule = { every: false, weekdays: [], workdays: false, monthly: false };
  private readonly words: readonly string[];

  constructor(private readonly tokens: readonly string[]) {
    this.words = tokens.map(normalizeWord);
  }

  /** Scans from `at`; returns where the rule ends, or the fault that stopped it. */
  scan(at: number): number | ScanFault {
    let position = at;
    for (;;) {
      const next = this.step(position);
      if (typeof next !== "number") return next;
      if (next === position) return position;
      position = next;
    }
  }

  private word(at: number): string {
    return this.words[at] ?? "";
  }

  private isWeekday(at: number): boolean {
    const word = this.word(at);
    return (
      weekdayOf(word) !== undefined ||
      weekdayPluralOf(word) !== undefined ||
      weekdayRangeOf(word) !== undefined
    );
  }

  private monthPhrase(at: number): number {
    const phrase = MONTH_PHRASES.find((words) => words.every((word, i) => this.word(at + i) === word));
    return phrase?.length ?? 0;
  }

  /** One part of a rule at `at`: the position after it, `at` when there is none, or a fault. */
  private step(at: number): number | ScanFault {
    const rule = this.rule;
    const word = this.word(at);
    const phrase = this.monthPhrase(at);
    if (phrase > 0) {
      rule.monthly = true;
      return at + phrase;
    }
    const time = readTimeAt(this.tokens, at);
    if (time?.kind === "bad") return { problem: "time", value: time.value };
    if (time) {
      if (rule.time !== undefined) return at;
      rule.time = time.time;
      return at + time.used;
    }
    if (WEEKLY.has(word)) {
      rule.every = true;
      rule.interval ??= 1;
      return at + 1;
    }
    if (MONTHLY.has(word)) {
      rule.monthly = true;
      return at + 1;
    }
    if (BIWEEKLY.has(word)) {
      rule.every = true;
      rule.interval = 2;
      return at + 1;
    }
    if (WORKDAYS.has(word)) {
      rule.workdays = true;
      rule.every = true;
      return at + 1;
    }
    if (EVERY.has(word)) return this.every(at);
    if (this.isWeekday(at)) return this.weekday(at);
    if (AND.has(word) && this.isWeekday(at + 1)) return at + 1;
    if (THROUGH.has(word) && rule.weekdays.length > 0 && weekdayOf(this.word(at + 1))) {
      return this.through(at + 1);
    }
    const counted = this.countedDay(at);
    if (counted !== at) return counted;
    if (FILLERS.has(word)) {
      const after = this.step(at + 1);
      return typeof after === "number" && after === at + 1 ? at : after;
    }
    return at;
  }

  /** `jeden …`, `every …`, `alle 2 Wochen`, `alle 14 Tage`, `jede zweite Woche`, `every other`. */
  private every(at: number): number | ScanFault {
    const rule = this.rule;
    const [count, unit] = [this.word(at + 1), this.word(at + 2)];
    rule.every = true;
    if ((WEEKS.has(unit) || DAYS.has(unit)) && !this.isWeekday(at + 1)) {
      const n = /^\d+$/.test(count) ? Number(count) : count === "other" ? 2 : (ordinalOf(count) ?? NaN);
      const weeks = DAYS.has(unit) ? n / 7 : n;
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
        return { problem: "interval", value: this.tokens.slice(at, at + 3).join(" ") };
      }
      rule.interval = weeks;
      return at + 3;
    }
    if (WEEKS.has(count)) {
      rule.interval ??= 1;
      return at + 2;
    }
    if (WORKDAY.has(count)) {
      rule.workdays = true;
      return at + 2;
    }
    if (count === "other" && this.isWeekday(at + 2)) {
      rule.interval = 2;
      return at + 2;
    }
    return at + 1;
  }

  /** Weekdays: `Montag`, `montags` (every Monday), `Mo-Fr`. */
  private weekday(at: number): number {
    const rule = this.rule;
    const word = this.word(at);
    const range = weekdayRangeOf(word);
    const plural = weekdayPluralOf(word);
    const days = range ?? [plural ?? weekdayOf(word)].filter((day) => day !== undefined);
    if (range || plural) rule.every = true;
    rule.weekdays.push(...days);
    return at + 1;
  }

  /** `Montag bis Freitag`: every day from the last weekday read through this one. */
  private through(at: number): number {
    const rule = this.rule;
    const from = WEEKDAYS.indexOf(rule.weekdays.at(-1) ?? "mon");
    const to = WEEKDAYS.indexOf(weekdayOf(this.word(at)) ?? "mon");
    if (to <= from) return at - 1;
    rule.weekdays.push(...WEEKDAYS.slice(from + 1, to + 1));
    rule.every = true;
    return at + 1;
  }

  /** `ersten Dienstag`, `last Friday`, `1. Montag` (the nth weekday), or `15.` (a day of the month). */
  private countedDay(at: number): number | ScanFault {
    const rule = this.rule;
    const word = this.word(at);
    const nth = ordinalOf(word);
    const weekday = weekdayOf(this.word(at + 1));
    if (weekday !== undefined) {
      if (nth === undefined)
        return looksOrdinal(word) ? { problem: "ordinal", value: this.tokens[at] ?? "" } : at;
      rule.nth = nth;
      rule.weekdays.push(weekday);
      return at + 2;
    }
    // `on day 15`, `am Tag 15`: the word names what the number is.
    const named = DAYS.has(word) && DAY_NUMBER.test(this.word(at + 1)) ? 1 : 0;
    const number = DAY_NUMBER.exec(this.word(at + named));
    if (nth !== undefined && !number) return { problem: "weekday", value: this.tokens[at + 1] ?? "" };
    if (!number || rule.monthDay !== undefined) return at;
    if (!rule.monthly && !rule.every && !named && this.monthPhrase(at + 1) === 0) return at;
    const day = Number(number[1]);
    if (day < 1 || day > 31) return { problem: "monthDay", value: this.tokens[at + named] ?? "" };
    rule.monthDay = day;
    return at + named + 1;
  }
}
