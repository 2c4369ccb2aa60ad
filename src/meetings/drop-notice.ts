import { z } from "zod";
import { msg } from "../core/message";
import type { JobHandler } from "../core/scheduler";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { stepKey } from "../schedule/ledger-repo";
import { formatLocal, instantOf } from "../schedule/local-time";
import { expand, upcoming, type Occurrence } from "../schedule/occurrences";
import { MeetingRepo, type Meeting } from "./meeting-repo";
import { reminderTime } from "./reminder-time";

/**
 * Members who expect a meeting hear when a date is dropped (a public holiday, a skipped date)
 * or moved: a note in the meeting's channel together with the first reminder that date would
 * have had, at least a day ahead, moved off weekends and holidays like a reminder.
 */
export const DROP_JOB = "meeting.dropped";

const DAY_MINUTES = 24 * 60;
/** How many dates that take place are looked through for dropped ones in between. */
const LOOKAHEAD = 3;
/** How far after its rule date a moved occurrence can land (off a holiday and a weekend). */
const MOVE_WINDOW_MS = 8 * 86_400_000;

const Payload = z.object({ meetingId: z.number(), original: z.string(), revision: z.number() });

const series = (meeting: Meeting): string => `meeting:${meeting.id}`;
const isDropped = (o: Occurrence): boolean => o.status !== "normal";

/** Plans the notes for the dropped or moved dates after `after` (idempotent by key). */
export function planDropNotices(services: Services, meeting: Meeting, after: Date, skipPast: boolean): void {
  const now = services.clock.now().getTime();
  const skips = new MeetingRepo(services.db).skips(meeting.id);
  const lead = Math.max(DAY_MINUTES, ...meeting.remindMinutes);
  for (const o of expand(meeting.schedule, after, { count: LOOKAHEAD, skips }).filter(isDropped)) {
    const originalAt = new Date(instantOf(o.original, meeting.schedule.zone));
    if (originalAt.getTime() <= now) continue;
    const noticeAt = reminderTime(services, meeting, originalAt, lead);
    services.scheduler.schedule({
      kind: DROP_JOB,
      runAt: skipPast && noticeAt.getTime() < now ? new Date(now) : noticeAt,
      key: `${stepKey(series(meeting), o.original, "dropped")}@${meeting.revision}`,
      payload: { meetingId: meeting.id, original: o.original, revision: meeting.revision },
    });
  }
}

/** The occurrence whose rule date is `original`, as the series has it now. */
function occurrenceOf(
  meeting: Meeting,
  original: string,
  skips: ReadonlySet<string>,
): Occurrence | undefined {
  const at = instantOf(original, meeting.schedule.zone);
  return expand(meeting.schedule, new Date(at - 1), {
    skips,
    until: new Date(at + MOVE_WINDOW_MS),
  }).find((o) => o.original === original);
}

/** `meeting.dropped`: says in the channel that a date is cancelled (and when the next one is) or moved. */
export const dropJob: JobHandler = (job, { services }) => {
  const p = Payload.parse(job.payload);
  const repo = new MeetingRepo(services.db);
  const meeting = repo.get(p.meetingId);
  if (!meeting || meeting.state !== "active" || meeting.revision !== p.revision) return;
  const skips = repo.skips(meeting.id);
  const o = occurrenceOf(meeting, p.original, skips);
  if (!o || !isDropped(o)) return;
  const lang = services.config.lang;
  const zone = meeting.schedule.zone;
  const t = translator(lang);
  const when = formatLocal(o.original, zone, lang);
  const originalAt = new Date(instantOf(o.original, zone));
  const next = upcoming(meeting.schedule, originalAt, { count: 1, skips })[0];
  const m = msg();
  if (o.status === "moved") {
    m.text(
      t("meeting.dropped.moved", {
        title: meeting.title,
        when,
        holiday: o.holiday ?? "",
        to: formatLocal(o.local, zone, lang),
      }),
    );
  } else {
    m.text(
      o.status === "holiday"
        ? t("meeting.dropped.holiday", { title: meeting.title, when, holiday: o.holiday ?? "" })
        : t("meeting.dropped.skipped", { title: meeting.title, when }),
    );
    if (next) m.context(t("meeting.dropped.next", { when: formatLocal(next.local, zone, lang) }));
  }
  services.outbox.enqueue({ kind: "channel", channelId: meeting.channelId }, m.build(), {
    key: stepKey(series(meeting), o.original, "dropped"),
  });
  // Meetings without reminders have no reminder jobs to chain the next notes.
  planDropNotices(services, meeting, originalAt, false);
};
