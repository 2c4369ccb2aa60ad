import type { Services } from "../core/services";
import { CheckinRepo, type Checkin } from "./checkin-repo";
import { stepKey } from "../schedule/ledger-repo";
import { instantOf, type LocalDateTime } from "../schedule/local-time";
import { upcoming, type Occurrence } from "../schedule/occurrences";
import type { Schedule } from "../schedule/schedule";

export const PROMPT_JOB = "checkin.prompt";
export const NUDGE_JOB = "checkin.nudge";
export const SUMMARY_JOB = "checkin.summary";

/** How many occurrences ahead each check-in keeps its jobs planned. */
const LOOKAHEAD = 2;

export const checkinSeries = (id: number): string => `checkin:${id}`;

/** When answers for the occurrence at `at` are due. */
export const deadlineOf = (checkin: Checkin, at: Date): Date =>
  new Date(at.getTime() + checkin.deadlineMinutes * 60_000);

/**
 * Plans prompt, nudge (half-way) and summary (deadline) of the next occurrences after `after`,
 * idempotent by key. `skipPast` leaves out occurrences whose prompt time has passed (new series).
 */
export function planCheckin(services: Services, checkin: Checkin, after: Date, skipPast: boolean): void {
  if (checkin.state !== "active") return;
  const now = services.clock.now().getTime();
  for (const occurrence of upcoming(checkin.schedule, after, { count: LOOKAHEAD })) {
    if (skipPast && occurrence.at.getTime() < now) continue;
    const deadline = deadlineOf(checkin, occurrence.at).getTime();
    const steps = [
      { kind: PROMPT_JOB, step: "prompt", at: occurrence.at.getTime() },
      {
        kind: NUDGE_JOB,
        step: "nudge",
        at: occurrence.at.getTime() + (deadline - occurrence.at.getTime()) / 2,
      },
      { kind: SUMMARY_JOB, step: "summary", at: deadline },
    ];
    for (const s of steps) {
      services.scheduler.schedule({
        kind: s.kind,
        runAt: new Date(s.at),
        key: `${stepKey(checkinSeries(checkin.id), occurrence.local, s.step)}@${checkin.revision}`,
        payload: { checkinId: checkin.id, local: occurrence.local, revision: checkin.revision },
      });
    }
  }
}

/**
 * The shortest time between two rounds of `schedule` (holidays aside), in minutes; a deadline
 * must stay below it or one round would still collect answers when the next one starts.
 */
export function shortestGapMinutes(schedule: Schedule, after: Date): number | undefined {
  const rule = { recurrence: schedule.recurrence, zone: schedule.zone, start: schedule.start };
  const times = upcoming(rule, after, { count: 12 }).map((o) => o.at.getTime());
  const gaps = times.slice(1).map((t, i) => (t - (times[i] ?? t)) / 60_000);
  return gaps.length === 0 ? undefined : Math.min(...gaps);
}

/** Drops a check-in's pending jobs and plans again from now (after a change). */
export function replanCheckin(services: Services, checkinId: number): void {
  services.scheduler.cancelPrefix(`${checkinSeries(checkinId)}:`);
  const checkin = new CheckinRepo(services.db).get(checkinId);
  if (checkin) planCheckin(services, checkin, services.clock.now(), true);
}

/**
 * The occurrence at `local`, if the check-in still has it. Only the rule dates that can lead
 * to `local` (a holiday move is at most a few days) are expanded: cheap after any downtime.
 */
export function checkinOccurrence(checkin: Checkin, local: LocalDateTime): Occurrence | undefined {
  const at = instantOf(local, checkin.schedule.zone);
  return upcoming(checkin.schedule, new Date(at - 8 * 86_400_000), { until: new Date(at) }).find(
    (o) => o.local === local,
  );
}
