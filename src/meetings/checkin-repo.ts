import { z } from "zod";
import type { Db } from "../../db/open";
import type { LocalDateTime } from "../schedule/local-time";
import { insertSeries, SeriesRow, toSeries, type Series } from "./series-repo";
import { statement } from "../../db/statements";

/** An async check-in: questions asked by DM, answers collected until a deadline, one summary. */
export interface Checkin extends Series {
  readonly questions: readonly string[];
  readonly deadlineMinutes: number;
  readonly owner: { readonly kind: "group"; readonly id: number } | undefined;
}

export type CheckinInput = Omit<Checkin, "id" | "state" | "revision">;

export interface Answer {
  readonly id: number;
  readonly checkinId: number;
  readonly local: LocalDateTime;
  readonly memberId: string;
  readonly questionIndex: number;
  readonly text: string;
}

const Row = SeriesRow.extend({
  questions: z.string(),
  deadline_min: z.number(),
  owner_kind: z.literal("group").nullable(),
  owner_id: z.number().nullable(),
});

const AnswerRow = z.object({
  id: z.number(),
  checkin_id: z.number(),
  local_at: z.string(),
  member_id: z.string(),
  question_index: z.number(),
  text: z.string(),
});

function toCheckin(row: unknown): Checkin {
  const r = Row.parse(row);
  return {
    ...toSeries(r),
    questions: z.array(z.string()).parse(JSON.parse(r.questions)),
    deadlineMinutes: r.deadline_min,
    owner: r.owner_kind && r.owner_id !== null ? { kind: r.owner_kind, id: r.owner_id } : undefined,
  };
}

function toAnswer(row: unknown): Answer {
  const r = AnswerRow.parse(row);
  return {
    id: r.id,
    checkinId: r.checkin_id,
    local: r.local_at,
    memberId: r.member_id,
    questionIndex: r.question_index,
    text: r.text,
  };
}

/** Check-ins, their participants and answers (real SQLite, rows validated with zod). */
export class CheckinRepo {
  constructor(private readonly db: Db) {}

  create(input: CheckinInput, at: Date): number {
    return insertSeries(
      this.db,
      "checkins",
      input,
      {
        questions: JSON.stringify(input.questions),
        deadline_min: input.deadlineMinutes,
        owner_kind: input.owner?.kind ?? null,
        owner_id: input.owner?.id ?? null,
      },
      at,
    );
  }

  /** A check-in that was not deleted. */
  get(id: number): Checkin | undefined {
    const row = statement(this.db, "SELECT * FROM checkins WHERE id = ? AND state != 'deleted'").get(id);
    return row === undefined ? undefined : toCheckin(row);
  }

  list(): Checkin[] {
    return statement(this.db, "SELECT * FROM checkins WHERE state != 'deleted' ORDER BY id")
      .all()
      .map(toCheckin);
  }

  setState(id: number, state: Checkin["state"]): void {
    statement(this.db, "UPDATE checkins SET state = ?, revision = revision + 1 WHERE id = ?").run(state, id);
  }

  /** Adds a participant; false when they were already in. */
  join(id: number, memberId: string, at: Date): boolean {
    const result = statement(
      this.db,
      "INSERT OR IGNORE INTO checkin_participants (checkin_id, member_id, joined_at) VALUES (?, ?, ?)",
    ).run(id, memberId, at.getTime());
    return result.changes > 0;
  }

  /** Removes a participant; false when they were not in. */
  leave(id: number, memberId: string): boolean {
    return (
      statement(this.db, "DELETE FROM checkin_participants WHERE checkin_id = ? AND member_id = ?").run(
        id,
        memberId,
      ).changes > 0
    );
  }

  participants(id: number): string[] {
    return statement(
      this.db,
      "SELECT member_id FROM checkin_participants WHERE checkin_id = ? ORDER BY joined_at, member_id",
    )
      .all(id)
      .map((row) => z.object({ member_id: z.string() }).parse(row).member_id);
  }

  /** Stores (or replaces) one answer. */
  answer(a: Omit<Answer, "id">, at: Date): void {
    statement(
      this.db,
      `INSERT INTO checkin_answers (checkin_id, local_at, member_id, question_index, text, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (checkin_id, local_at, member_id, question_index) DO UPDATE SET text = excluded.text, at = excluded.at`,
    ).run(a.checkinId, a.local, a.memberId, a.questionIndex, a.text, at.getTime());
  }

  answers(id: number, local: LocalDateTime): Answer[] {
    return statement(
      this.db,
      "SELECT * FROM checkin_answers WHERE checkin_id = ? AND local_at = ? ORDER BY question_index, at, id",
    )
      .all(id, local)
      .map(toAnswer);
  }

  answerById(answerId: number): Answer | undefined {
    const row = statement(this.db, "SELECT * FROM checkin_answers WHERE id = ?").get(answerId);
    return row === undefined ? undefined : toAnswer(row);
  }
}
