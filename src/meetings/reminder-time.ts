import type { Services } from "../core/services";
import { workingDayOnOrBefore } from "../schedule/holidays";
import { instantOf, localDateOf, wallKey } from "../schedule/local-time";
import type { Meeting } from "./meeting-repo";

/**
 * When a reminder `lead` minutes before `at` goes out. One that would fall on an earlier day
 * that is a weekend or a public holiday (of the meeting's region, else the community's) moves
 * to the working day before, at the same local time, as `COPBOT_REMINDER_SHIFT` says: "1 day
 * before" a Monday meeting comes on Friday, not on Sunday. Reminders on the meeting's own day
 * stay where they are.
 */
export function reminderTime(services: Services, meeting: Meeting, at: Date, lead: number): Date {
  // Offsets from the cached table (local-time.ts): a catch-up computes this for every reminder.
  const zone = meeting.schedule.zone;
  const due = at.getTime() - lead * 60_000;
  const day = localDateOf(due, zone);
  if (day === localDateOf(at.getTime(), zone)) return new Date(due);
  const region = meeting.schedule.holidays?.region ?? services.config.holidayRegion;
  const moved = workingDayOnOrBefore(day, services.config.reminderShift, region);
  if (moved === day) return new Date(due);
  return new Date(instantOf(`${moved}${wallKey(due, zone).slice(10)}`, zone));
}
