import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/**
 * The introduction tables as far as one member's personal data goes: their opt-in (topics,
 * pause) and their introductions (whom they were matched with is the other people's data too:
 * the export names the round, the shared topics and their own answer).
 */
export class IntrosPrivacyRepo {
  constructor(private readonly db: Db) {}

  /** Everything the introductions feature stores about the member. */
  export(memberId: string): Record<string, unknown[]> {
    return {
      intro_participation: statement(
        this.db,
        "SELECT topics, state, paused_until, joined_at, updated_at FROM intro_participants WHERE member_id = ?",
      ).all(memberId),
      introductions: statement(
        this.db,
        `SELECT r.local_at AS round, m.topics, mm.answer, mm.answered_at FROM intro_match_members mm
           JOIN intro_matches m ON m.id = mm.match_id JOIN intro_rounds r ON r.id = m.round_id
           WHERE mm.member_id = ? ORDER BY r.local_at`,
      ).all(memberId),
    };
  }

  /** Deletes the member's opt-in and their seats in past introductions (their intro history). */
  forget(memberId: string): Record<string, number> {
    const run = (sql: string) => statement(this.db, sql).run(memberId).changes;
    return {
      intro_participation: run("DELETE FROM intro_participants WHERE member_id = ?"),
      introductions: run("DELETE FROM intro_match_members WHERE member_id = ?"),
    };
  }
}
