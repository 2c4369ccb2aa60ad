import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

const MemberRow = z.object({ member_id: z.string() });

/**
 * Records that copbot asked (or suggested) these experts; pings count against the weekly cap.
 * One statement for all of them, atomic on its own: a question's pings need no savepoint
 * inside the transaction that routes it (one made each ping cost about twice as much).
 */
export function recordPings(
  db: Db,
  memberIds: readonly string[],
  purpose: "question" | "group-invite",
  at: Date,
  questionId?: number,
): void {
  if (memberIds.length === 0) return;
  const rows = memberIds.map(() => "(?, ?, ?, ?)").join(", ");
  statement(db, `INSERT OR IGNORE INTO qa_pings (member_id, question_id, purpose, at) VALUES ${rows}`).run(
    memberIds.flatMap((memberId) => [memberId, questionId ?? null, purpose, at.getTime()]),
  );
}

/** Records one ping (`recordPings`). */
export function recordPing(
  db: Db,
  memberId: string,
  purpose: "question" | "group-invite",
  at: Date,
  questionId?: number,
): void {
  recordPings(db, [memberId], purpose, at, questionId);
}

/** Members already asked about a question. */
export function pingedFor(db: Db, questionId: number): string[] {
  return statement(db, "SELECT member_id FROM qa_pings WHERE question_id = ? ORDER BY id")
    .all(questionId)
    .map((row) => MemberRow.parse(row).member_id);
}
