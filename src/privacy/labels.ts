import type { Inline } from "../core/message";
import { bold } from "../core/message";
import { ownValue } from "../core/own";
import type { Translate } from "../i18n";

/** The readable name of each feature's part of the data. */
const PARTS = {
  core: "privacy.part.core",
  qa: "privacy.part.qa",
  meetings: "privacy.part.meetings",
  groups: "privacy.part.groups",
  intros: "privacy.part.intros",
} as const;

/** The readable name of each kind of record the features export, erase or keep. */
const KINDS = {
  profile: "privacy.kind.profile",
  settings: "privacy.kind.settings",
  dialog: "privacy.kind.dialog",
  dialogs: "privacy.kind.dialog",
  audit_entries: "privacy.kind.audit_entries",
  queued_messages: "privacy.kind.queued_messages",
  sent_messages: "privacy.kind.sent_messages",
  message_keys: "privacy.kind.message_keys",
  questions: "privacy.kind.questions",
  open_questions: "privacy.kind.open_questions",
  questions_kept: "privacy.kind.questions_kept",
  answers: "privacy.kind.answers",
  answers_kept: "privacy.kind.answers_kept",
  accepted_answers_more: "privacy.kind.accepted_answers_more",
  followed_questions: "privacy.kind.followed_questions",
  solutions_kept: "privacy.kind.solutions_kept",
  setup_kept: "privacy.kind.setup_kept",
  expert_topics: "privacy.kind.expert_topics",
  expert_settings: "privacy.kind.expert_settings",
  expert_documents: "privacy.kind.expert_documents",
  expert_pings: "privacy.kind.expert_pings",
  expert_profile: "privacy.kind.expert_profile",
  qa_channels_added: "privacy.kind.qa_channels_added",
  topic_aliases_created: "privacy.kind.topic_aliases_created",
  meetings_created: "privacy.kind.meetings_created",
  rsvps: "privacy.kind.rsvps",
  checkins_created: "privacy.kind.checkins_created",
  checkin_participation: "privacy.kind.checkin_participation",
  checkin_answers: "privacy.kind.checkin_answers",
  series_kept: "privacy.kind.series_kept",
  groups_proposed: "privacy.kind.groups_proposed",
  groups_facilitated: "privacy.kind.groups_facilitated",
  group_seats: "privacy.kind.group_seats",
  time_log: "privacy.kind.time_log",
  milestones_done: "privacy.kind.milestones_done",
  due_date_extensions: "privacy.kind.due_date_extensions",
  offers: "privacy.kind.offers",
  invitations: "privacy.kind.invitations",
  group_history_kept: "privacy.kind.group_history_kept",
  intro_participation: "privacy.kind.intro_participation",
  introductions: "privacy.kind.introductions",
} as const;

/** Every part and kind name that has a label (a test checks the features use no other). */
export const LABELLED = { parts: Object.keys(PARTS), kinds: Object.keys(KINDS) };

/** A feature's part by its readable name (its feature name when it has none). */
export function partLabel(t: Translate, name: string): string {
  const key = ownValue(PARTS, name);
  return key === undefined ? name : t(key);
}

/** A kind of record by its readable name (its key when it has none). */
export function kindLabel(t: Translate, name: string): string {
  const key = ownValue(KINDS, name);
  return key === undefined ? name : t(key);
}

/**
 * One summary line per part: its name, then each kind with its number, only the kinds there
 * is something of; `empty` when there is nothing.
 */
export function summaryLines(
  t: Translate,
  parts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  empty: string,
): Inline[][] {
  return Object.entries(parts).map(([part, counts]) => {
    const kinds = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kindLabel(t, kind)}: ${n}`);
    return [bold(partLabel(t, part)), " – ", kinds.length > 0 ? kinds.join(" · ") : empty];
  });
}
