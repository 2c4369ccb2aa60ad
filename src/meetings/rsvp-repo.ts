import { z } from "zod";
import type { Db } from "../../db/open";
import type { LocalDateTime } from "../schedule/local-time";
import { statement } from "../../db/statements";

export const RSVP_ANSWERS = ["yes", "maybe", "no"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export type RsvpCounts = Readonly<Record<RsvpAnswer, number>>;

/** One answer per member and occurrence; answering again moves the vote. */
export class RsvpRepo {
  constructor(private readonly db: Db) {}

  set(meetingId: number, local: LocalDateTime, memberId: string, answer: RsvpAnswer, at: Date): void {
    statement(
      this.db,
      `INSERT INTO meeting_rsvps (meeting_id, local_at, member_id, answer, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id, local_at, member_id) DO UPDATE SET answer = excluded.answer, at = excluded.at`,
    ).run(meetingId, local, memberId, answer, at.getTime());
  }

  /** Takes a member's answer back if it is `answer`; false when they had answered otherwise. */
  withdraw(meetingId: number, local: LocalDateTime, memberId: string, answer: RsvpAnswer): boolean {
    return (
      statement(
        this.db,
        "DELETE FROM meeting_rsvps WHERE meeting_id = ? AND local_at = ? AND member_id = ? AND answer = ?",
      ).run(meetingId, local, memberId, answer).changes > 0
    );
  }

  counts(meetingId: number, local: LocalDateTime): RsvpCounts {
    const rows = statement(
      this.db,
      "SELECT answer, count(*) AS n FROM meeting_rsvps WHERE meeting_id = ? AND local_at = ? GROUP BY answer",
    )
      .all(meetingId, local)
      .map((row) => z.object({ answer: z.enum(RSVP_ANSWERS), n: z.number() }).parse(row));
    const counts = { yes: 0, maybe: 0, no: 0 };
    for (const row of rows) counts[row.answer] = row.n;
    return counts;
  }
}
