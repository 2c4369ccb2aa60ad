import { PersonalDataRepo } from "../../db/personal-data-repo";
import { FORMER_MEMBER } from "../core/privacy";

/**
 * The working-group tables as far as one member's personal data and deleted messages go. A
 * member's seat, time log, invitation choice and copied proposal texts are theirs and are
 * deleted; a group's history (who proposed, facilitated, completed a milestone, moved the due
 * date) stays for the community, by `FORMER_MEMBER`.
 */
export class GroupsPrivacyRepo extends PersonalDataRepo {
  /** Everything the groups feature stores about the member. */
  export(memberId: string): Record<string, unknown[]> {
    return {
      groups_proposed: this.all(
        "SELECT id, title, problem, state, created_at FROM work_groups WHERE proposer_id = ? ORDER BY id",
        memberId,
      ),
      groups_facilitated: this.all(
        "SELECT id, title, state FROM work_groups WHERE facilitator_id = ? ORDER BY id",
        memberId,
      ),
      group_seats: this.all(
        `SELECT m.group_id, g.title, m.role, m.state, m.since, m.joined_at FROM work_group_members m
         JOIN work_groups g ON g.id = m.group_id WHERE m.member_id = ? ORDER BY m.group_id`,
        memberId,
      ),
      time_log: this.all(
        `SELECT t.group_id, g.title, t.minutes, t.note, t.at FROM work_group_time t
         JOIN work_groups g ON g.id = t.group_id WHERE t.member_id = ? ORDER BY t.at`,
        memberId,
      ),
      milestones_done: this.all(
        "SELECT group_id, title, due_date, done_at FROM work_group_milestones WHERE done_by = ? ORDER BY done_at",
        memberId,
      ),
      due_date_extensions: this.all(
        "SELECT group_id, old_due, new_due, reason, at FROM work_group_extensions WHERE by = ? ORDER BY at",
        memberId,
      ),
      offers: this.all(
        "SELECT channel_id, thread_id, text, at FROM work_group_offers WHERE author_id = ? ORDER BY at",
        memberId,
      ),
      invitations: this.all(
        "SELECT opted_in, updated_at FROM work_group_invite_optins WHERE member_id = ?",
        memberId,
      ),
    };
  }

  /** Deletes the member's own records and attributes the groups' history to `FORMER_MEMBER`. */
  forget(memberId: string): Record<string, number> {
    const id = memberId;
    const former = FORMER_MEMBER;
    return {
      group_seats: this.run("DELETE FROM work_group_members WHERE member_id = ?", id),
      time_log: this.run("DELETE FROM work_group_time WHERE member_id = ?", id),
      offers: this.run("DELETE FROM work_group_offers WHERE author_id = ?", id),
      invitations: this.run("DELETE FROM work_group_invite_optins WHERE member_id = ?", id),
      group_history_kept:
        this.run("UPDATE work_groups SET proposer_id = ? WHERE proposer_id = ?", former, id) +
        this.run("UPDATE work_groups SET facilitator_id = ? WHERE facilitator_id = ?", former, id) +
        this.run("UPDATE work_group_milestones SET done_by = ? WHERE done_by = ?", former, id) +
        this.run("UPDATE work_group_extensions SET by = ? WHERE by = ?", former, id),
    };
  }

  /** A thread's first message is gone: the proposal text copied from it goes too. */
  deleteOffersOfThread(channelId: string, threadId: string): number {
    return this.run(
      "DELETE FROM work_group_offers WHERE channel_id = ? AND thread_id = ?",
      channelId,
      threadId,
    );
  }
}
