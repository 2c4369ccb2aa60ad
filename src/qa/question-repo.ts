import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import { column, rowReader } from "../../db/rows";
import { transaction } from "../../db/transaction";

export interface Question {
  readonly id: number;
  readonly askerId: string;
  readonly channelId: string;
  readonly messageId: string | undefined;
  readonly postKey: string | undefined;
  readonly text: string;
  readonly status: "open" | "solved";
  readonly askedAt: Date;
  readonly firstAnswerAt: Date | undefined;
  readonly solvedAt: Date | undefined;
  readonly solvedBy: string | undefined;
  readonly acceptedMessageId: string | undefined;
  readonly acceptedAuthorId: string | undefined;
  readonly acceptedText: string | undefined;
  readonly escalationStage: number;
  readonly nudged: boolean;
}

export interface Answer {
  readonly questionId: number;
  readonly messageId: string;
  readonly authorId: string;
  readonly text: string;
  readonly at: Date;
}

const toQuestion: (row: unknown) => Question = rowReader({
  id: z.number(),
  asker_id: z.string(),
  channel_id: z.string(),
  message_id: z.string().nullable(),
  post_key: z.string().nullable(),
  text: z.string(),
  status: z.enum(["open", "solved"]),
  asked_at: column.date,
  first_answer_at: column.optionalDate,
  solved_at: column.optionalDate,
  solved_by: z.string().nullable(),
  accepted_message_id: z.string().nullable(),
  accepted_author_id: z.string().nullable(),
  accepted_text: z.string().nullable(),
  escalation_stage: z.number(),
  nudged: column.flag,
});

const toAnswer: (row: unknown) => Answer = rowReader({
  question_id: z.number(),
  message_id: z.string(),
  author_id: z.string(),
  text: z.string(),
  at: column.date,
});

const PeopleRow = rowReader({
  id: z.number(),
  asker_id: z.string(),
  asker_name: z.string().nullable(),
  accepted_author_id: z.string().nullable(),
  accepted_author_name: z.string().nullable(),
});

/**
 * Who asked a question and whose answer was accepted, with the display names copbot knows of
 * them (undefined for someone it does not know, see `plainName`).
 */
export interface QuestionPeople {
  readonly askerId: string;
  readonly askerName: string | undefined;
  readonly acceptedAuthorId: string | undefined;
  readonly acceptedAuthorName: string | undefined;
}

/** Questions and their answers in SQLite (rows validated with zod). */
export class QuestionRepo {
  constructor(private readonly db: Db) {}

  /**
   * Tracks a new question. A user's own message is located by `messageId`; a question copbot
   * posts on someone's behalf gets the outbox key `qa.question:<id>` instead.
   */
  create(q: { askerId: string; channelId: string; messageId?: string; text: string; at: Date }): Question {
    // Built from what was written and the table's defaults, as a read would return it: the
    // module wrote every column itself, so neither a read back (RETURNING) nor a validation of
    // that row is needed (test/qa/question-create.test.ts holds it to the stored row).
    const insert = (): number =>
      Number(
        statement(
          this.db,
          "INSERT INTO qa_questions (asker_id, channel_id, message_id, text, asked_at) VALUES (?, ?, ?, ?, ?)",
        ).run(q.askerId, q.channelId, q.messageId ?? null, q.text, q.at.getTime()).lastInsertRowid,
      );
    const created = (id: number, postKey: string | undefined): Question => ({
      id,
      askerId: q.askerId,
      channelId: q.channelId,
      messageId: q.messageId,
      postKey,
      text: q.text,
      status: "open",
      askedAt: new Date(q.at.getTime()),
      firstAnswerAt: undefined,
      solvedAt: undefined,
      solvedBy: undefined,
      acceptedMessageId: undefined,
      acceptedAuthorId: undefined,
      acceptedText: undefined,
      escalationStage: 0,
      nudged: false,
    });
    if (q.messageId !== undefined) return created(insert(), undefined);
    return transaction(this.db, () => {
      const id = insert();
      const postKey = `qa.question:${id}`;
      statement(this.db, "UPDATE qa_questions SET post_key = ? WHERE id = ?").run(postKey, id);
      return created(id, postKey);
    });
  }

  get(id: number): Question | undefined {
    const row = statement(this.db, "SELECT * FROM qa_questions WHERE id = ?").get(id);
    return row === undefined ? undefined : toQuestion(row);
  }

  /**
   * Who asked and whose answer was accepted, with their display names, for questions by id:
   * one read for a list of hits (the names joined in, not looked up again by id).
   */
  people(ids: readonly number[]): Map<number, QuestionPeople> {
    const rows = statement(
      this.db,
      `SELECT q.id, q.asker_id, a.display_name AS asker_name,
         q.accepted_author_id, b.display_name AS accepted_author_name
       FROM qa_questions AS q
       LEFT JOIN members AS a ON a.id = q.asker_id
       LEFT JOIN members AS b ON b.id = q.accepted_author_id
       WHERE q.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids));
    return new Map(rows.map((row) => PeopleRow(row)).map(({ id, ...people }) => [id, people]));
  }

  byMessage(channelId: string, messageId: string): Question | undefined {
    const row = statement(this.db, "SELECT * FROM qa_questions WHERE channel_id = ? AND message_id = ?").get(
      channelId,
      messageId,
    );
    return row === undefined ? undefined : toQuestion(row);
  }

  byPostKey(key: string): Question | undefined {
    const row = statement(this.db, "SELECT * FROM qa_questions WHERE post_key = ?").get(key);
    return row === undefined ? undefined : toQuestion(row);
  }

  /** Learns where copbot's post of the question landed. */
  setMessageId(id: number, messageId: string): void {
    statement(this.db, "UPDATE qa_questions SET message_id = ? WHERE id = ? AND message_id IS NULL").run(
      messageId,
      id,
    );
  }

  updateText(id: number, text: string): void {
    statement(this.db, "UPDATE qa_questions SET text = ? WHERE id = ?").run(text, id);
  }

  delete(id: number): void {
    statement(this.db, "DELETE FROM qa_questions WHERE id = ?").run(id);
  }

  /** Records a reply in the question's thread; the first one sets the time to first answer. */
  addAnswer(a: Answer): void {
    statement(
      this.db,
      "INSERT OR IGNORE INTO qa_answers (question_id, message_id, author_id, text, at) VALUES (?, ?, ?, ?, ?)",
    ).run(a.questionId, a.messageId, a.authorId, a.text, a.at.getTime());
    statement(
      this.db,
      "UPDATE qa_questions SET first_answer_at = ? WHERE id = ? AND first_answer_at IS NULL",
    ).run(a.at.getTime(), a.questionId);
  }

  /** The tracked answer that is this message, in any question of the channel. */
  answerByMessage(channelId: string, messageId: string): Answer | undefined {
    const row = statement(
      this.db,
      `SELECT a.* FROM qa_answers a JOIN qa_questions q ON q.id = a.question_id
         WHERE q.channel_id = ? AND a.message_id = ?`,
    ).get(channelId, messageId);
    return row === undefined ? undefined : toAnswer(row);
  }

  updateAnswerText(questionId: number, messageId: string, text: string): void {
    statement(this.db, "UPDATE qa_answers SET text = ? WHERE question_id = ? AND message_id = ?").run(
      text,
      questionId,
      messageId,
    );
  }

  /** Every reply by someone other than the asker, newest first. */
  answers(questionId: number): Answer[] {
    return statement(this.db, "SELECT * FROM qa_answers WHERE question_id = ? ORDER BY at DESC, rowid DESC")
      .all(questionId)
      .map(toAnswer);
  }

  /** One reply of a question by its message id. */
  answer(questionId: number, messageId: string): Answer | undefined {
    const row = statement(this.db, "SELECT * FROM qa_answers WHERE question_id = ? AND message_id = ?").get(
      questionId,
      messageId,
    );
    return row === undefined ? undefined : toAnswer(row);
  }

  /** Marks solved; false when it already was (so solving twice changes nothing). */
  solve(id: number, by: string, at: Date, answer: Answer | undefined): boolean {
    const result = statement(
      this.db,
      `UPDATE qa_questions SET status = 'solved', solved_at = ?, solved_by = ?, accepted_message_id = ?,
           accepted_author_id = ?, accepted_text = ? WHERE id = ? AND status = 'open'`,
    ).run(at.getTime(), by, answer?.messageId ?? null, answer?.authorId ?? null, answer?.text ?? null, id);
    return result.changes > 0;
  }

  /**
   * Accepts one more answer of a solved question (the asker credits several replies); false
   * when it already was accepted.
   */
  acceptMore(answer: Answer, at: Date): boolean {
    const q = this.get(answer.questionId);
    if (!q || q.acceptedMessageId === answer.messageId) return false;
    if (q.acceptedMessageId === undefined) {
      return (
        statement(
          this.db,
          `UPDATE qa_questions SET accepted_message_id = ?, accepted_author_id = ?, accepted_text = ?
             WHERE id = ? AND accepted_message_id IS NULL`,
        ).run(answer.messageId, answer.authorId, answer.text, answer.questionId).changes > 0
      );
    }
    return (
      statement(
        this.db,
        "INSERT OR IGNORE INTO qa_more_accepted (question_id, message_id, author_id, text, at) VALUES (?, ?, ?, ?, ?)",
      ).run(answer.questionId, answer.messageId, answer.authorId, answer.text, at.getTime()).changes > 0
    );
  }

  /** Every accepted answer of a question, the first accepted first. */
  accepted(questionId: number): Answer[] {
    const q = this.get(questionId);
    if (!q || q.acceptedMessageId === undefined) return [];
    const first: Answer = {
      questionId,
      messageId: q.acceptedMessageId,
      authorId: q.acceptedAuthorId ?? "",
      text: q.acceptedText ?? "",
      at: q.solvedAt ?? q.askedAt,
    };
    const more = statement(this.db, "SELECT * FROM qa_more_accepted WHERE question_id = ? ORDER BY at, rowid")
      .all(questionId)
      .map(toAnswer);
    return [first, ...more];
  }

  /**
   * Takes back one accepted answer (its ✅ was removed); a later accepted answer moves up to
   * be the first. Returns how many accepted answers are left.
   */
  unaccept(questionId: number, messageId: string): number {
    const rest = this.accepted(questionId).filter((a) => a.messageId !== messageId);
    statement(
      this.db,
      `UPDATE qa_questions SET accepted_message_id = NULL, accepted_author_id = NULL, accepted_text = NULL
         WHERE id = ?`,
    ).run(questionId);
    statement(this.db, "DELETE FROM qa_more_accepted WHERE question_id = ?").run(questionId);
    for (const answer of rest) this.acceptMore(answer, answer.at);
    return rest.length;
  }

  /** Opens a solved question again: no accepted answer, not solved. */
  reopen(id: number): boolean {
    statement(this.db, "DELETE FROM qa_more_accepted WHERE question_id = ?").run(id);
    return (
      statement(
        this.db,
        `UPDATE qa_questions SET status = 'open', solved_at = NULL, solved_by = NULL, accepted_message_id = NULL,
           accepted_author_id = NULL, accepted_text = NULL WHERE id = ? AND status = 'solved'`,
      ).run(id).changes > 0
    );
  }

  setEscalationStage(id: number, stage: number): void {
    statement(
      this.db,
      "UPDATE qa_questions SET escalation_stage = max(escalation_stage, ?) WHERE id = ?",
    ).run(stage, id);
  }

  markNudged(id: number): boolean {
    return (
      statement(this.db, "UPDATE qa_questions SET nudged = 1 WHERE id = ? AND nudged = 0").run(id).changes > 0
    );
  }

  /** Open questions one member asked, newest first. */
  openBy(askerId: string, limit = 10): Question[] {
    return statement(
      this.db,
      `SELECT * FROM qa_questions WHERE status = 'open' AND asker_id = ? ORDER BY asked_at DESC, id DESC LIMIT ${sqlLimit(limit)}`,
    )
      .all(askerId)
      .map(toQuestion);
  }

  /** How many questions are open. */
  openCount(): number {
    return (
      statement(this.db, "SELECT count(*) AS n FROM qa_questions WHERE status = 'open'").get() as {
        n: number;
      }
    ).n;
  }

  /** Open questions, those most people wait for (followers) first, then the oldest. */
  open(limit = 50): Question[] {
    return statement(
      this.db,
      `SELECT * FROM qa_questions q WHERE status = 'open'
         ORDER BY (SELECT count(*) FROM qa_followers f WHERE f.question_id = q.id) DESC, asked_at, id LIMIT ${sqlLimit(limit)}`,
    )
      .all()
      .map(toQuestion);
  }
}
