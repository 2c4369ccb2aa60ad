import type { schedule as de } from "../de/schedule";

/** English descriptions of schedules; must have exactly the German keys. */
export const schedule = {
  "schedule.rule.weekly": "every {day}, {time}",
  "schedule.rule.everyWeeks": "every {n} weeks on {day}, {time}",
  "schedule.rule.monthlyWeekday": "every {nth} {day} of the month, {time}",
  "schedule.rule.monthlyDay": "every month on day {day}, {time} (the last day in shorter months)",
  "schedule.rule.cron": "by the cron rule “{expression}”",
  "schedule.rule.workdays": "on weekdays (Mon–Fri), {time}",
  "schedule.rule.days": "every {days}, {time}",
  "schedule.rule.zone": "{rule} ({zone})",
  "schedule.rule.skip": "not on public holidays ({region})",
  "schedule.rule.move": "on public holidays ({region}) the next working day",
  "schedule.rule.nth.1": "first",
  "schedule.rule.nth.2": "second",
  "schedule.rule.nth.3": "third",
  "schedule.rule.nth.4": "fourth",
  "schedule.rule.nth.last": "last",
} as const satisfies Record<keyof typeof de, string>;
