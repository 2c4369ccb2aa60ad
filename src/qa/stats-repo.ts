import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

export interface QaStats {
  readonly asked: number;
  readonly answered: number;
  readonly solved: number;
  /** Median milliseconds from asking to the first answer / to the solution; undefined without data. */
  readonly medianFirstAnswerMs: number | undefined;
  readonly medianSolutionMs: number | undefined;
}

const Row = z.object({
  asked_at: z.number(),
  first_answer_at: z.number().nullable(),
  solved_at: z.number().nullable(),
});

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** How fast the community answers: questions asked since `since`, with median times. */
export function qaStats(db: Db, since: Date): QaStats {
  const rows = statement(
    db,
    "SELECT asked_at, first_answer_at, solved_at FROM qa_questions WHERE asked_at >= ?",
  )
    .all(since.getTime())
    .map((row) => Row.parse(row));
  const firstAnswers = rows.flatMap((r) =>
    r.first_answer_at === null ? [] : [r.first_answer_at - r.asked_at],
  );
  const solutions = rows.flatMap((r) => (r.solved_at === null ? [] : [r.solved_at - r.asked_at]));
  return {
    asked: rows.length,
    answered: firstAnswers.length,
    solved: solutions.length,
    medianFirstAnswerMs: median(firstAnswers),
    medianSolutionMs: median(solutions),
  };
}
