import { z } from "zod";
import { DateTime } from "luxon";
import type { JobHandler } from "../core/scheduler";
import { textMessage } from "../core/message";
import type { Services } from "../core/services";
import { communityVoice, groupRepo } from "./context";
import { atLocal } from "./dates";
import { getMilestone, type Milestone } from "./milestone-repo";
import type { Group } from "./group-repo";
import { formatIsoDate } from "../i18n/format";
import { workingDayOnOrBefore } from "../schedule/holidays";

export const DUE_JOB = "group.due";
export const MILESTONE_JOB = "group.milestone";

/** Reminders go out at this local hour, this many days before the date. */
const REMIND_HOUR = 9;
const DUE_LEADS = [7, 1] as const;
const MILESTONE_LEAD = 1;

const DuePayload = z.object({ groupId: z.number(), due: z.string(), days: z.number() });
const MilestonePayload = z.object({ groupId: z.number(), milestoneId: z.number() });

/**
 * 09:00 local `daysBefore` days before `isoDate`; on a weekend or public holiday (as
 * `COPBOT_REMINDER_SHIFT` says) the working day before that.
 */
function remindAt(services: Services, isoDate: string, daysBefore: number): Date {
  const { timeZone: zone, reminderShift, holidayRegion: holidays } = services.config;
  const day = DateTime.fromISO(isoDate, { zone }).minus({ days: daysBefore }).toISODate() ?? isoDate;
  return atLocal(workingDayOnOrBefore(day, reminderShift, holidays), REMIND_HOUR, zone);
}

/** Job key prefix of a group's due-date reminders (cancelled when the date moves). */
export function dueKeyPrefix(groupId: number): string {
  return `${DUE_JOB}:${groupId}:`;
}

/** Schedules the reminders before the group's due date that still lie ahead. */
export function scheduleDueReminders(services: Services, group: Group): void {
  const now = services.clock.now().getTime();
  for (const days of DUE_LEADS) {
    const runAt = remindAt(services, group.due, days);
    if (runAt.getTime() <= now) continue;
    services.scheduler.schedule({
      kind: DUE_JOB,
      runAt,
      payload: { groupId: group.id, due: group.due, days },
      key: `${dueKeyPrefix(group.id)}${group.due}:${days}`,
    });
  }
}

/** Schedules the reminder the day before a milestone (if that still lies ahead). */
export function scheduleMilestoneReminder(services: Services, milestone: Milestone): void {
  const runAt = remindAt(services, milestone.due, MILESTONE_LEAD);
  if (runAt.getTime() <= services.clock.now().getTime()) return;
  services.scheduler.schedule({
    kind: MILESTONE_JOB,
    runAt,
    payload: { groupId: milestone.groupId, milestoneId: milestone.id },
    key: `${MILESTONE_JOB}:${milestone.groupId}:${milestone.id}`,
  });
}

function runningGroup(services: Services, groupId: number): (Group & { spaceId: string }) | undefined {
  const group = groupRepo(services).get(groupId);
  return group?.state === "running" && group.spaceId !== undefined
    ? { ...group, spaceId: group.spaceId }
    : undefined;
}

/** Whole days from today (local) to `isoDate`: a reminder moved off a weekend says how many are really left. */
function daysUntil(services: Services, isoDate: string): number {
  const zone = services.config.timeZone;
  const today = DateTime.fromJSDate(services.clock.now(), { zone }).startOf("day");
  return Math.round(DateTime.fromISO(isoDate, { zone }).diff(today, "days").days);
}

/** Reminds the group space that the due date approaches. */
export const dueJob: JobHandler = (job, { services }) => {
  const { groupId, due } = DuePayload.parse(job.payload);
  const days = daysUntil(services, due);
  const group = runningGroup(services, groupId);
  if (!group || group.due !== due) return;
  const { t, lang } = communityVoice(services, group.channelId);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.spaceId },
    textMessage(
      t(days === 1 ? "group.remind.dueTomorrow" : "group.remind.due", {
        title: group.title,
        due: formatIsoDate(due, lang),
        days,
      }),
    ),
    { key: job.key },
  );
};

/** Reminds the group space of an open milestone. */
export const milestoneJob: JobHandler = (job, { services }) => {
  const { groupId, milestoneId } = MilestonePayload.parse(job.payload);
  const group = runningGroup(services, groupId);
  const milestone = getMilestone(services.db, groupId, milestoneId);
  if (!group || !milestone || milestone.doneAt) return;
  const { t, lang } = communityVoice(services, group.channelId);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.spaceId },
    textMessage(
      t(daysUntil(services, milestone.due) === 1 ? "group.remind.milestone" : "group.remind.milestoneSoon", {
        title: milestone.title,
        due: formatIsoDate(milestone.due, lang),
        id: milestone.id,
      }),
    ),
    { key: job.key },
  );
};
