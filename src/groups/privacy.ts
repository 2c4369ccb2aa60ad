import type { MessageDeletedEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import type { PrivacyHooks } from "../core/privacy";
import { GroupsPrivacyRepo } from "./privacy-repo";

/**
 * The working-groups part of a member's data: seats, time log, invitation choice and proposal
 * texts (deleted on erasure, which also takes them off every waiting list), and the groups'
 * history they shaped (kept for the community, by "ehemaliges Mitglied").
 */
export const groupsPrivacy: PrivacyHooks = {
  export: (services, memberId) => new GroupsPrivacyRepo(services.db).export(memberId),
  forget: (services, memberId) => new GroupsPrivacyRepo(services.db).forget(memberId),
};

/** A deleted thread start takes the proposal text copied from it along. */
export function onMessageDeleted(ctx: EventContext<MessageDeletedEvent>): void {
  new GroupsPrivacyRepo(ctx.services.db).deleteOffersOfThread(ctx.event.channelId, ctx.event.messageId);
}
