import { fail, ok, type Result } from "../core/errors";
import { channelRef, msg, type Inline } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Member } from "../core/member-repo";
import { permits } from "../permissions";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { cancelFollowUps } from "./escalation";
import { creditAnsweredQuestion } from "./expert-repo";
import { followersOf } from "./follower-repo";
import { addKnowledge, removeKnowledge } from "./knowledge-repo";
import { QuestionRepo, type Answer, type Question } from "./question-repo";
import { postInThread } from "./routing";
import { addSolvedMarks, removeSolvedMarks } from "./solved-marks";
import { shortLine } from "./text";
import { formatDurationShort } from "../i18n/format";

const MAX_PREVIEW = 300;

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

/**
 * True when `actor` may solve, reopen or accept answers of `q`: the permission table's `solved`
 * row (the asker or a moderator).
 */
export function mayDecide(q: Question, actor: Member): boolean {
  return permits("solved", { role: actor.role, owns: actor.id === q.askerId });
}

/** The question, if `actor` may mark it solved now (the asker or a moderator, still open). */
export function solvableQuestion(services: Services, questionId: number, actor: Member): Result<Question> {
  const q = new QuestionRepo(services.db).get(questionId);
  if (!q) return fail("qa.err.unknown_question", { id: questionId });
  if (q.status === "solved") return fail("qa.err.already_solved", { id: q.id });
  if (!mayDecide(q, actor)) return fail("qa.err.not_yours", { id: q.id });
  return ok(q);
}

/**
 * Writes what the accepted answers of a solved question stand for: the knowledge entry (every
 * accepted answer in its body) and each author's expert profile. No accepted answer: neither.
 */
async function keepKnowledge(services: Services, q: Question): Promise<void> {
  const accepted = new QuestionRepo(services.db).accepted(q.id);
  const messageId = q.messageId ?? (q.postKey ? services.outbox.posted(q.postKey)?.messageId : undefined);
  const url =
    accepted.length === 0 || messageId === undefined
      ? undefined
      : await permalinkOf(services, q.channelId, messageId);
  services.db.transaction(() => {
    creditAnsweredQuestion(
      services.db,
      q.id,
      q.text,
      accepted.map((a) => a.authorId),
    );
    if (accepted.length === 0) return removeKnowledge(services.db, "question", String(q.id));
    addKnowledge(services.db, {
      kind: "question",
      sourceId: String(q.id),
      title: q.text,
      body: accepted.map((a) => a.text).join("\n\n"),
      at: services.clock.now(),
      channelId: q.channelId,
      ...(messageId !== undefined ? { messageId } : {}),
      ...(url !== undefined ? { url } : {}),
    });
  })();
}

/** Every follower hears once, by DM, that the question is solved and what solved it. */
function notifyFollowers(services: Services, q: Question, answer: Answer | undefined): void {
  for (const id of followersOf(services.db, q.id)) {
    if (id === q.askerId) continue;
    const t = translator(services.langOf(services.members.get(id)), services.platforms.prefixOf(id));
    const m = msg()
      .text(t("qa.follow.solved", { id: q.id }), " ", channelRef(q.channelId))
      .text(q.text);
    if (answer) m.text(memberRef(t, answer.authorId), ": ", shortLine(answer.text, MAX_PREVIEW));
    services.outbox.enqueue({ kind: "dm", userId: id }, m.build(), { key: `qa.follow.solved:${q.id}:${id}` });
  }
}

/**
 * Marks a question solved by `actor` (the asker or a moderator) with `answer` as the accepted
 * reply (none: solved without an answer). The answer's author is credited, the question and
 * answer go into the knowledge base, reminders stop, followers hear of it once, and the question
 * and copbot's reply get a ✅ (taken back when it reopens). On a solved
 * question, another answer is accepted in addition (several replies can have helped).
 */
export async function solveQuestion(
  services: Services,
  opts: { questionId: number; actor: Member; answer: Answer | undefined },
): Promise<Result<{ question: Question; answer: Answer | undefined }>> {
  const repo = new QuestionRepo(services.db);
  const current = repo.get(opts.questionId);
  const answer = opts.answer;
  if (current?.status === "solved" && answer !== undefined && mayDecide(current, opts.actor))
    return acceptAnother(services, current, answer, opts.actor);
  const checked = solvableQuestion(services, opts.questionId, opts.actor);
  if (!checked.ok) return checked;
  const q = checked.value;
  const now = services.clock.now();
  const t = translator(services.config.lang, services.platforms.prefixOf(q.channelId));
  const solved = services.db.transaction(() => {
    if (!repo.solve(q.id, opts.actor.id, now, answer)) return false;
    // Solving someone else's question takes moderator rights: that belongs in the audit log.
    if (opts.actor.id !== q.askerId) {
      services.audit.record(opts.actor.id, "qa.solve", String(q.id), answer && { answerBy: answer.authorId });
    }
    cancelFollowUps(services, q.id);
    const took = formatDurationShort(now.getTime() - q.askedAt.getTime(), services.config.lang);
    const text = answer
      ? msg().text(t("qa.solved.credit", { took }), " ", memberRef(t, answer.authorId), t("qa.solved.saved"))
      : msg().text(t("qa.solved.no_answer", { took }));
    postInThread(services, q, text.build(), `qa.solved:${q.id}:${now.getTime()}`);
    addSolvedMarks(services, q, now);
    notifyFollowers(services, q, answer);
    return true;
  })();
  if (!solved) return fail("qa.err.already_solved", { id: q.id });
  const question = repo.get(q.id) as Question;
  await keepKnowledge(services, question);
  return ok({ question, answer });
}

async function acceptAnother(
  services: Services,
  q: Question,
  answer: Answer,
  actor: Member,
): Promise<Result<{ question: Question; answer: Answer | undefined }>> {
  const repo = new QuestionRepo(services.db);
  if (!repo.acceptMore(answer, services.clock.now())) return fail("qa.err.already_accepted", { id: q.id });
  if (actor.id !== q.askerId)
    services.audit.record(actor.id, "qa.accept", String(q.id), { answerBy: answer.authorId });
  const t = translator(services.config.lang, services.platforms.prefixOf(q.channelId));
  const line: Inline[] = [t("qa.accepted.more"), " ", memberRef(t, answer.authorId), "!"];
  postInThread(
    services,
    q,
    msg()
      .text(...line)
      .build(),
    `qa.accepted:${q.id}:${answer.messageId}`,
  );
  await keepKnowledge(services, q);
  return ok({ question: repo.get(q.id) as Question, answer });
}

/**
 * Takes back what a removed ✅ gave (same rules as giving it: the asker or a moderator). On an
 * accepted answer: that answer is no longer accepted. On the question or copbot's reply, or
 * when no accepted answer is left: the question is open again.
 */
export async function withdrawSolved(
  services: Services,
  opts: { question: Question; actor: Member; answer: Answer | undefined },
): Promise<boolean> {
  const { question: q, actor, answer } = opts;
  if (q.status !== "solved" || !mayDecide(q, actor)) return false;
  const repo = new QuestionRepo(services.db);
  if (answer && repo.accepted(q.id).every((a) => a.messageId !== answer.messageId)) return false;
  const left = answer ? repo.unaccept(q.id, answer.messageId) : 0;
  if (left === 0) {
    const now = services.clock.now();
    repo.reopen(q.id);
    removeSolvedMarks(services, q);
    if (actor.id !== q.askerId) services.audit.record(actor.id, "qa.reopen", String(q.id));
    const t = translator(services.config.lang, services.platforms.prefixOf(q.channelId));
    postInThread(
      services,
      q,
      msg()
        .text(t("qa.reopened", { id: q.id }))
        .build(),
      `qa.reopened:${q.id}:${now.getTime()}`,
    );
  }
  await keepKnowledge(services, repo.get(q.id) as Question);
  return true;
}
