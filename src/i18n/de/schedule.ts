/** German descriptions of schedules (keys prefixed `schedule.`). */
export const schedule = {
  "schedule.rule.weekly": "jeden {day}, {time}",
  "schedule.rule.everyWeeks": "alle {n} Wochen am {day}, {time}",
  "schedule.rule.monthlyWeekday": "jeden {nth} {day} im Monat, {time}",
  "schedule.rule.monthlyDay": "jeden Monat am {day}., {time} (in kürzeren Monaten am letzten Tag)",
  "schedule.rule.cron": "nach der Cron-Regel „{expression}“",
  "schedule.rule.workdays": "werktags (Mo–Fr), {time}",
  "schedule.rule.days": "jeden {days}, {time}",
  "schedule.rule.zone": "{rule} ({zone})",
  "schedule.rule.skip": "entfällt an Feiertagen ({region})",
  "schedule.rule.move": "an Feiertagen ({region}) am nächsten Werktag",
  "schedule.rule.nth.1": "ersten",
  "schedule.rule.nth.2": "zweiten",
  "schedule.rule.nth.3": "dritten",
  "schedule.rule.nth.4": "vierten",
  "schedule.rule.nth.last": "letzten",
} as const;
