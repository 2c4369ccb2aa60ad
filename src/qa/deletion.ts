import type { MessageDeletedEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { forgetCopiesEverywhere } from "../core/privacy";
import { cancelFollowUps } from "./escalation";
import { questionAt } from "./lookup";
import { QaPrivacyRepo } from "./privacy-repo";
import { QuestionRepo } from "./question-repo";

/**
 * A message deleted on the platform is deleted in copbot too, search index included. A deleted
 * question, open or solved, goes with its answers, followers, reminders and knowledge entry; a
 * deleted answer goes from the question; a deleted accepted answer leaves the others accepted,
 * and when it was the only one a tombstone in the knowledge base that only moderators find, so
 * they can see that an answer others relied on is gone. Copies of the
 * deleted text (sent messages quoting it, a reminder's agenda) go too.
 */
export function onMessageDeleted(ctx: EventContext<MessageDeletedEvent>): void {
  const { services, event } = ctx;
  const privacy = new QaPrivacyRepo(services.db);
  const question = questionAt(services, event.channelId, event.messageId);
  if (question) {
    services.db.transaction(() => {
      cancelFollowUps(services, question.id);
      privacy.deleteKnowledge(question.id);
      privacy.deleteQuestion(question.id);
      forgetCopiesEverywhere(services, question.text);
    })();
    return;
  }
  const repo = new QuestionRepo(services.db);
  const answer = repo.answerByMessage(event.channelId, event.messageId);
  if (!answer) return;
  const of = repo.get(answer.questionId);
  const accepted = of?.status === "solved" ? repo.accepted(of.id) : [];
  services.db.transaction(() => {
    privacy.deleteAnswer(answer.questionId, answer.messageId);
    forgetCopiesEverywhere(services, answer.text);
    if (!of || !accepted.some((a) => a.messageId === answer.messageId)) return;
    if (accepted.length > 1) privacy.dropAcceptedAnswer(of.id, of.text, answer.messageId);
    else privacy.tombstoneAcceptedAnswer(of.id, services.clock.now());
  })();
}
