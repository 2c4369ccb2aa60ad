import { fail, ok, type Result } from "../core/errors";
import type { Services } from "../core/services";
import { textMessage } from "../core/message";
import { translator } from "../i18n";
import { Ledger, stepKey } from "../schedule/ledger-repo";
import type { LocalDateTime } from "../schedule/local-time";
import { meetingSeries, planMeeting, replanMeeting } from "./meeting-jobs";
import { MeetingRepo, type Meeting } from "./meeting-repo";
import { upcoming } from "../schedule/occurrences";
import { EXAMPLES, type SpecParts } from "./parse-spec";
import type { Schedule } from "../schedule/schedule";
import { formatLocal } from "../schedule/local-time";

export const DEFAULT_DURATION_MINUTES = 60;
export const DEFAULT_REMIND_MINUTES: readonly number[] = [1440, 15];

/** The schedule described by `parts` on top of `base` (an existing series when editing). */
export function scheduleFrom(
  parts: SpecParts,
  base: Schedule | undefined,
  defaults: { zone: string; today: string },
): Schedule | undefined {
  const recurrence = parts.recurrence ?? base?.recurrence;
  if (!recurrence) return undefined;
  const holidays = parts.holidays === null ? undefined : (parts.holidays ?? base?.holidays);
  return {
    recurrence,
    zone: parts.zone ?? base?.zone ?? defaults.zone,
    start: parts.start ?? base?.start ?? defaults.today,
    ...(holidays ? { holidays } : {}),
  };
}

/** Checks that a series still has a future date (a cron for 30 February, a start far behind …). */
export function checkFuture(
  services: Services,
  schedule: Schedule,
  example = EXAMPLES.meeting,
): Result<true> {
  return upcoming(schedule, services.clock.now(), { count: 1 }).length > 0
    ? ok(true)
    : fail("meeting.error.noFuture", { example });
}

/** Stores a new meeting and plans its first reminders. */
export function createMeeting(
  services: Services,
  input: Omit<Meeting, "id" | "state" | "revision">,
): Meeting {
  const repo = new MeetingRepo(services.db);
  return services.db.transaction(() => {
    const id = repo.create(input, services.clock.now());
    const meeting = repo.get(id);
    if (!meeting) throw new Error(`meeting ${id} vanished`);
    planMeeting(services, meeting, services.clock.now(), true);
    return meeting;
  })();
}

/**
 * Applies `parts` to a meeting and replans it from now. An edit that changes nothing is not
 * written (no new revision, reminders stay as planned) and returns `changed: false`.
 */
export function editMeeting(
  services: Services,
  meeting: Meeting,
  parts: SpecParts,
  schedule: Schedule,
  channelId: string,
): { meeting: Meeting; changed: boolean } {
  const repo = new MeetingRepo(services.db);
  const edited: Meeting = {
    ...meeting,
    title: parts.title ?? meeting.title,
    channelId,
    schedule,
    durationMinutes: parts.durationMinutes ?? meeting.durationMinutes,
    remindMinutes: parts.remindMinutes ?? meeting.remindMinutes,
    link: parts.link === null ? undefined : (parts.link ?? meeting.link),
  };
  if (sameMeeting(edited, meeting)) return { meeting, changed: false };
  return services.db.transaction(() => {
    repo.update(edited);
    replanMeeting(services, meeting.id);
    return { meeting: repo.get(meeting.id) ?? edited, changed: true };
  })();
}

/** Equal as stored (the schedule compared as its JSON column, key order included). */
function sameMeeting(a: Meeting, b: Meeting): boolean {
  const stored = (m: Meeting) =>
    JSON.stringify([m.title, m.channelId, m.schedule, m.durationMinutes, m.remindMinutes, m.link ?? null]);
  return stored(a) === stored(b);
}

/** Pauses, resumes or deletes a series; pending reminders follow. */
export function setMeetingState(services: Services, id: number, state: Meeting["state"]): void {
  services.db.transaction(() => {
    new MeetingRepo(services.db).setState(id, state);
    replanMeeting(services, id);
  })();
}

/**
 * Cancels one date of a series: its pending reminders are dropped and the next ones planned.
 * When a reminder for it already went out, the channel gets a short cancellation note.
 */
export function skipMeetingDate(services: Services, meeting: Meeting, occurrence: LocalDateTime): void {
  services.db.transaction(() => {
    new MeetingRepo(services.db).skip(meeting.id, occurrence.slice(0, 10));
    replanMeeting(services, meeting.id);
    const series = meetingSeries(meeting.id);
    const announced = new Ledger(services.db)
      .ofOccurrence(series, occurrence)
      .some((e) => e.outcome !== "missed");
    if (!announced) return;
    const lang = services.config.lang;
    const when = formatLocal(occurrence, meeting.schedule.zone, lang);
    services.outbox.enqueue(
      { kind: "channel", channelId: meeting.channelId },
      textMessage(translator(lang)("meeting.skip.note", { title: meeting.title, when })),
      { key: stepKey(series, occurrence, "cancelled") },
    );
  })();
}
