import { forgetCopiesEverywhere, type PrivacyHooks, type RetentionRule } from "../core/privacy";
import type { Services } from "../core/services";
import { cancelFollowUps } from "./escalation";
import { QaPrivacyRepo } from "./privacy-repo";
import { QuestionRepo } from "./question-repo";

/**
 * Deletes questions with their answers, pings, pending reminders and the copies of their text
 * (sent messages, reminder agendas); returns how many.
 */
function deleteQuestions(services: Services, repo: QaPrivacyRepo, ids: readonly number[]): number {
  const questions = new QuestionRepo(services.db);
  let deleted = 0;
  for (const id of ids) {
    const text = questions.get(id)?.text;
    cancelFollowUps(services, id);
    deleted += repo.deleteQuestion(id);
    if (text !== undefined) forgetCopiesEverywhere(services, text);
  }
  return deleted;
}

/**
 * The Q&A part of a member's data: questions, answers, expertise, availability, pings. On
 * erasure their unsolved questions go; solved questions and answers stay in the knowledge base
 * as the community's, by "ehemaliges Mitglied".
 */
export const qaPrivacy: PrivacyHooks = {
  export: (services, memberId) => new QaPrivacyRepo(services.db).export(memberId),
  forget(services, memberId) {
    const repo = new QaPrivacyRepo(services.db);
    const open = deleteQuestions(services, repo, repo.openQuestionsOf(memberId));
    return { open_questions: open, ...repo.forget(memberId) };
  },
};

/** Questions nobody solved are deleted after `COPBOT_OPEN_QUESTIONS_RETENTION_DAYS`. */
export const qaRetention: readonly RetentionRule[] = [
  {
    name: "open_questions",
    days: (config) => config.retention.openQuestionsDays,
    prune(services, before) {
      const repo = new QaPrivacyRepo(services.db);
      return deleteQuestions(services, repo, repo.openQuestionsBefore(before));
    },
  },
];
