import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { DELIVERABLES, type Deliverable } from "./deliverable";
import { GROUP_STATES, type GroupState } from "./group-repo";
import { statement } from "../../db/statements";

/** A working group as reports, digests, the knowledge export and a member's impact see it. */
export interface GroupFact {
  readonly id: number;
  readonly title: string;
  readonly problem: string;
  readonly deliverable: Deliverable;
  readonly topics: readonly string[];
  readonly state: GroupState;
  readonly channelId: string;
  readonly maxSize: number;
  readonly seated: number;
  readonly signupDeadline: Date;
  readonly createdAt: Date;
  readonly startedAt: Date | undefined;
  readonly closedAt: Date | undefined;
  readonly resultUrl: string | undefined;
  readonly summary: string | undefined;
}

/** A member's part in one group: role, when they joined, and the time they logged. */
export interface GroupPart {
  readonly group: GroupFact;
  readonly role: "facilitator" | "member";
  readonly joinedAt: Date | undefined;
  readonly minutes: number;
}

const toGroupFact: (row: unknown) => GroupFact = rowReader({
  id: z.number(),
  title: z.string(),
  problem: z.string(),
  deliverable: z.enum(DELIVERABLES),
  topics: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
  state: z.enum(GROUP_STATES),
  channel_id: z.string(),
  max_size: z.number(),
  seated: z.number(),
  signup_deadline: column.date,
  created_at: column.date,
  started_at: column.optionalDate,
  closed_at: column.optionalDate,
  result_url: z.string().nullable(),
  summary: z.string().nullable(),
});

const GROUP_COLUMNS = `g.id, g.title, g.problem, g.deliverable, g.topics, g.state, g.channel_id, g.max_size,
  (SELECT count(*) FROM work_group_members s WHERE s.group_id = g.id AND s.state = 'joined') AS seated,
  g.signup_deadline, g.created_at, g.started_at, g.closed_at, g.result_url, g.summary FROM work_groups g`;

/** Every working group, oldest first. */
export function allGroups(db: Db): GroupFact[] {
  return statement(db, `SELECT ${GROUP_COLUMNS} ORDER BY g.id`).all().map(toGroupFact);
}

/** The groups one member held a seat in (or still holds), with role and logged minutes. */
export function groupPartsOf(db: Db, memberId: string): GroupPart[] {
  const rows = statement(
    db,
    `SELECT ${GROUP_COLUMNS} JOIN work_group_members m ON m.group_id = g.id
       WHERE m.member_id = ? AND m.joined_at IS NOT NULL ORDER BY g.id`,
  ).all(memberId);
  const parts = statement(
    db,
    `SELECT m.role, m.joined_at,
       (SELECT coalesce(sum(minutes), 0) FROM work_group_time t WHERE t.group_id = m.group_id AND t.member_id = m.member_id) AS minutes
     FROM work_group_members m WHERE m.group_id = ? AND m.member_id = ?`,
  );
  const readPart = rowReader({
    role: z.enum(["facilitator", "member"]),
    joined_at: column.optionalDate,
    minutes: z.number(),
  });
  return rows.map((row) => {
    const group = toGroupFact(row);
    const part = readPart(parts.get(group.id, memberId));
    return { group, role: part.role, joinedAt: part.joinedAt, minutes: part.minutes };
  });
}

/** Time entries logged in [from, to), oldest first (engagement in reports). */
export function minutesLogged(
  db: Db,
  from: Date,
  to: Date,
): { memberId: string; minutes: number; at: Date }[] {
  const read = rowReader({ member_id: z.string(), minutes: z.number(), at: column.date });
  return statement(
    db,
    "SELECT member_id, minutes, at FROM work_group_time WHERE at >= ? AND at < ? ORDER BY at",
  )
    .all(from.getTime(), to.getTime())
    .map(read);
}
