import { DateTime } from "luxon";
import type { Services } from "../core/services";
import { workingDayOnOrBefore } from "../schedule/holidays";
import type { Meeting } from "./meeting-repo";

/**
 * When a reminder `lead` minutes before `at` goes out. One that would fall on an earlier day
 * that is a weekend or a public holiday (of the meeting's region, else the community's) moves
 * to the working day before, at the same local time, as `COPBOT_REMINDER_SHIFT` says: "1 day
 * before" a Monday meeting comes on Friday, not on Sunday. Reminders on the meeting's own day
 * stay where they are.
 */
export function reminderTime(services: Services, meeting: Meeting, at: Date, lead: number): Date {
  const zone = meeting.schedule.zone;
  const due = DateTime.fromMillis(at.getTime() - lead * 60_000, { zone });
  const day = due.toISODate() ?? "";
  if (day === DateTime.fromJSDate(at, { zone }).toISODate()) return due.toJSDate();
  const region = meeting.schedule.holidays?.region ?? services.config.holidayRegion;
  const moved = workingDayOnOrBefore(day, services.config.reminderShift, region);
  if (moved === day) return due.toJSDate();
  return DateTime.fromISO(`${moved}T${due.toFormat("HH:mm")}`, { zone }).toJSDate();
}
