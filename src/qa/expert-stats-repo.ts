import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

const MemberRow = z.object({ member_id: z.string() });

/** Records that copbot asked (or suggested) an expert; pings count against the weekly cap. */
export function recordPing(
  db: Db,
  memberId: string,
  purpose: "question" | "group-invite",
  at: Date,
  questionId?: number,
): void {
  statement(
    db,
    "INSERT OR IGNORE INTO qa_pings (member_id, question_id, purpose, at) VALUES (?, ?, ?, ?)",
  ).run(memberId, questionId ?? null, purpose, at.getTime());
}

/** Members already asked about a question. */
export function pingedFor(db: Db, questionId: number): string[] {
  return statement(db, "SELECT member_id FROM qa_pings WHERE question_id = ? ORDER BY id")
    .all(questionId)
    .map((row) => MemberRow.parse(row).member_id);
}
