import type { MessageEditedEvent, MessageEvent, ReactionEvent } from "../core/events";
import type { EventContext, Handled } from "../core/feature";
import { channelRef, mention, msg } from "../core/message";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { solveOrChoose } from "./accept";
import { MAX_QUESTION, trackQuestion, validateQuestion } from "./ask";
import { isQuestion } from "./detect";
import { scheduleNudge } from "./escalation";
import { questionAt } from "./lookup";
import { isQaChannel } from "./qa-channel-repo";
import { QuestionRepo, type Question } from "./question-repo";
import { solveQuestion } from "./solve";
import { shortLine } from "./text";

const SOLVED_EMOJI = new Set(["white_check_mark", "heavy_check_mark", "✅"]);
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
    notifyAskerOfFirstAnswer(services, q, event);
  })();
  return true;
}

/** A message in a Q&A channel: tracked when it is a question. */
function onQaChannelMessage(ctx: EventContext<MessageEvent>): Handled {
  const { services, event } = ctx;
  const text = event.text.trim();
  if (!isQaChannel(services.db, event.channelId) || !isQuestion(text)) return;
  if (text.length > MAX_QUESTION) {
    ctx.reply(ctx.t("qa.err.too_long_channel", { max: MAX_QUESTION, length: text.length }));
    return "handled";
  }
  trackQuestion(services, {
    askerId: event.userId,
    channelId: event.channelId,
    messageId: event.messageId,
    text,
  });
  return "handled";
}

/** Channel messages: thread replies become answers; questions in Q&A channels and mentions are tracked. */
export function onMessage(ctx: EventContext<MessageEvent>): Handled {
  const { services, event } = ctx;
  if (event.isDm) return;
  if (event.threadId !== undefined) return recordReply(ctx, event.threadId) ? "handled" : undefined;
  if (event.mentionsBot) {
    const valid = validateQuestion(withoutLeadingMentions(event.text));
    if (!valid.ok) {
      ctx.reply(ctx.t(valid.error.key, valid.error.params));
      return "handled";
    }
    trackQuestion(services, {
      askerId: event.userId,
      channelId: event.channelId,
      messageId: event.messageId,
      text: valid.value,
    });
    return "handled";
  }
  return onQaChannelMessage(ctx);
}

/** ✅ on an answer accepts that answer; ✅ on the question works like the "Gelöst" button. */
export async function onReaction(ctx: EventContext<ReactionEvent>): Promise<Handled> {
  const { services, event } = ctx;
  if (!SOLVED_EMOJI.has(event.emoji)) return;
  const repo = new QuestionRepo(services.db);
  const answer = repo.answerByMessage(event.channelId, event.messageId);
  if (!answer) {
    const question = questionAt(services, event.channelId, event.messageId);
    if (!question) return;
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
