import type { MessageEditedEvent, MessageEvent, ReactionEvent } from "../core/events";
import type { EventContext, Handled } from "../core/feature";
import { channelRef, mention, msg } from "../core/message";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { solveOrChoose } from "./accept";
import { MAX_QUESTION, trackQuestionInSteps, validateQuestion } from "./ask";
import { isQuestion } from "./detect";
import { scheduleNudge } from "./escalation";
import { questionAt } from "./lookup";
import { isQaChannel } from "./qa-channel-repo";
import { QuestionRepo, type Question } from "./question-repo";
import { followQuestion, unfollowQuestion } from "./follow";
import { mayDecide, solveQuestion, withdrawSolved } from "./solve";
import { shortLine } from "./text";

const SOLVED_EMOJI = new Set(["white_check_mark", "heavy_check_mark", "✅"]);
const FOLLOW_EMOJI = new Set(["eyes", "👀"]);
const MAX_PREVIEW = 200;

/** The text without leading mentions (how a mention of copbot usually starts). */
function withoutLeadingMentions(text: string): string {
  return text.replace(/^(\s*(<@[^>]+>|@\S+)[,:]?)+/, "").trim();
}

/**
 * The asker of a question copbot posted on their behalf does not follow its thread (on Slack
 * the post belongs to copbot), so they hear about the first answer by DM, once.
 */
function notifyAskerOfFirstAnswer(services: Services, q: Question, event: MessageEvent): void {
  if (q.postKey === undefined || q.firstAnswerAt !== undefined) return;
  const t = translator(
    services.langOf(services.members.get(q.askerId)),
    services.platforms.prefixOf(q.askerId),
  );
  const message = msg()
    .text(t("qa.answered.text", { id: q.id }), " ", channelRef(q.channelId))
    .text(mention(event.userId), ": ", shortLine(event.text, MAX_PREVIEW))
    .context(t("qa.answered.hint"))
    .build();
  services.outbox.enqueue({ kind: "dm", userId: q.askerId }, message, { key: `qa.answered:${q.id}` });
}

/** A reply in a question's thread by someone other than the asker counts as an answer (open or solved). */
function recordReply(ctx: EventContext<MessageEvent>, threadId: string): boolean {
  const { services, event } = ctx;
  const q = questionAt(services, event.channelId, threadId);
  if (!q) return false;
  if (event.userId === q.askerId) return true;
  const repo = new QuestionRepo(services.db);
  services.db.transaction(() => {
    // Replies to a solved question are kept too: the asker may accept another one.
    repo.addAnswer({
      questionId: q.id,
      messageId: event.messageId,
      authorId: event.userId,
      text: event.text,
      at: event.at,
    });
    if (q.status !== "open") return;
    if (q.firstAnswerAt === undefined) scheduleNudge(services, q, services.clock.now());
    notifyAskerOfFirstAnswer(services, q, event);
  })();
  return true;
}

/** A message in a Q&A channel: tracked when it is a question. */
async function onQaChannelMessage(ctx: EventContext<MessageEvent>): Promise<Handled> {
  const { services, event } = ctx;
  const text = event.text.trim();
  if (!isQaChannel(services.db, event.channelId) || !isQuestion(text)) return;
  if (text.length > MAX_QUESTION) {
    ctx.reply(ctx.t("qa.err.too_long_channel", { max: MAX_QUESTION, length: text.length }));
    return "handled";
  }
  await trackQuestionInSteps(services, {
    askerId: event.userId,
    channelId: event.channelId,
    messageId: event.messageId,
    text,
  });
  return "handled";
}

/** Channel messages: thread replies become answers; questions in Q&A channels and mentions are tracked. */
export async function onMessage(ctx: EventContext<MessageEvent>): Promise<Handled> {
  const { services, event } = ctx;
  if (event.isDm) return;
  if (event.threadId !== undefined) return recordReply(ctx, event.threadId) ? "handled" : undefined;
  if (event.mentionsBot) {
    const valid = validateQuestion(withoutLeadingMentions(event.text));
    if (!valid.ok) {
      ctx.reply(ctx.t(valid.error.key, valid.error.params));
      return "handled";
    }
    await trackQuestionInSteps(services, {
      askerId: event.userId,
      channelId: event.channelId,
      messageId: event.messageId,
      text: valid.value,
    });
    return "handled";
  }
  return onQaChannelMessage(ctx);
}

/**
 * The question a message belongs to for a reaction: the question itself, or copbot's reply
 * in its thread (people react where the hint "mark with ✅" is).
 */
function questionOfMessage(services: Services, channelId: string, messageId: string): Question | undefined {
  const direct = questionAt(services, channelId, messageId);
  if (direct) return direct;
  const key = services.outbox.keyOf({ channelId, messageId });
  const id = key === undefined ? undefined : /^qa\.(?:route|more):(\d+)(?::|$)/.exec(key)?.[1];
  return id === undefined ? undefined : new QuestionRepo(services.db).get(Number(id));
}

/**
 * ✅ on an answer accepts it (several can be accepted); ✅ on the question or on copbot's reply
 * works like "Gelöst". Taking the ✅ back undoes it. 👀 follows the question.
 */
export async function onReaction(ctx: EventContext<ReactionEvent>): Promise<Handled> {
  const { services, event } = ctx;
  if (FOLLOW_EMOJI.has(event.emoji)) {
    const q = questionOfMessage(services, event.channelId, event.messageId);
    if (!q) return;
    if (event.removed) unfollowQuestion(ctx, q);
    else followQuestion(ctx, q);
    return "handled";
  }
  if (!SOLVED_EMOJI.has(event.emoji)) return;
  const repo = new QuestionRepo(services.db);
  const answer = repo.answerByMessage(event.channelId, event.messageId);
  const question = answer
    ? repo.get(answer.questionId)
    : questionOfMessage(services, event.channelId, event.messageId);
  if (!question) return;
  if (!mayDecide(question, ctx.actor)) {
    if (!event.removed) ctx.reply(ctx.t("qa.react.not_yours", { id: question.id }));
    return "handled";
  }
  if (event.removed) {
    await withdrawSolved(services, { question, actor: ctx.actor, answer });
    return "handled";
  }
  if (!answer) {
    await solveOrChoose(ctx, question.id);
    return "handled";
  }
  const result = await solveQuestion(services, { questionId: answer.questionId, actor: ctx.actor, answer });
  if (!result.ok) ctx.reply(ctx.t(result.error.key, result.error.params));
  return "handled";
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
