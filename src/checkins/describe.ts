import type { Schedule } from "./schedule";

const ORDINAL_WORDS: Readonly<Record<number, string>> = {
  1: "first",
  2: "second",
  3: "third",
  4: "fourth",
  [-1]: "last",
};

/** A schedule in the command grammar (`weekly mon 10:00 tz Europe/Berlin holidays DE-BY move`). */
export function describeSchedule(schedule: Schedule): string {
  const r = schedule.recurrence;
  const rule =
    r.kind === "weekly"
      ? r.interval === 1
        ? `weekly ${r.weekday} ${r.time}`
        : `every ${r.interval} weeks ${r.weekday} ${r.time}`
      : r.kind === "monthly-weekday"
        ? `monthly ${ORDINAL_WORDS[r.nth] ?? r.nth} ${r.weekday} ${r.time}`
        : r.kind === "monthly-day"
          ? `monthly ${r.day} ${r.time}`
          : `cron "${r.expression}"`;
  const holidays = schedule.holidays ? ` holidays ${schedule.holidays.region} ${schedule.holidays.rule}` : "";
  return `${rule} tz ${schedule.zone}${holidays}`;
}
