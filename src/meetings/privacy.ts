import type { PrivacyHooks, RetentionRule } from "../core/privacy";
import { MeetingsPrivacyRepo } from "./privacy-repo";

/**
 * The meetings part of a member's data: RSVPs, check-in participation and answers (deleted on
 * erasure, which also takes them out of every coming check-in round), and the series they set
 * up (kept for the community).
 */
export const meetingsPrivacy: PrivacyHooks = {
  export: (services, memberId) => new MeetingsPrivacyRepo(services.db).export(memberId),
  forget: (services, memberId) => new MeetingsPrivacyRepo(services.db).forget(memberId),
  forgetCopies: (services, needle) => new MeetingsPrivacyRepo(services.db).dropAgendasQuoting(needle),
};

/**
 * Check-in answers are deleted after `COPBOT_CHECKIN_ANSWERS_RETENTION_DAYS`; the agenda copied
 * for redrawing a reminder (open questions) goes with the outbox texts, after
 * `COPBOT_OUTBOX_TEXT_RETENTION_DAYS`.
 */
export const meetingsRetention: readonly RetentionRule[] = [
  {
    name: "checkin_answers",
    days: (config) => config.retention.checkinAnswersDays,
    prune: (services, before) => new MeetingsPrivacyRepo(services.db).deleteAnswersBefore(before),
  },
  {
    name: "reminder_agendas",
    days: (config) => config.retention.outboxTextDays,
    prune: (services, before) => new MeetingsPrivacyRepo(services.db).dropAgendasBefore(before),
  },
];
