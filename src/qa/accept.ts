import type { ButtonEvent, CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { msg, type OutgoingMessage } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Services } from "../core/services";
import type { Translate } from "../i18n";
import { pingedFor } from "./expert-stats-repo";
import { parseQuestionRef, questionAt } from "./lookup";
import { QuestionRepo, type Answer, type Question } from "./question-repo";
import { solvableQuestion, solveQuestion } from "./solve";
import { isTrivialReply } from "./trivial-reply";
import { shortLine } from "./text";

/** At most this many replies are offered; more would not fit a compact ephemeral message. */
const MAX_CANDIDATES = 5;
const MAX_LABEL = 60;
const MAX_PREVIEW = 140;

/**
 * The replies that could have solved a question, best guess first: real answers before "+1"
 * replies, then answers by experts copbot tagged for it, then the newest.
 */
export function answerCandidates(services: Services, q: Question): Answer[] {
  const tagged = new Set(pingedFor(services.db, q.id));
  const rank = (a: Answer): number => (isTrivialReply(a.text) ? 2 : tagged.has(a.authorId) ? 0 : 1);
  return new QuestionRepo(services.db)
    .answers(q.id)
    .map((answer, newest) => ({ answer, newest }))
    .sort((a, b) => rank(a.answer) - rank(b.answer) || a.newest - b.newest)
    .map(({ answer }) => answer)
    .slice(0, MAX_CANDIDATES);
}

/** `qa.accept` value: the question id, and the reply's message id unless solved without one. */
export function acceptValue(questionId: number, messageId?: string): string {
  return messageId === undefined ? String(questionId) : `${questionId}:${messageId}`;
}

function parseAcceptValue(value: string): { questionId: number; messageId?: string } | undefined {
  const match = /^(\d{1,9})(?::(.+))?$/s.exec(value);
  if (match?.[1] === undefined) return undefined;
  return { questionId: Number(match[1]), ...(match[2] !== undefined ? { messageId: match[2] } : {}) };
}

/** Asks the asker which reply solved the question: one button per reply, best guess first. */
function chooser(
  services: Services,
  t: Translate,
  q: Question,
  candidates: readonly Answer[],
): OutgoingMessage {
  const m = msg()
    .text(t("qa.accept.which", { id: q.id }))
    .list(candidates.map((a) => [memberRef(t, a.authorId), " – ", shortLine(a.text, MAX_PREVIEW)]));
  candidates.forEach((a, i) => {
    const name = services.members.get(a.authorId)?.displayName ?? a.authorId;
    const label = shortLine(`${name}: ${a.text}`, MAX_LABEL);
    m.button("qa.accept", label, acceptValue(q.id, a.messageId), i === 0 ? "primary" : undefined);
  });
  m.button("qa.accept", t("qa.button.no_answer"), acceptValue(q.id));
  return m.build();
}

/** Solves; the confirmation is the one post in the question's thread, only a failure is answered. */
async function solveWith(ctx: EventContext, q: Question, answer: Answer | undefined): Promise<void> {
  const result = await solveQuestion(ctx.services, { questionId: q.id, actor: ctx.actor, answer });
  if (!result.ok) ctx.reply(ctx.t(result.error.key, result.error.params));
}

/**
 * "Gelöst" without naming a reply (button, `/cop solved`, ✅ on the question). A single real
 * answer is accepted directly; with several replies, or only a "+1", copbot asks the actor
 * which one solved it instead of guessing and crediting the wrong person.
 */
export async function solveOrChoose(ctx: EventContext, questionId: number): Promise<void> {
  const checked = solvableQuestion(ctx.services, questionId, ctx.actor);
  if (!checked.ok) return ctx.reply(ctx.t(checked.error.key, checked.error.params));
  const q = checked.value;
  const candidates = answerCandidates(ctx.services, q);
  const [only] = candidates;
  if (candidates.length === 0) return solveWith(ctx, q, undefined);
  if (candidates.length === 1 && only !== undefined && !isTrivialReply(only.text))
    return solveWith(ctx, q, only);
  ctx.reply(chooser(ctx.services, ctx.t, q, candidates));
}

/** `qa.accept`: the reply the actor picked (or none) becomes the accepted answer. */
export async function acceptButton(ctx: EventContext<ButtonEvent>): Promise<void> {
  const parsed = parseAcceptValue(ctx.event.value ?? "");
  const repo = new QuestionRepo(ctx.services.db);
  const q = parsed === undefined ? undefined : repo.get(parsed.questionId);
  if (!parsed || !q) return ctx.reply(ctx.t("qa.err.unknown_question", { id: ctx.event.value ?? "?" }));
  const answer = parsed.messageId === undefined ? undefined : repo.answer(q.id, parsed.messageId);
  if (parsed.messageId !== undefined && !answer)
    return ctx.reply(ctx.t("qa.err.unknown_answer", { id: q.id }));
  await solveWith(ctx, q, answer);
}

/**
 * `solved [#12]`: in a question's thread without a number, elsewhere with one. With several
 * replies copbot asks which one solved it.
 */
export async function markSolved(ctx: EventContext<CommandEvent>, ref: string | undefined): Promise<void> {
  const { services, event } = ctx;
  const id =
    ref !== undefined
      ? parseQuestionRef(ref)
      : event.threadId !== undefined
        ? questionAt(services, event.channelId, event.threadId)?.id
        : undefined;
  if (id === undefined) return ctx.reply(ctx.t("qa.err.which_question"));
  await solveOrChoose(ctx, id);
}
