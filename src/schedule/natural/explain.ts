import { DateTime } from "luxon";
import { t, type Lang } from "../../i18n";
import { weekdayNumber, type Nth, type Recurrence, type Weekday } from "../schedule";

/** The weekday's name in `lang` (`Montag`, `Monday`); 2024-01-01 was a Monday. */
export function dayName(weekday: Weekday, lang: Lang): string {
  return DateTime.fromISO("2024-01-01", { zone: "UTC" })
    .plus({ days: weekdayNumber(weekday) - 1 })
    .setLocale(lang)
    .toFormat("cccc");
}

/** Names joined the way people list them: `Montag, Mittwoch und Freitag`. */
export function dayList(weekdays: readonly Weekday[], lang: Lang): string {
  const names = weekdays.map((day) => dayName(day, lang));
  const last = names.pop();
  return names.length === 0 ? (last ?? "") : `${names.join(", ")} ${t(lang, "dates.part.and")} ${last}`;
}

/** A calendar day in words, so a reader sees which day was understood: `Montag, 7. Juni 2027`. */
export function dayInWords(isoDate: string, lang: Lang): string {
  return DateTime.fromISO(isoDate, { zone: "UTC" })
    .setLocale(lang)
    .toFormat(lang === "de" ? "cccc, d. LLLL yyyy" : "cccc, d LLLL yyyy");
}

const NTH_KEYS = {
  1: "dates.nth.1",
  2: "dates.nth.2",
  3: "dates.nth.3",
  4: "dates.nth.4",
  [-1]: "dates.nth.last",
} as const satisfies Record<Nth, string>;

/** The parts of a rule read so far (all optional: an error may come at any point). */
export interface RuleParts {
  readonly every: boolean;
  readonly interval?: number;
  readonly weekdays: readonly Weekday[];
  readonly workdays: boolean;
  readonly monthly: boolean;
  readonly nth?: Nth;
  readonly monthDay?: number;
  readonly time?: string;
}

/** What was understood of a rule, in words: `alle 2 Wochen Montag um 10:00`; empty for nothing. */
export function ruleInWords(parts: RuleParts, lang: Lang): string {
  const words: string[] = [];
  if (parts.workdays) words.push(t(lang, "dates.part.workdays"));
  if (parts.interval !== undefined && parts.interval > 1) {
    words.push(t(lang, "dates.part.everyWeeks", { n: parts.interval }));
  }
  if (parts.monthly) words.push(t(lang, "dates.part.monthly"));
  const days = dayList(parts.weekdays, lang);
  if (parts.nth !== undefined) {
    words.push(t(lang, "dates.part.nth", { nth: t(lang, NTH_KEYS[parts.nth]), day: days }).trim());
  } else if (days !== "") {
    const weekly = (parts.every || parts.interval === 1) && (parts.interval ?? 1) === 1;
    words.push(weekly ? t(lang, "dates.part.weekly", { day: days }) : days);
  }
  if (parts.monthDay !== undefined) words.push(t(lang, "dates.part.monthDay", { day: parts.monthDay }));
  if (parts.time !== undefined) words.push(t(lang, "dates.part.time", { time: parts.time }));
  return words.join(" ");
}

/** A finished recurrence in the same words (a cron rule as its expression). */
export function recurrenceInWords(recurrence: Recurrence, lang: Lang): string {
  const none = { every: true, workdays: false, monthly: false } as const;
  switch (recurrence.kind) {
    case "weekly":
      return ruleInWords({ ...none, weekdays: [recurrence.weekday], ...recurrence }, lang);
    case "monthly-weekday":
      return ruleInWords({ ...none, monthly: true, weekdays: [recurrence.weekday], ...recurrence }, lang);
    case "monthly-day":
      return ruleInWords(
        { ...none, monthly: true, weekdays: [], monthDay: recurrence.day, ...recurrence },
        lang,
      );
    case "cron":
      return `cron ${recurrence.expression}`;
  }
}
