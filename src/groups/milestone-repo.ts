import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { statement } from "../../db/statements";

export interface Milestone {
  readonly id: number;
  readonly groupId: number;
  readonly title: string;
  /** ISO date. */
  readonly due: string;
  readonly doneAt: Date | undefined;
}

const readMilestone = rowReader({
  id: z.number(),
  group_id: z.number(),
  title: z.string(),
  due_date: z.string(),
  done_at: column.optionalDate,
});

function toMilestone(row: unknown): Milestone {
  const { dueDate, ...milestone } = readMilestone(row);
  return { ...milestone, due: dueDate };
}

/** Adds a milestone and returns it. */
export function addMilestone(db: Db, groupId: number, title: string, due: string): Milestone {
  const result = statement(
    db,
    "INSERT INTO work_group_milestones (group_id, title, due_date) VALUES (?, ?, ?)",
  ).run(groupId, title, due);
  return toMilestone(
    statement(db, "SELECT * FROM work_group_milestones WHERE id = ?").get(result.lastInsertRowid),
  );
}

/** A group's milestones by due date. */
export function listMilestones(db: Db, groupId: number): Milestone[] {
  return statement(db, "SELECT * FROM work_group_milestones WHERE group_id = ? ORDER BY due_date, id")
    .all(groupId)
    .map(toMilestone);
}

/** One milestone of a group, by its number. */
export function getMilestone(db: Db, groupId: number, id: number): Milestone | undefined {
  const row = statement(db, "SELECT * FROM work_group_milestones WHERE group_id = ? AND id = ?").get(
    groupId,
    id,
  );
  return row === undefined ? undefined : toMilestone(row);
}

/** Marks a milestone done; false when it already was. */
export function completeMilestone(db: Db, id: number, by: string, at: Date): boolean {
  return (
    statement(
      db,
      "UPDATE work_group_milestones SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL",
    ).run(at.getTime(), by, id).changes > 0
  );
}
