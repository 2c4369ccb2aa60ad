import type { dates as de } from "../de/dates";

/** English messages of the date, time and recurrence parser; must have exactly the German keys. */
export const dates = {
  "dates.understood": "I understood: {parts}. ",
  "dates.error.date":
    "{understood}I can't read “{value}” as a date. I understand e.g. 7 Jan 2027, 2027-01-07, 7.1.2027, today, tomorrow, Monday, next Monday, in 3 days. Example: {example}",
  "dates.error.dateMissing":
    "{understood}The date is missing, e.g. 7 Jan 2027, 2027-01-07, tomorrow or next Monday. Example: {example}",
  "dates.error.weekdayMismatch":
    "{understood}“{value}” does not add up: the weekday and the date disagree. Example: {example}",
  "dates.error.past":
    "{understood}The date {value} is in the past. Use today or a later date. Example: {example}",
  "dates.error.time":
    "{understood}“{value}” is not a valid time (00:00 to 23:59; e.g. 10:30, 10am, 2:30pm). Example: {example}",
  "dates.error.timeMissing":
    "{understood}The time is missing, e.g. 10:00, 10am or 2:30pm. Example: {example}",
  "dates.error.weekday":
    "{understood}“{value}” is not a weekday (Monday to Sunday, or Mon to Sun). Example: {example}",
  "dates.error.weekdayMissing": "{understood}The weekday is missing, e.g. Monday or Mon. Example: {example}",
  "dates.error.interval":
    "{understood}I don't understand “{value}”: write the number of weeks in digits (1 to 52), e.g. every 2 weeks Monday 10:00 or every other Monday 10:00. Example: {example}",
  "dates.error.monthDay": "{understood}“{value}” is not a day of the month (1 to 31). Example: {example}",
  "dates.error.ordinal":
    "{understood}I don't understand “{value}”: first, second, third, fourth, last or a day (1–31), e.g. monthly on the first Tuesday 10:00 or monthly on the 15th 10:00. Example: {example}",
  "dates.error.ordinalMissing":
    "{understood}When in the month? E.g. monthly on the first Tuesday 10:00 or monthly on the 15th 10:00. Example: {example}",
  "dates.error.recurrence":
    "{understood}“{value}” is not a recurrence. I understand e.g. every Monday 10:00, every 2 weeks Tue 9:30, every other Monday 10am, monthly on the first Tuesday 10:00, monthly on the 15th 10:00, weekdays 9am, Mon and Thu 2pm or cron. Example: {example}",
  "dates.error.combination":
    "{understood}I can't schedule “{value}”: several weekdays work only every week (e.g. Mon and Thu 10:00), a rhythm of several weeks or months only on one weekday. Example: {example}",
  "dates.error.cron":
    '“{value}” is not a valid cron expression (5 fields: minute hour day month weekday, e.g. cron "0 10 * * 1"). Example: {example}',
  "dates.error.cronFrequent":
    '“{value}” would fire several times a day. Meetings and check-ins happen at most once a day, e.g. cron "0 10 * * 1-5" (weekdays 10:00). Example: {example}',
  "dates.example.date": "7 Jan 2027",
  "dates.example.time": "10am",
  "dates.example.recurrence": "every Monday 10:00",
  "dates.part.weekly": "every {day}",
  "dates.part.everyWeeks": "every {n} weeks",
  "dates.part.and": "and",
  "dates.part.workdays": "on weekdays (Mon–Fri)",
  "dates.part.monthly": "monthly",
  "dates.part.nth": "on the {nth} {day}",
  "dates.part.monthDay": "on day {day}",
  "dates.part.time": "at {time}",
  "dates.nth.1": "first",
  "dates.nth.2": "second",
  "dates.nth.3": "third",
  "dates.nth.4": "fourth",
  "dates.nth.last": "last",
} as const satisfies Record<keyof typeof de, string>;
