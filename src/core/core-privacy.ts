import type { PrivacyHooks, RetentionRule } from "./privacy";
import { CorePrivacyRepo } from "./privacy-repo";

/** The core's part of a member's data: profile, settings, dialog, audit entries, queued messages. */
export const corePrivacy: PrivacyHooks = {
  export(services, memberId) {
    const repo = new CorePrivacyRepo(services.db);
    return {
      profile: repo.profile(memberId) ?? null,
      settings: repo.settings(memberId),
      dialog: repo.dialog(memberId) ?? null,
      audit_entries: repo.auditEntries(memberId),
      queued_messages: repo.queuedFor(memberId),
    };
  },
  forget(services, memberId) {
    return new CorePrivacyRepo(services.db).forget(memberId, services.clock.now());
  },
  forgetCopies: (services, needle) => new CorePrivacyRepo(services.db).emptyFinishedQuoting(needle),
};

/** What the core keeps only for a while: message texts in the send queue, audit entries, event ids. */
export const coreRetention: readonly RetentionRule[] = [
  {
    name: "outbox_bodies",
    days: (config) => config.retention.outboxTextDays,
    prune: (services, before) => new CorePrivacyRepo(services.db).emptyDeliveredBefore(before),
  },
  {
    name: "audit_entries",
    days: (config) => config.retention.auditDays,
    prune: (services, before) => new CorePrivacyRepo(services.db).deleteAuditBefore(before),
  },
  {
    name: "event_ids",
    days: (config) => config.retention.eventsDays,
    prune: (services, before) => new CorePrivacyRepo(services.db).deleteEventIdsBefore(before),
  },
];
