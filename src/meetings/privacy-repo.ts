import { PersonalDataRepo } from "../../db/personal-data-repo";
import { FORMER_MEMBER, likeContaining } from "../core/privacy";

/** Empties the agenda copy of reminders (a later redraw shows the reminder without it). */
const DROP_AGENDA = `UPDATE occurrence_ledger SET details = json_set(details, '$.agenda', json('[]'))
  WHERE json_valid(details) AND json_array_length(details, '$.agenda') > 0`;

/**
 * The meetings and check-in tables as far as one member's personal data and retention go:
 * RSVPs, check-in participation and answers are the member's and are deleted; the meetings and
 * check-ins they set up stay for the community, set up by `FORMER_MEMBER`.
 */
export class MeetingsPrivacyRepo extends PersonalDataRepo {
  /** Everything the meetings feature stores about the member. */
  export(memberId: string): Record<string, unknown[]> {
    return {
      meetings_created: this.all(
        "SELECT id, title, channel_id, state, created_at FROM meetings WHERE created_by = ? ORDER BY id",
        memberId,
      ),
      rsvps: this.all(
        `SELECT r.meeting_id, m.title, r.local_at, r.answer, r.at FROM meeting_rsvps r
         JOIN meetings m ON m.id = r.meeting_id WHERE r.member_id = ? ORDER BY r.at`,
        memberId,
      ),
      checkins_created: this.all(
        "SELECT id, title, channel_id, state, created_at FROM checkins WHERE created_by = ? ORDER BY id",
        memberId,
      ),
      checkin_participation: this.all(
        `SELECT p.checkin_id, c.title, p.joined_at FROM checkin_participants p
         JOIN checkins c ON c.id = p.checkin_id WHERE p.member_id = ? ORDER BY p.joined_at`,
        memberId,
      ),
      checkin_answers: this.all(
        `SELECT a.checkin_id, c.title, a.local_at, a.question_index, a.text, a.at FROM checkin_answers a
         JOIN checkins c ON c.id = a.checkin_id WHERE a.member_id = ? ORDER BY a.at, a.id`,
        memberId,
      ),
    };
  }

  /** Deletes the member's RSVPs, check-in participation and answers; keeps what they set up. */
  forget(memberId: string): Record<string, number> {
    return {
      rsvps: this.run("DELETE FROM meeting_rsvps WHERE member_id = ?", memberId),
      checkin_participation: this.run("DELETE FROM checkin_participants WHERE member_id = ?", memberId),
      checkin_answers: this.run("DELETE FROM checkin_answers WHERE member_id = ?", memberId),
      series_kept:
        this.run("UPDATE meetings SET created_by = ? WHERE created_by = ?", FORMER_MEMBER, memberId) +
        this.run("UPDATE checkins SET created_by = ? WHERE created_by = ?", FORMER_MEMBER, memberId),
    };
  }

  /**
   * Drops the agenda copied into the ledger for redrawing reminders (open questions, groups)
   * where it quotes `needle`, a text that is gone; returns how many reminders lost theirs.
   */
  dropAgendasQuoting(needle: string): number {
    return this.run(`${DROP_AGENDA} AND details LIKE ? ESCAPE '\\'`, likeContaining(needle));
  }

  /** Drops the agenda copies of reminders sent before `before`; returns how many. */
  dropAgendasBefore(before: Date): number {
    return this.run(`${DROP_AGENDA} AND done_at < ?`, before.getTime());
  }

  /** Deletes check-in answers given before `before`. */
  deleteAnswersBefore(before: Date): number {
    return this.run("DELETE FROM checkin_answers WHERE at < ?", before.getTime());
  }
}
