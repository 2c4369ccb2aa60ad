import { seriesIcs } from "../schedule/ics";
import type { Meeting } from "./meeting-repo";

/** A meeting series as an RFC 5545 calendar file (see `seriesIcs`). */
export function meetingIcs(meeting: Meeting, skips: ReadonlySet<string>, now: Date): string {
  return seriesIcs(
    {
      uid: `meeting-${meeting.id}`,
      title: meeting.title,
      schedule: meeting.schedule,
      durationMinutes: meeting.durationMinutes,
      link: meeting.link,
    },
    skips,
    now,
  );
}
