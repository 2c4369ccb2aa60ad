/**
 * What the Q&A feature offers other features: find experts for a topic, add to the knowledge
 * base, ask a question on someone's behalf. Other features import only this file.
 */
export { askOnBehalf } from "./ask";
export { findExperts, reasonFor, type FindExpertsOptions, type FoundExpert } from "./experts";
export { addKnowledge, type KnowledgeEntry } from "./knowledge";
