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
          : t("schedule.rule.cron", { expression: r.expression });
  const zoned = t("schedule.rule.zone", { rule, zone: schedule.zone });
  const holidays = schedule.holidays;
  if (!holidays) return zoned;
  const key = holidays.rule === "skip" ? "schedule.rule.skip" : "schedule.rule.move";
  return `${zoned}, ${t(key, { region: holidays.region })}`;
}
