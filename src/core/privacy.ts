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
  return plainName(t, id, isFormerMember(id) ? undefined : services.members.get(id)?.displayName);
}

/**
 * `nameOf` for a member whose stored display name was already read (undefined when copbot does
 * not know them).
 */
export function plainName(t: Translate, id: string, displayName: string | undefined): string {
  return isFormerMember(id) ? t("core.former_member") : (displayName ?? defaultName(id));
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
  /**
   * Removes the feature's copies of a text that is gone (a question or answer deleted on the
   * platform, erased or past its retention), recognised by `copyNeedle`; returns how many
   * records changed.
   */
  forgetCopies?(services: Services, needle: string): number;
}

/** A LIKE pattern (with `ESCAPE '\\'`) that matches `text` literally anywhere. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Texts shorter than this are not looked for: they would match unrelated messages. */
const MIN_NEEDLE = 8;
const NEEDLE_LENGTH = 40;

/**
 * How copies of `text` are recognised in stored messages: its first words, whitespace
 * collapsed as in one-line quotes, JSON-escaped as inside a stored message. Undefined for a
 * text too short to tell apart.
 */
export function copyNeedle(text: string): string | undefined {
  const line = text.replace(/\s+/g, " ").trim().slice(0, NEEDLE_LENGTH);
  return line.length < MIN_NEEDLE ? undefined : JSON.stringify(line).slice(1, -1);
}

/** Every feature removes its copies of a text that is gone; returns how many records changed. */
export function forgetCopiesEverywhere(services: Services, text: string): number {
  const needle = copyNeedle(text);
  if (needle === undefined) return 0;
  return services.features.reduce((n, f) => n + (f.privacy?.forgetCopies?.(services, needle) ?? 0), 0);
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
