import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** Records time a member spent on the group's work. */
export function logTime(
  db: Db,
  entry: { groupId: number; memberId: string; minutes: number; note?: string; at: Date },
): void {
  statement(
    db,
    "INSERT INTO work_group_time (group_id, member_id, minutes, note, at) VALUES (?, ?, ?, ?, ?)",
  ).run(entry.groupId, entry.memberId, entry.minutes, entry.note ?? null, entry.at.getTime());
}

/** A member's total logged minutes in a group. */
export function totalMinutes(db: Db, groupId: number, memberId: string): number {
  const row = statement(
    db,
    "SELECT coalesce(sum(minutes), 0) AS total FROM work_group_time WHERE group_id = ? AND member_id = ?",
  ).get(groupId, memberId);
  return z.object({ total: z.number() }).parse(row).total;
}
