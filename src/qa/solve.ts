import { fail, ok, type Result } from "../core/errors";
import { msg } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Member } from "../core/member-repo";
import { permits } from "../permissions";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { cancelFollowUps } from "./escalation";
import { recordAnsweredQuestion } from "./expert-repo";
import { addKnowledge } from "./knowledge-repo";
import { QuestionRepo, type Answer, type Question } from "./question-repo";
import { postInThread } from "./routing";
import { formatDurationShort } from "../i18n/format";

async function permalinkOf(
  services: Services,
  channelId: string,
  messageId: string,
): Promise<string | undefined> {
  try {
    return await services.ports.forId(channelId).permalink({ channelId, messageId });
  } catch (error) {
    services.log.warn({ err: error, channelId }, "no permalink for a solved question");
    return undefined;
  }
}

/** The question, if `actor` may mark it solved now (the asker or a moderator, still open). */
export function solvableQuestion(services: Services, questionId: number, actor: Member): Result<Question> {
  const q = new QuestionRepo(services.db).get(questionId);
  if (!q) return fail("qa.err.unknown_question", { id: questionId });
  if (q.status === "solved") return fail("qa.err.already_solved", { id: q.id });
  if (!permits("solved", { role: actor.role, owns: actor.id === q.askerId }))
    return fail("qa.err.not_yours", { id: q.id });
  return ok(q);
}

/**
 * Marks a question solved by `actor` (the asker or a moderator) with `answer` as the accepted
 * reply (none: solved without an answer). The answer's author is credited, the question and
 * answer go into the knowledge base, reminders stop.
 */
export async function solveQuestion(
  services: Services,
  opts: { questionId: number; actor: Member; answer: Answer | undefined },
): Promise<Result<{ question: Question; answer: Answer | undefined }>> {
  const repo = new QuestionRepo(services.db);
  const checked = solvableQuestion(services, opts.questionId, opts.actor);
  if (!checked.ok) return checked;
  const q = checked.value;
  const answer = opts.answer;
  // A question copbot posted on someone's behalf: where the post landed, if it was delivered.
  const messageId = q.messageId ?? (q.postKey ? services.outbox.posted(q.postKey)?.messageId : undefined);
  const url = messageId === undefined ? undefined : await permalinkOf(services, q.channelId, messageId);
  const now = services.clock.now();
  const t = translator(services.config.lang, services.platforms.prefixOf(q.channelId));
  const solved = services.db.transaction(() => {
    if (!repo.solve(q.id, opts.actor.id, now, answer)) return false;
    // Solving someone else's question takes moderator rights: that belongs in the audit log.
    if (opts.actor.id !== q.askerId) {
      services.audit.record(opts.actor.id, "qa.solve", String(q.id), answer && { answerBy: answer.authorId });
    }
    cancelFollowUps(services, q.id);
    if (answer) {
      recordAnsweredQuestion(services.db, answer.authorId, q.id, q.text);
      addKnowledge(services.db, {
        kind: "question",
        sourceId: String(q.id),
        title: q.text,
        body: answer.text,
        at: now,
        channelId: q.channelId,
        ...(messageId !== undefined ? { messageId } : {}),
        ...(url !== undefined ? { url } : {}),
      });
    }
    const took = formatDurationShort(now.getTime() - q.askedAt.getTime(), services.config.lang);
    const text = answer
      ? msg().text(t("qa.solved.credit", { took }), " ", memberRef(t, answer.authorId), t("qa.solved.saved"))
      : msg().text(t("qa.solved.no_answer", { took }));
    postInThread(services, q, text.build(), `qa.solved:${q.id}`);
    return true;
  })();
  if (!solved) return fail("qa.err.already_solved", { id: q.id });
  return ok({ question: repo.get(q.id) as Question, answer });
}
