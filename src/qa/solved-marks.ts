import type { PostedRef } from "../core/message";
import type { Services } from "../core/services";
import type { Question } from "./question-repo";

/** The reaction that shows a question is solved, where people look: on it and on copbot's reply. */
const SOLVED_MARK = "white_check_mark";

/** The outbox keys of one solve's marks: each solve marks anew, a reopen takes that solve's back. */
function markKeys(q: Question, solvedAt: Date): { question: string; reply: string } {
  const at = solvedAt.getTime();
  return { question: `qa.mark:${q.id}:${at}:question`, reply: `qa.mark:${q.id}:${at}:reply` };
}

/** Marks the solved question and copbot's reply to it with ✅ (through the outbox). */
export function addSolvedMarks(services: Services, q: Question, solvedAt: Date): void {
  const keys = markKeys(q, solvedAt);
  const question: { ref: PostedRef } | { key: string } | undefined =
    q.messageId !== undefined
      ? { ref: { channelId: q.channelId, messageId: q.messageId } }
      : q.postKey !== undefined
        ? { key: q.postKey }
        : undefined;
  if (question) services.outbox.enqueueReact(question, SOLVED_MARK, keys.question);
  services.outbox.enqueueReact({ key: `qa.route:${q.id}` }, SOLVED_MARK, keys.reply);
}

/** Takes back the ✅ marks of the question's last solve (`q` as it was while solved). */
export function removeSolvedMarks(services: Services, q: Question): void {
  if (q.solvedAt === undefined) return;
  const keys = markKeys(q, q.solvedAt);
  services.outbox.enqueueUnreact(keys.question);
  services.outbox.enqueueUnreact(keys.reply);
}
