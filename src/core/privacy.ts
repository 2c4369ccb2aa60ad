import type { Config } from "../config";
import type { Translate } from "../i18n";
import { defaultName } from "./member-repo";
import { italic, mention, type Inline } from "./message";
import type { Services } from "./services";

/**
 * The id that takes a forgotten member's place in what the community keeps (solved questions,
 * answers, a group's history, the audit log). One id for everyone forgotten: nothing links two
 * of their contributions, and no mapping back to the person is stored.
 */
export const FORMER_MEMBER = "former:member";

/** True for the id of a forgotten member. */
export function isFormerMember(id: string): boolean {
  return id === FORMER_MEMBER;
}

/**
 * A member's name as plain text, for places where a mention would ping them: their display
 * name, or "ehemaliges Mitglied" once they were forgotten.
 */
export function nameOf(services: Services, t: Translate, id: string): string {
  if (isFormerMember(id)) return t("core.former_member");
  return services.members.get(id)?.displayName ?? defaultName(id);
}

/** A member as readers see them: a mention, or "ehemaliges Mitglied" once they were forgotten. */
export function memberRef(t: Translate, id: string): Inline {
  return isFormerMember(id) ? italic(t("core.former_member")) : mention(id);
}

/** One feature's part of a member's data export: plain JSON values, grouped by what they are. */
export type ExportSection = Readonly<Record<string, unknown>>;

/** How many records of each kind were erased or pseudonymised (`"check-in answers": 3`). */
export type Counts = Readonly<Record<string, number>>;

/**
 * What a feature stores about a member, for the rights of access, portability and erasure
 * (DSGVO Art. 15, 20, 17). `/cop privacy export` and `/cop privacy forget` ask every feature.
 */
export interface PrivacyHooks {
  /** Everything the feature stores about the member. */
  export(services: Services, memberId: string): ExportSection;
  /**
   * Erases the member's personal data and takes them out of every queue and schedule; what the
   * community keeps is attributed to `FORMER_MEMBER`. Runs inside one transaction with the other
   * features' parts.
   */
  forget(services: Services, memberId: string): Counts;
}

/** Something a feature keeps only for a while; the daily retention job deletes what is older. */
export interface RetentionRule {
  /** What is deleted, as the daily log line names it (`checkin_answers`). */
  readonly name: string;
  /** How many days it is kept (from the configuration). */
  days(config: Config): number;
  /** Deletes (or empties) what is older than `before`; returns how many rows it touched. */
  prune(services: Services, before: Date): number;
}
