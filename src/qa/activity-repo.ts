import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { sqlLimit, statement } from "../../db/statements";

/**
 * Read-only facts about questions and answers for reports, digests, a member's impact and
 * the knowledge export. Other features reach them through `api.ts`.
 */
export interface QuestionFact {
  readonly id: number;
  readonly askerId: string;
  readonly channelId: string;
  readonly messageId: string | undefined;
  readonly text: string;
  readonly status: "open" | "solved";
  readonly askedAt: Date;
  readonly firstAnswerAt: Date | undefined;
  readonly solvedAt: Date | undefined;
  readonly acceptedAuthorId: string | undefined;
  readonly acceptedText: string | undefined;
  /** The link to the question (a platform permalink), when copbot learned one. */
  readonly url: string | undefined;
}

/** One reply in a question's thread by someone other than the asker. */
export interface AnswerFact {
  readonly questionId: number;
  readonly authorId: string;
  readonly at: Date;
  readonly questionText: string;
  /** True when this reply is the question's accepted answer. */
  readonly accepted: boolean;
}

const toQuestionFact: (row: unknown) => QuestionFact = rowReader({
  id: z.number(),
  asker_id: z.string(),
  channel_id: z.string(),
  message_id: z.string().nullable(),
  text: z.string(),
  status: z.enum(["open", "solved"]),
  asked_at: column.date,
  first_answer_at: column.optionalDate,
  solved_at: column.optionalDate,
  accepted_author_id: z.string().nullable(),
  accepted_text: z.string().nullable(),
  url: z.string().nullable(),
});

const toAnswerFact: (row: unknown) => AnswerFact = rowReader({
  question_id: z.number(),
  author_id: z.string(),
  at: column.date,
  question_text: z.string(),
  accepted: column.flag,
});

const QUESTION_COLUMNS = `q.id, q.asker_id, q.channel_id, q.message_id, q.text, q.status, q.asked_at,
  q.first_answer_at, q.solved_at, q.accepted_author_id, q.accepted_text, k.url
  FROM qa_questions q LEFT JOIN qa_knowledge k ON k.kind = 'question' AND k.source_id = CAST(q.id AS TEXT)`;

const ANSWER_COLUMNS = `a.question_id, a.author_id, a.at, q.text AS question_text,
  CASE WHEN q.accepted_message_id = a.message_id THEN 1 ELSE 0 END AS accepted
  FROM qa_answers a JOIN qa_questions q ON q.id = a.question_id`;

/** Questions asked in [from, to), oldest first. */
export function questionsAsked(db: Db, from: Date, to: Date): QuestionFact[] {
  return statement(
    db,
    `SELECT ${QUESTION_COLUMNS} WHERE q.asked_at >= ? AND q.asked_at < ? ORDER BY q.asked_at, q.id`,
  )
    .all(from.getTime(), to.getTime())
    .map(toQuestionFact);
}

/** Questions solved in [from, to), in the order they were solved. */
export function questionsSolved(db: Db, from: Date, to: Date): QuestionFact[] {
  return statement(
    db,
    `SELECT ${QUESTION_COLUMNS} WHERE q.solved_at >= ? AND q.solved_at < ? ORDER BY q.solved_at, q.id`,
  )
    .all(from.getTime(), to.getTime())
    .map(toQuestionFact);
}

/** Every solved question that has an accepted answer, oldest first (the knowledge export). */
export function solvedWithAnswers(db: Db): QuestionFact[] {
  return statement(
    db,
    `SELECT ${QUESTION_COLUMNS} WHERE q.status = 'solved' AND q.accepted_text IS NOT NULL ORDER BY q.solved_at, q.id`,
  )
    .all()
    .map(toQuestionFact);
}

/** Open questions, oldest first. */
export function openQuestions(db: Db, limit: number): QuestionFact[] {
  return statement(
    db,
    `SELECT ${QUESTION_COLUMNS} WHERE q.status = 'open' ORDER BY q.asked_at, q.id LIMIT ${sqlLimit(limit)}`,
  )
    .all()
    .map(toQuestionFact);
}

/** Replies given in [from, to), oldest first. */
export function answersGiven(db: Db, from: Date, to: Date): AnswerFact[] {
  return statement(db, `SELECT ${ANSWER_COLUMNS} WHERE a.at >= ? AND a.at < ? ORDER BY a.at`)
    .all(from.getTime(), to.getTime())
    .map(toAnswerFact);
}

/** The questions one member asked, oldest first. */
export function questionsBy(db: Db, memberId: string): QuestionFact[] {
  return statement(db, `SELECT ${QUESTION_COLUMNS} WHERE q.asker_id = ? ORDER BY q.asked_at, q.id`)
    .all(memberId)
    .map(toQuestionFact);
}

/** The replies one member gave to others' questions, oldest first. */
export function answersBy(db: Db, memberId: string): AnswerFact[] {
  return statement(db, `SELECT ${ANSWER_COLUMNS} WHERE a.author_id = ? ORDER BY a.at`)
    .all(memberId)
    .map(toAnswerFact);
}

/** Everyone registered as an expert for at least one topic. */
export function expertIds(db: Db): string[] {
  return statement(db, "SELECT DISTINCT member_id FROM qa_expert_topics ORDER BY member_id")
    .all()
    .map((row) => z.object({ member_id: z.string() }).parse(row).member_id);
}

/** How many questions are open. */
export function openQuestionCount(db: Db): number {
  return z
    .object({ n: z.number() })
    .parse(statement(db, "SELECT count(*) AS n FROM qa_questions WHERE status = 'open'").get()).n;
}
