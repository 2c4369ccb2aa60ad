import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { RSVP_ANSWERS, type RsvpAnswer } from "./rsvp-repo";
import { statement } from "../../db/statements";

/** One RSVP to one meeting date, for reports and a member's impact. */
export interface RsvpFact {
  readonly meetingId: number;
  readonly title: string;
  /** The date's local key in the meeting's zone (`2027-03-08T10:00`). */
  readonly local: string;
  readonly durationMinutes: number;
  readonly memberId: string;
  readonly answer: RsvpAnswer;
  readonly at: Date;
}

const toRsvpFact: (row: unknown) => RsvpFact = rowReader({
  meeting_id: z.number(),
  title: z.string(),
  local: z.string(),
  duration_minutes: z.number(),
  member_id: z.string(),
  answer: z.enum(RSVP_ANSWERS),
  at: column.date,
});

const RSVP_COLUMNS = `r.meeting_id, m.title, r.local_at AS local, m.duration_min AS duration_minutes,
  r.member_id, r.answer, r.at FROM meeting_rsvps r JOIN meetings m ON m.id = r.meeting_id`;

/** RSVPs for meeting dates whose local key lies in [fromLocal, toLocal), by date. */
export function rsvpsForDates(db: Db, fromLocal: string, toLocal: string): RsvpFact[] {
  return statement(
    db,
    `SELECT ${RSVP_COLUMNS} WHERE r.local_at >= ? AND r.local_at < ? ORDER BY r.local_at, r.meeting_id`,
  )
    .all(fromLocal, toLocal)
    .map(toRsvpFact);
}

/** One member's RSVPs, by date. */
export function rsvpsOf(db: Db, memberId: string): RsvpFact[] {
  return statement(db, `SELECT ${RSVP_COLUMNS} WHERE r.member_id = ? ORDER BY r.local_at, r.meeting_id`)
    .all(memberId)
    .map(toRsvpFact);
}
