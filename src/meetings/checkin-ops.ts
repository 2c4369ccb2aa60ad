import { fail, ok, type Result } from "../core/errors";
import type { Services } from "../core/services";
import { CheckinRepo } from "./checkin-repo";
import { checkinSeries, planCheckin } from "./checkin-plan";
import { canonicalZone, isValidZone } from "../schedule/local-time";
import { upcoming } from "../schedule/occurrences";
import { EXAMPLES } from "./parse-spec";
import { DEFAULT_ZONE, WEEKDAYS, type Schedule, type Weekday } from "../schedule/schedule";

export type { Schedule, Weekday } from "../schedule/schedule";

/** Default time participants have to answer a check-in round. */
export const DEFAULT_DEADLINE_MINUTES = 4 * 60;

/**
 * A weekly schedule without parsing text, e.g. `weeklySchedule("fri", "14:00")` for a group's
 * status check-in, from the local date `start` on (default: any time in the past). Throws on
 * a malformed time or zone: callers pass constants.
 */
export function weeklySchedule(
  weekday: Weekday,
  time: string,
  zone = DEFAULT_ZONE,
  start?: string,
): Schedule {
  if (!WEEKDAYS.includes(weekday) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time) || !isValidZone(zone)) {
    throw new Error(`invalid weekly schedule ${weekday} ${time} ${zone}`);
  }
  // Interval 1 needs no anchor beyond "any Monday in the past".
  return {
    recurrence: { kind: "weekly", weekday, interval: 1, time },
    zone: canonicalZone(zone),
    start: start ?? "2000-01-03",
  };
}

/**
 * Creates a check-in with its participants and plans its first rounds. Used by `checkin add`
 * and by other features (a working group's weekly status check-in).
 */
export function createCheckin(
  services: Services,
  opts: {
    title: string;
    channelId: string;
    questions: string[];
    schedule: Schedule;
    participantIds: string[];
    createdBy: string;
    owner?: { kind: "group"; id: number };
    deadlineMinutes?: number;
  },
): Result<{ id: number }> {
  const example = EXAMPLES.checkin;
  const title = opts.title.trim();
  const questions = opts.questions.map((q) => q.trim()).filter((q) => q.length > 0);
  if (!title) return fail("meeting.error.title", { example });
  if (questions.length === 0 || questions.length > 10)
    return fail("meeting.error.questions", { value: "", example });
  if (upcoming(opts.schedule, services.clock.now(), { count: 1 }).length === 0) {
    return fail("meeting.error.noFuture", { example });
  }
  const repo = new CheckinRepo(services.db);
  const now = services.clock.now();
  const id = services.db.transaction(() => {
    const created = repo.create(
      {
        title,
        channelId: opts.channelId,
        schedule: opts.schedule,
        questions,
        deadlineMinutes: opts.deadlineMinutes ?? DEFAULT_DEADLINE_MINUTES,
        createdBy: opts.createdBy,
        owner: opts.owner,
      },
      now,
    );
    for (const memberId of opts.participantIds) repo.join(created, memberId, now);
    const checkin = repo.get(created);
    if (checkin) planCheckin(services, checkin, now, true);
    return created;
  })();
  return ok({ id });
}

/** Ends a check-in: no further rounds, pending prompts and summaries are cancelled. */
export function stopCheckin(services: Services, id: number): void {
  new CheckinRepo(services.db).setState(id, "deleted");
  services.scheduler.cancelPrefix(`${checkinSeries(id)}:`);
}

/** Adds a participant to a check-in from its next round on; false when they already take part. */
export function joinCheckin(services: Services, checkinId: number, memberId: string): boolean {
  return new CheckinRepo(services.db).join(checkinId, memberId, services.clock.now());
}

/** Takes a participant out of a check-in; false when they did not take part. */
export function leaveCheckin(services: Services, checkinId: number, memberId: string): boolean {
  return new CheckinRepo(services.db).leave(checkinId, memberId);
}
