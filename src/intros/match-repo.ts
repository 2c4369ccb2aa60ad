import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { statement } from "../../db/statements";

/** A group of two (or three) people introduced in one round. */
export interface IntroMatch {
  readonly id: number;
  readonly roundId: number;
  readonly topics: readonly string[];
  readonly channelId: string | undefined;
  readonly createdAt: Date;
  readonly members: readonly { readonly memberId: string; readonly answer: "met" | "not_yet" | undefined }[];
}

const readMatch = rowReader({
  id: z.number(),
  round_id: z.number(),
  topics: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
  channel_id: z.string().nullable(),
  created_at: column.date,
});
const readMember = rowReader({
  member_id: z.string(),
  answer: z.enum(["met", "not_yet"]).nullable(),
});

/** Rounds, matches and answers (real SQLite, rows validated with zod). */
export class MatchRepo {
  constructor(private readonly db: Db) {}

  /** Records a round; undefined when this occurrence already had one. */
  createRound(local: string, at: Date, available: number): number | undefined {
    const result = statement(
      this.db,
      "INSERT INTO intro_rounds (local_at, at, available) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(local, at.getTime(), available);
    return result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
  }

  createMatch(roundId: number, memberIds: readonly string[], topics: readonly string[], at: Date): number {
    const id = Number(
      statement(this.db, "INSERT INTO intro_matches (round_id, topics, created_at) VALUES (?, ?, ?)").run(
        roundId,
        JSON.stringify(topics),
        at.getTime(),
      ).lastInsertRowid,
    );
    const add = statement(this.db, "INSERT INTO intro_match_members (match_id, member_id) VALUES (?, ?)");
    for (const memberId of memberIds) add.run(id, memberId);
    return id;
  }

  get(id: number): IntroMatch | undefined {
    const row = statement(this.db, "SELECT * FROM intro_matches WHERE id = ?").get(id);
    if (row === undefined) return undefined;
    const members = statement(
      this.db,
      "SELECT member_id, answer FROM intro_match_members WHERE match_id = ? ORDER BY rowid",
    )
      .all(id)
      .map(readMember);
    return { ...readMatch(row), members };
  }

  /** Remembers the group conversation, so a retry writes into the same one. */
  setChannel(id: number, channelId: string): void {
    statement(this.db, "UPDATE intro_matches SET channel_id = ? WHERE id = ?").run(channelId, id);
  }

  /** Records a member's answer to the follow-up; false when they are not in the match. */
  answer(id: number, memberId: string, answer: "met" | "not_yet", at: Date): boolean {
    return (
      statement(
        this.db,
        "UPDATE intro_match_members SET answer = ?, answered_at = ? WHERE match_id = ? AND member_id = ?",
      ).run(answer, at.getTime(), id, memberId).changes > 0
    );
  }

  /** Every pair of people introduced to each other since `since`, as `a|b` with a < b. */
  pairsSince(since: Date): Set<string> {
    const rows = statement(
      this.db,
      `SELECT a.member_id AS a, b.member_id AS b FROM intro_match_members a
         JOIN intro_match_members b ON b.match_id = a.match_id AND a.member_id < b.member_id
         JOIN intro_matches m ON m.id = a.match_id WHERE m.created_at >= ?`,
    )
      .all(since.getTime())
      .map((row) => z.object({ a: z.string(), b: z.string() }).parse(row));
    return new Set(rows.map((r) => `${r.a}|${r.b}`));
  }

  /** Matches created in [from, to), oldest first. */
  matchesBetween(from: Date, to: Date): IntroMatch[] {
    return statement(
      this.db,
      "SELECT id FROM intro_matches WHERE created_at >= ? AND created_at < ? ORDER BY id",
    )
      .all(from.getTime(), to.getTime())
      .flatMap((row) => {
        const match = this.get(z.object({ id: z.number() }).parse(row).id);
        return match ? [match] : [];
      });
  }

  /** The matches one member was part of, oldest first. */
  matchesOf(memberId: string): IntroMatch[] {
    return statement(
      this.db,
      "SELECT match_id AS id FROM intro_match_members WHERE member_id = ? ORDER BY match_id",
    )
      .all(memberId)
      .flatMap((row) => {
        const match = this.get(z.object({ id: z.number() }).parse(row).id);
        return match ? [match] : [];
      });
  }

  /** How many rounds took place. */
  roundCount(): number {
    return z
      .object({ n: z.number() })
      .parse(statement(this.db, "SELECT count(*) AS n FROM intro_rounds").get()).n;
  }
}
