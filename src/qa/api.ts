/**
 * The Q&A feature's public face: the operations its commands call and what other features
 * may use (find experts, add to the knowledge base, ask on someone's behalf). Nothing outside
 * `src/qa/` imports any other file of it.
 */
export { markSolved } from "./accept";
export { askInChannel, askOnBehalf } from "./ask";
export {
  clearAway,
  parseQuietHours,
  setAway,
  setExpertPaused,
  setQuietHours,
  setWeeklyCap,
} from "./availability";
export { addOwnTopics, aliasTopic, listExperts, listTopics, removeOwnTopics } from "./expert-admin";
export { findExperts, reasonFor, type FindExpertsOptions, type FoundExpert } from "./experts";
export { addKnowledge, type KnowledgeEntry } from "./knowledge-repo";
export { changeQaChannel, listOpenQuestions, listQaChannels, searchQa, showQaStats } from "./qa-admin";
export {
  answersBy,
  answersGiven,
  expertIds,
  openQuestionCount,
  openQuestions,
  questionsAsked,
  questionsBy,
  questionsSolved,
  solvedWithAnswers,
  type AnswerFact,
  type QuestionFact,
} from "./activity-repo";
export { expertSettings } from "./expert-settings-repo";
export { topicsOf } from "./expert-repo";
export { normalizeTopic } from "./normalize-topic";
export { topicsOfText } from "./question-topics";
