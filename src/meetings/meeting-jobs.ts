import { z } from "zod";
import type { Services } from "../core/services";
import type { JobHandler } from "../core/scheduler";
import { collectMissed } from "../schedule/catch-up";
import { Ledger, stepKey } from "../schedule/ledger-repo";
import { instantOf } from "../schedule/local-time";
import { MeetingRepo, type Meeting } from "./meeting-repo";
import { upcoming, type Occurrence } from "../schedule/occurrences";
import { missedMessage, reminderMessage, type ReminderDetails } from "./reminder-message";
import { RsvpRepo } from "./rsvp-repo";
import { reminderTime } from "./reminder-time";
import { planDropNotices } from "./drop-notice";

export const REMIND_JOB = "meeting.remind";

/** A reminder that runs this much after its time still counts as on time (the tick is a minute). */
export const ON_TIME_MS = 5 * 60_000;

/** How many occurrences ahead each active series keeps its reminder jobs planned. */
const LOOKAHEAD = 2;
/** Extra dates searched for a first reminder that is not yet past (a new daily series with `remind 3d`). */
const SEARCH = 14;

const Payload = z.object({
  meetingId: z.number(),
  local: z.string(),
  lead: z.number(),
  revision: z.number(),
});

export const meetingSeries = (id: number): string => `meeting:${id}`;

/** The step name of a reminder lead time, e.g. `15m`. */
export const leadStep = (lead: number): string => `${lead}m`;

/**
 * Keeps the reminder jobs of the next occurrences after `after` planned (idempotent by key).
 * With `skipPast` (a new, edited or resumed series) reminders whose time has passed are left
 * out; when a job chains the next ones, past reminders are planned too, so a long downtime
 * turns into late reminders or "missed" notes instead of silence.
 */
export function planMeeting(services: Services, meeting: Meeting, after: Date, skipPast: boolean): void {
  if (meeting.state !== "active") return;
  planDropNotices(services, meeting, after, skipPast);
  if (meeting.remindMinutes.length === 0) return;
  const skips = new MeetingRepo(services.db).skips(meeting.id);
  const now = services.clock.now().getTime();
  // Plans reminders for the first `count` dates; returns for how many dates any was planned.
  const plan = (count: number): number => {
    let planned = 0;
    for (const occurrence of upcoming(meeting.schedule, after, { count, skips })) {
      let any = false;
      for (const lead of meeting.remindMinutes) {
        const runAt = reminderTime(services, meeting, occurrence.at, lead);
        if (skipPast && runAt.getTime() < now) continue;
        any = true;
        services.scheduler.schedule({
          kind: REMIND_JOB,
          runAt,
          key: `${stepKey(meetingSeries(meeting.id), occurrence.local, leadStep(lead))}@${meeting.revision}`,
          payload: { meetingId: meeting.id, local: occurrence.local, lead, revision: meeting.revision },
        });
      }
      if (any && (planned += 1) >= LOOKAHEAD) break;
    }
    return planned;
  };
  // Usually the next dates suffice (each reminder runs this, so computing 16 dates every time
  // made a catch-up slow); with long lead times the nearest dates may have no reminder left, so
  // look further then. Scheduling is idempotent by key: the second pass repeats nothing.
  if (plan(LOOKAHEAD + 1) < LOOKAHEAD) plan(LOOKAHEAD + SEARCH);
}

/** Replans a series after a change: drops its pending jobs and plans from now. */
export function replanMeeting(services: Services, meetingId: number): void {
  services.scheduler.cancelPrefix(`${meetingSeries(meetingId)}:`);
  const meeting = new MeetingRepo(services.db).get(meetingId);
  if (meeting) planMeeting(services, meeting, services.clock.now(), true);
}

/** How far before its key an occurrence's rule date can lie (moved off holidays and a weekend). */
const MOVE_WINDOW_MS = 8 * 86_400_000;
/** Without moves the rule date is the key's own; a day covers any daylight-saving shift. */
const DAY_MS = 86_400_000;

/**
 * The occurrence at `local`, if the series (with skips and holidays as they are now) still has
 * it. Only the few rule dates that can lead to `local` are expanded, so a job costs the same
 * however long copbot was down.
 */
export function findOccurrence(services: Services, meeting: Meeting, local: string): Occurrence | undefined {
  const skips = new MeetingRepo(services.db).skips(meeting.id);
  const at = instantOf(local, meeting.schedule.zone);
  const window = meeting.schedule.holidays?.rule === "move" ? MOVE_WINDOW_MS : DAY_MS;
  return upcoming(meeting.schedule, new Date(at - window), { skips, until: new Date(at) }).find(
    (o) => o.local === local,
  );
}

/** Lead times of `meeting` whose reminders for `occurrence` are due by `now`, shortest first. */
function dueLeads(meeting: Meeting, occurrence: Occurrence, now: Date): number[] {
  return meeting.remindMinutes
    .filter((lead) => occurrence.at.getTime() - lead * 60_000 <= now.getTime())
    .sort((a, b) => a - b);
}

/**
 * Sends one reminder, saying how long is really left (a late one, after copbot was offline,
 * is marked as late). When a shorter reminder for the same date is due as well,
 * only that one goes out (one late reminder, not two in a row). Once the meeting has begun
 * a short "missed" note replaces it, one for all dates missed in a row. The ledger entry and the outbox
 * message are written in the job's transaction, so a restart never repeats it.
 */
export const remindJob: JobHandler = (job, { services, now, lateMs }) => {
  const p = Payload.parse(job.payload);
  const repo = new MeetingRepo(services.db);
  const meeting = repo.get(p.meetingId);
  if (!meeting || meeting.state !== "active" || meeting.revision !== p.revision) return;
  const occurrence = findOccurrence(services, meeting, p.local);
  if (!occurrence) return;
  const series = meetingSeries(meeting.id);
  const ledger = new Ledger(services.db);
  const lang = services.config.lang;
  const target = { kind: "channel", channelId: meeting.channelId } as const;
  const step = leadStep(p.lead);
  const started = now.getTime() >= occurrence.at.getTime();
  const superseded = (dueLeads(meeting, occurrence, now)[0] ?? p.lead) < p.lead;
  if (started || superseded) {
    ledger.record({ series, local: p.local, step, outcome: "missed", details: undefined }, job.runAt, now);
  }
  if (started) return noteMissed(services, meeting, occurrence, now);
  planMeeting(services, meeting, occurrence.at, false);
  if (superseded) return;
  const late = lateMs > ON_TIME_MS;
  const details: ReminderDetails = {
    lead: p.lead,
    agenda: services.agenda(lang),
    startsIn: Math.round((occurrence.at.getTime() - now.getTime()) / 60_000),
    ...(late ? { lateDueAt: job.runAt.getTime() } : {}),
    ...(occurrence.status === "moved" && occurrence.holiday !== undefined
      ? { moved: { holiday: occurrence.holiday, original: occurrence.original } }
      : {}),
  };
  if (
    !ledger.record({ series, local: p.local, step, outcome: late ? "late" : "sent", details }, job.runAt, now)
  )
    return;
  const counts = new RsvpRepo(services.db).counts(meeting.id, p.local);
  services.outbox.enqueue(target, reminderMessage(meeting, p.local, details, counts, lang), {
    key: stepKey(series, p.local, step),
    // A reminder that could not go out before the meeting ended is dropped (moderators hear of it).
    expiresAt: new Date(occurrence.at.getTime() + meeting.durationMinutes * 60_000),
  });
};

/**
 * Posts one "missed" note for `occurrence` and every later date that has begun as well (after
 * a long downtime: many), then plans the next date that is still ahead. Each date is noted at
 * most once (ledger step `missed`), however many of its reminders or restarts come by.
 */
function noteMissed(services: Services, meeting: Meeting, occurrence: Occurrence, now: Date): void {
  const series = meetingSeries(meeting.id);
  const run = collectMissed(occurrence, {
    ledger: new Ledger(services.db),
    series,
    schedule: meeting.schedule,
    skips: new MeetingRepo(services.db).skips(meeting.id),
    step: "missed",
    isMissed: (o) => o.at.getTime() <= now.getTime(),
    now,
  });
  planMeeting(services, meeting, run.last.at, false);
  const first = run.fresh[0];
  if (!first) return;
  services.outbox.enqueue(
    { kind: "channel", channelId: meeting.channelId },
    missedMessage(meeting, run.fresh, services.config.lang),
    { key: stepKey(series, first.local, "missed") },
  );
}
