import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** Opts a member in to (or out of) DMs about new groups on their topics. */
export function setInvitations(db: Db, memberId: string, on: boolean, at: Date): void {
  statement(
    db,
    `INSERT INTO work_group_invite_optins (member_id, opted_in, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (member_id) DO UPDATE SET opted_in = excluded.opted_in, updated_at = excluded.updated_at`,
  ).run(memberId, on ? 1 : 0, at.getTime());
}

/** Members who opted in to group invitations. */
export function invitedMembers(db: Db): string[] {
  const rows = statement(
    db,
    "SELECT member_id FROM work_group_invite_optins WHERE opted_in = 1 ORDER BY member_id",
  ).all();
  return z
    .array(z.object({ member_id: z.string() }))
    .parse(rows)
    .map((row) => row.member_id);
}

/** True when the member opted in to group invitations (off until they say otherwise). */
export function invitationsOn(db: Db, memberId: string): boolean {
  const row = statement(db, "SELECT opted_in FROM work_group_invite_optins WHERE member_id = ?").get(
    memberId,
  );
  return row !== undefined && z.object({ opted_in: z.number() }).parse(row).opted_in === 1;
}
