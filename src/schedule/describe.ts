import type { Lang, Translate } from "../i18n";
import { formatWeekday } from "../i18n/format";
import { weekdayNumber, type Nth, type Schedule, type Weekday } from "./schedule";

const NTH_KEYS = {
  1: "schedule.rule.nth.1",
  2: "schedule.rule.nth.2",
  3: "schedule.rule.nth.3",
  4: "schedule.rule.nth.4",
  [-1]: "schedule.rule.nth.last",
} as const satisfies Record<Nth, string>;

/** The weekday's name in `lang` (`Montag`, `Monday`). */
function dayName(weekday: Weekday, lang: Lang): string {
  return formatWeekday(weekdayNumber(weekday), lang);
}

/** Cron's day-of-week field (`1-5`, `1,4`, `6,7`) as ISO weekdays; undefined for anything else. */
function cronWeekdays(field: string): number[] | undefined {
  const days = field.split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map(Number) as [number, number?];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
  return days.every((day) => Number.isInteger(day) && day >= 1 && day <= 7) ? days : undefined;
}

/**
 * A cron rule of the shape the date parser writes for several weekdays (`0 9 * * 1-5` from
 * `werktags 9 Uhr`) in words; undefined for every other cron rule.
 */
function weekdaysInWords(t: Translate, expression: string, lang: Lang): string | undefined {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* ([\d,-]+)$/.exec(expression);
  const days = m ? cronWeekdays(m[3] ?? "") : undefined;
  if (!m || !days) return undefined;
  const time = `${(m[2] ?? "").padStart(2, "0")}:${(m[1] ?? "").padStart(2, "0")}`;
  if (days.join() === "1,2,3,4,5") return t("schedule.rule.workdays", { time });
  const names = days.map((day) => formatWeekday(day, lang));
  return t("schedule.rule.days", {
    days: new Intl.ListFormat(lang, { type: "conjunction" }).format(names),
    time,
  });
}

/**
 * A schedule in words for lists and confirmations: `jeden Montag, 10:00 (Europe/Berlin)`,
 * `jeden ersten Dienstag im Monat, 09:30 (Europe/Berlin), entfällt an Feiertagen (DE-BY)`.
 */
export function describeSchedule(t: Translate, schedule: Schedule, lang: Lang): string {
  const r = schedule.recurrence;
  const rule =
    r.kind === "weekly"
      ? r.interval === 1
        ? t("schedule.rule.weekly", { day: dayName(r.weekday, lang), time: r.time })
        : t("schedule.rule.everyWeeks", { n: r.interval, day: dayName(r.weekday, lang), time: r.time })
      : r.kind === "monthly-weekday"
        ? t("schedule.rule.monthlyWeekday", {
            nth: t(NTH_KEYS[r.nth]),
            day: dayName(r.weekday, lang),
            time: r.time,
          })
        : r.kind === "monthly-day"
          ? t("schedule.rule.monthlyDay", { day: r.day, time: r.time })
          : (weekdaysInWords(t, r.expression, lang) ?? t("schedule.rule.cron", { expression: r.expression }));
  const zoned = t("schedule.rule.zone", { rule, zone: schedule.zone });
  const holidays = schedule.holidays;
  if (!holidays) return zoned;
  const key = holidays.rule === "skip" ? "schedule.rule.skip" : "schedule.rule.move";
  return `${zoned}, ${t(key, { region: holidays.region })}`;
}
