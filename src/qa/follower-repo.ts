import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** Who follows which question (migration 008): they hear once when it is solved. */

/** Adds a follower; false when they already followed. */
export function follow(db: Db, questionId: number, memberId: string, at: Date): boolean {
  return (
    statement(db, "INSERT OR IGNORE INTO qa_followers (question_id, member_id, at) VALUES (?, ?, ?)").run(
      questionId,
      memberId,
      at.getTime(),
    ).changes > 0
  );
}

/** Removes a follower; false when they did not follow. */
export function unfollow(db: Db, questionId: number, memberId: string): boolean {
  return (
    statement(db, "DELETE FROM qa_followers WHERE question_id = ? AND member_id = ?").run(
      questionId,
      memberId,
    ).changes > 0
  );
}

const MemberRow = z.object({ member_id: z.string() });
const CountRow = z.object({ n: z.number() });

/** The followers of a question, first follower first. */
export function followersOf(db: Db, questionId: number): string[] {
  return statement(db, "SELECT member_id FROM qa_followers WHERE question_id = ? ORDER BY at, member_id")
    .all(questionId)
    .map((row) => MemberRow.parse(row).member_id);
}

/** How many members follow a question. */
export function followerCount(db: Db, questionId: number): number {
  return CountRow.parse(
    statement(db, "SELECT count(*) AS n FROM qa_followers WHERE question_id = ?").get(questionId),
  ).n;
}
