import type { Member } from "../core/member-repo";
import { splitId } from "../core/ids";
import { permits, type Action } from "../permissions";
import type { Services } from "../core/services";
import { type Lang, type Translate, translator } from "../i18n";
import { GroupRepo, type Group } from "./group-repo";

/** How long the call for participants stays open. */
export const SIGNUP_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The groups repository on the services' database and clock. */
export function groupRepo(services: Services): GroupRepo {
  return new GroupRepo(services.db, services.clock);
}

/** The sign-up deadline of a call that opens now. */
export function signupDeadline(services: Services): Date {
  return new Date(services.clock.now().getTime() + SIGNUP_DAYS * DAY_MS);
}

/**
 * Translator and language for posts in community channels and group spaces: the community's
 * language, commands as they are typed where `channelId` is (a group's space is on its platform).
 */
export function communityVoice(services: Services, channelId: string): { t: Translate; lang: Lang } {
  const lang = services.config.lang;
  return { t: translator(lang, services.platforms.prefixOf(channelId)), lang };
}

/** Translator and language for a DM to one member. */
export function memberVoice(services: Services, memberId: string): { t: Translate; lang: Lang } {
  const lang = services.langOf(services.members.get(memberId));
  return { t: translator(lang, services.platforms.prefixOf(memberId)), lang };
}

/** Where a member sits in a group: its facilitator, a joined member, or outside it. */
export function seatOf(
  services: Services,
  group: Group,
  memberId: string,
): "facilitator" | "member" | "outsider" {
  if (memberId === group.facilitatorId) return "facilitator";
  return groupRepo(services).membership(group.id, memberId)?.state === "joined" ? "member" : "outsider";
}

/**
 * Whether the permission table lets `actor` (with the effective role) do `action` on `group`,
 * given their seat in it.
 */
export function mayAct(services: Services, actor: Member, group: Group, action: Action): boolean {
  return permits(action, { role: actor.role, seat: seatOf(services, group, actor.id) });
}

/**
 * Records a step on a group that took moderator rights: the actor does not facilitate it. The
 * facilitator's own steps are no moderator action and stay out of the audit log.
 */
export function auditManagement(
  services: Services,
  actorId: string,
  group: Group,
  action: string,
  details?: unknown,
): void {
  if (actorId !== group.facilitatorId) services.audit.record(actorId, action, String(group.id), details);
}

/** True when the member is on the platform of the group's channel, where its space lives. */
export function samePlatform(group: Group, memberId: string): boolean {
  return splitId(memberId)?.platform === splitId(group.channelId)?.platform;
}
