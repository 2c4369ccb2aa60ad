import type { MessageDeletedEvent, MessageEditedEvent, MessageEvent, ReactionEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { MAX_QUESTION, trackQuestion, validateQuestion } from "./ask";
import { isQuestion } from "./detect";
import { cancelFollowUps, scheduleNudge } from "./escalation";
import { questionAt } from "./lookup";
import { isQaChannel } from "./qa-channels";
import { QuestionRepo } from "./questions";
import { solveQuestion } from "./solve";

const SOLVED_EMOJI = new Set(["white_check_mark", "heavy_check_mark", "✅"]);

/** The text without leading mentions (how a mention of copbot usually starts). */
function withoutLeadingMentions(text: string): string {
  return text.replace(/^(\s*(<@[^>]+>|@\S+)[,:]?)+/, "").trim();
}

/** A reply in a question's thread by someone other than the asker counts as an answer. */
function recordReply(ctx: EventContext<MessageEvent>, threadId: string): boolean {
  const { services, event } = ctx;
  const q = questionAt(services, event.channelId, threadId);
  if (!q) return false;
  if (event.userId === q.askerId || q.status !== "open") return true;
  const repo = new QuestionRepo(services.db);
  services.db.transaction(() => {
    repo.addAnswer({
      questionId: q.id,
      messageId: event.messageId,
      authorId: event.userId,
      text: event.text,
      at: event.at,
    });
    if (q.firstAnswerAt === undefined) scheduleNudge(services, q, services.clock.now());
  })();
  return true;
}

/** Channel messages: thread replies become answers; questions in Q&A channels and mentions are tracked. */
export function onMessage(ctx: EventContext<MessageEvent>): void {
  const { services, event } = ctx;
  if (event.isDm) return;
  if (event.threadId !== undefined) {
    recordReply(ctx, event.threadId);
    return;
  }
  if (event.mentionsBot) {
    const valid = validateQuestion(withoutLeadingMentions(event.text));
    if (!valid.ok) {
      ctx.reply(ctx.t(valid.error.key, valid.error.params));
      return;
    }
    trackQuestion(services, {
      askerId: event.userId,
      channelId: event.channelId,
      messageId: event.messageId,
      text: valid.value,
    });
    return;
  }
  const text = event.text.trim();
  if (text.length > MAX_QUESTION || !isQaChannel(services.db, event.channelId) || !isQuestion(text)) return;
  trackQuestion(services, {
    askerId: event.userId,
    channelId: event.channelId,
    messageId: event.messageId,
    text,
  });
}

/** ✅ on an answer (or on the question: the latest answer) marks the question solved. */
export async function onReaction(ctx: EventContext<ReactionEvent>): Promise<void> {
  const { services, event } = ctx;
  if (!SOLVED_EMOJI.has(event.emoji)) return;
  const repo = new QuestionRepo(services.db);
  const answer = repo.answerByMessage(event.channelId, event.messageId);
  const question = answer
    ? repo.get(answer.questionId)
    : questionAt(services, event.channelId, event.messageId);
  if (!question) return;
  const result = await solveQuestion(services, {
    questionId: question.id,
    actor: ctx.actor,
    answer: answer ?? "latest",
  });
  if (!result.ok) ctx.reply(ctx.t(result.error.key, result.error.params));
}

/** Edited questions and answers keep their new text (search and routing use it). */
export function onMessageEdited(ctx: EventContext<MessageEditedEvent>): void {
  const { services, event } = ctx;
  const repo = new QuestionRepo(services.db);
  const q = questionAt(services, event.channelId, event.messageId);
  if (q && q.askerId === event.userId && event.text.trim().length > 0) {
    repo.updateText(q.id, event.text.trim().slice(0, MAX_QUESTION));
    return;
  }
  const answer = repo.answerByMessage(event.channelId, event.messageId);
  if (answer && answer.authorId === event.userId)
    repo.updateAnswerText(answer.questionId, answer.messageId, event.text);
}

/** A deleted open question is no longer tracked; solved ones stay in the knowledge base. */
export function onMessageDeleted(ctx: EventContext<MessageDeletedEvent>): void {
  const { services, event } = ctx;
  const q = questionAt(services, event.channelId, event.messageId);
  if (!q || q.status !== "open") return;
  services.db.transaction(() => {
    cancelFollowUps(services, q.id);
    new QuestionRepo(services.db).delete(q.id);
  })();
}
