import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import type { Clock } from "../core/clock";
import { DELIVERABLES, type Deliverable } from "./deliverable";
import type { Proposal } from "./proposal";
import { statement } from "../../db/statements";

export const GROUP_STATES = ["proposed", "forming", "running", "expired", "closed"] as const;
export type GroupState = (typeof GROUP_STATES)[number];
export type GroupRole = "facilitator" | "member";

/** A working group from proposal to close. */
export interface Group {
  readonly id: number;
  readonly title: string;
  readonly problem: string;
  readonly deliverable: Deliverable;
  readonly due: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly topics: readonly string[];
  readonly facilitatorId: string;
  readonly proposerId: string;
  readonly channelId: string;
  readonly spaceId: string | undefined;
  readonly state: GroupState;
  readonly signupDeadline: Date;
  readonly statusText: string | undefined;
  readonly checkinId: number | undefined;
  readonly resultUrl: string | undefined;
  readonly summary: string | undefined;
  readonly createdAt: Date;
  readonly startedAt: Date | undefined;
  readonly closedAt: Date | undefined;
}

export interface GroupMember {
  readonly memberId: string;
  readonly role: GroupRole;
  readonly state: "joined" | "waiting" | "left";
  readonly joinedAt: Date | undefined;
  /** When the state last changed (for "left": when the person left). */
  readonly since: Date;
}

const readGroup = rowReader({
  id: z.number(),
  title: z.string(),
  problem: z.string(),
  deliverable: z.enum(DELIVERABLES),
  due_date: z.string(),
  min_size: z.number(),
  max_size: z.number(),
  topics: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
  facilitator_id: z.string(),
  proposer_id: z.string(),
  channel_id: z.string(),
  space_id: z.string().nullable(),
  state: z.enum(GROUP_STATES),
  signup_deadline: column.date,
  status_text: z.string().nullable(),
  checkin_id: z.number().nullable(),
  result_url: z.string().nullable(),
  summary: z.string().nullable(),
  created_at: column.date,
  started_at: column.optionalDate,
  closed_at: column.optionalDate,
});

const toMember: (row: unknown) => GroupMember = rowReader({
  member_id: z.string(),
  role: z.enum(["facilitator", "member"]),
  state: z.enum(["joined", "waiting", "left"]),
  joined_at: column.optionalDate,
  since: column.date,
});

function toGroup(row: unknown): Group {
  const { dueDate, ...group } = readGroup(row);
  return { ...group, due: dueDate };
}

/** Outcome of a join: a seat, the waiting list, or nothing new. */
export type JoinOutcome = "joined" | "waiting" | "already";

/** Working groups and their members (real SQLite, rows validated with zod). */
export class GroupRepo {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Stores a proposal; the facilitator is its first member. */
  create(p: Proposal, opts: { proposerId: string; channelId: string; signupDeadline: Date }): Group {
    const now = this.clock.now().getTime();
    const id = this.db.transaction(() => {
      const result = statement(
        this.db,
        `INSERT INTO work_groups (title, problem, deliverable, due_date, min_size, max_size, topics, facilitator_id,
             proposer_id, channel_id, state, signup_deadline, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?)`,
      ).run(
        p.title,
        p.problem,
        p.deliverable,
        p.due,
        p.minSize,
        p.maxSize,
        JSON.stringify(p.topics),
        p.facilitatorId,
        opts.proposerId,
        opts.channelId,
        opts.signupDeadline.getTime(),
        now,
      );
      const groupId = Number(result.lastInsertRowid);
      statement(
        this.db,
        `INSERT INTO work_group_members (group_id, member_id, role, state, since, joined_at)
           VALUES (?, ?, 'facilitator', 'joined', ?, ?)`,
      ).run(groupId, p.facilitatorId, now, now);
      return groupId;
    })();
    return this.require(id);
  }

  get(id: number): Group | undefined {
    const row = statement(this.db, "SELECT * FROM work_groups WHERE id = ?").get(id);
    return row === undefined ? undefined : toGroup(row);
  }

  private require(id: number): Group {
    const group = this.get(id);
    if (!group) throw new Error(`working group ${id} vanished`);
    return group;
  }

  /** The group whose private space is `channelId`. */
  bySpace(channelId: string): Group | undefined {
    const row = statement(this.db, "SELECT * FROM work_groups WHERE space_id = ?").get(channelId);
    return row === undefined ? undefined : toGroup(row);
  }

  /** Groups in the given states, oldest first. */
  list(states: readonly GroupState[]): Group[] {
    return statement(
      this.db,
      `SELECT * FROM work_groups WHERE state IN (${states.map(() => "?").join(",")}) ORDER BY id`,
    )
      .all(...states)
      .map(toGroup);
  }

  /** Groups in the given states in which the member holds a seat. */
  listFor(memberId: string, states: readonly GroupState[]): Group[] {
    return statement(
      this.db,
      `SELECT g.* FROM work_groups g JOIN work_group_members m ON m.group_id = g.id
         WHERE m.member_id = ? AND m.state = 'joined' AND g.state IN (${states.map(() => "?").join(",")})
         ORDER BY g.id`,
    )
      .all(memberId, ...states)
      .map(toGroup);
  }

  /** Moves a group to `state` only if it is in one of `from`; false when someone else was first. */
  transition(id: number, from: readonly GroupState[], state: GroupState): boolean {
    const now = this.clock.now().getTime();
    const result = statement(
      this.db,
      `UPDATE work_groups SET state = ?,
           started_at = CASE WHEN ? = 'running' THEN ? ELSE started_at END,
           closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END
         WHERE id = ? AND state IN (${from.map(() => "?").join(",")})`,
    ).run(state, state, now, state, now, id, ...from);
    return result.changes > 0;
  }

  /** Sets fields that change while a group lives. */
  patch(
    id: number,
    fields: Partial<{
      spaceId: string;
      checkinId: number;
      due: string;
      signupDeadline: Date;
      resultUrl: string;
      summary: string;
    }>,
  ): void {
    const columns: [string, string | number | null][] = [];
    if (fields.spaceId !== undefined) columns.push(["space_id", fields.spaceId]);
    if (fields.checkinId !== undefined) columns.push(["checkin_id", fields.checkinId]);
    if (fields.due !== undefined) columns.push(["due_date", fields.due]);
    if (fields.signupDeadline !== undefined)
      columns.push(["signup_deadline", fields.signupDeadline.getTime()]);
    if (fields.resultUrl !== undefined) columns.push(["result_url", fields.resultUrl]);
    if (fields.summary !== undefined) columns.push(["summary", fields.summary]);
    if (columns.length === 0) return;
    statement(
      this.db,
      `UPDATE work_groups SET ${columns.map(([c]) => `${c} = ?`).join(", ")} WHERE id = ?`,
    ).run(...columns.map(([, v]) => v), id);
  }

  setStatus(id: number, text: string): void {
    statement(this.db, "UPDATE work_groups SET status_text = ?, status_at = ? WHERE id = ?").run(
      text,
      this.clock.now().getTime(),
      id,
    );
  }

  /** Seats (and, with `waiting`, the waiting list in order). */
  members(id: number, states: readonly GroupMember["state"][] = ["joined"]): GroupMember[] {
    return statement(
      this.db,
      `SELECT member_id, role, state, joined_at, since FROM work_group_members
         WHERE group_id = ? AND state IN (${states.map(() => "?").join(",")})
         ORDER BY CASE role WHEN 'facilitator' THEN 0 ELSE 1 END, since, member_id`,
    )
      .all(id, ...states)
      .map(toMember);
  }

  /**
   * Makes `toId` the facilitator with a seat (keeping the date they first joined); `fromId`
   * stays as a member.
   */
  setFacilitator(id: number, fromId: string, toId: string, at: Date): void {
    statement(this.db, "UPDATE work_groups SET facilitator_id = ? WHERE id = ?").run(toId, id);
    statement(
      this.db,
      "UPDATE work_group_members SET role = 'member' WHERE group_id = ? AND member_id = ?",
    ).run(id, fromId);
    statement(
      this.db,
      `INSERT INTO work_group_members (group_id, member_id, role, state, since, joined_at)
         VALUES (?, ?, 'facilitator', 'joined', ?, ?)
         ON CONFLICT (group_id, member_id) DO UPDATE SET role = 'facilitator', state = 'joined',
           since = CASE WHEN work_group_members.state = 'joined' THEN work_group_members.since ELSE excluded.since END,
           joined_at = coalesce(work_group_members.joined_at, excluded.joined_at)`,
    ).run(id, toId, at.getTime(), at.getTime());
  }

  /** Records a moved due date with its reason (the history of extensions). */
  recordExtension(id: number, e: { from: string; to: string; reason: string; by: string; at: Date }): void {
    statement(
      this.db,
      "INSERT INTO work_group_extensions (group_id, old_due, new_due, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(id, e.from, e.to, e.reason, e.by, e.at.getTime());
  }

  membership(id: number, memberId: string): GroupMember | undefined {
    return this.members(id, ["joined", "waiting", "left"]).find((m) => m.memberId === memberId);
  }

  /** Takes a seat if one is free, else a place on the waiting list. */
  join(id: number, memberId: string, maxSize: number): JoinOutcome {
    return this.db.transaction((): JoinOutcome => {
      const current = this.membership(id, memberId);
      if (current && current.state !== "left") return "already";
      const seated = this.members(id).length;
      const state = seated < maxSize ? "joined" : "waiting";
      const now = this.clock.now().getTime();
      statement(
        this.db,
        `INSERT INTO work_group_members (group_id, member_id, role, state, since, joined_at)
           VALUES (?, ?, 'member', ?, ?, ?)
           ON CONFLICT (group_id, member_id) DO UPDATE SET state = excluded.state, since = excluded.since,
             joined_at = coalesce(work_group_members.joined_at, excluded.joined_at)`,
      ).run(id, memberId, state, now, state === "joined" ? now : null);
      return state;
    })();
  }

  /** Frees a seat; the first on the waiting list moves up. Returns who moved up, if anyone. */
  leave(id: number, memberId: string, maxSize: number): { left: boolean; promoted?: string } {
    return this.db.transaction(() => {
      const current = this.membership(id, memberId);
      if (!current || current.state === "left") return { left: false };
      const now = this.clock.now().getTime();
      statement(
        this.db,
        "UPDATE work_group_members SET state = 'left', since = ? WHERE group_id = ? AND member_id = ?",
      ).run(now, id, memberId);
      const next = this.members(id, ["waiting"])[0];
      if (!next || this.members(id).length >= maxSize) return { left: true };
      statement(
        this.db,
        `UPDATE work_group_members SET state = 'joined', since = ?, joined_at = coalesce(joined_at, ?)
           WHERE group_id = ? AND member_id = ?`,
      ).run(now, now, id, next.memberId);
      return { left: true, promoted: next.memberId };
    })();
  }
}
