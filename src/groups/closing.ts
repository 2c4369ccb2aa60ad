import { z } from "zod";
import { stopCheckin } from "../meetings/api";
import { bold, link, mention, msg } from "../core/message";
import type { JobHandler } from "../core/scheduler";
import type { Services } from "../core/services";
import { addKnowledge } from "../qa/api";
import { auditManagement, communityVoice, groupRepo, memberVoice } from "./context";
import { deliverableKey } from "./deliverable";
import { DUE_JOB, MILESTONE_JOB } from "./reminders";
import type { Group } from "./group-repo";

export const ARCHIVE_JOB = "group.archive";
const Payload = z.object({ groupId: z.number(), spaceId: z.string(), attempt: z.number().int().min(0) });
const ARCHIVE_ATTEMPTS = 5;
const ARCHIVE_RETRY_MS = 5 * 60 * 1000;

/**
 * A result link must be a web address people can open: http(s) with any host, so intranet
 * addresses such as `https://wiki/leitfaden` count too.
 */
export function isResultLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Closes a running group with its result: announces it in the community channel, stores it in
 * the knowledge base, stops check-ins and reminders, offers every member a participation
 * confirmation. The caller then archives the space (`archiveGroupSpace`).
 */
export function closeGroup(
  services: Services,
  group: Group,
  opts: { actorId: string; url: string; summary?: string },
): boolean {
  return services.db.transaction(() => {
    const repo = groupRepo(services);
    if (!repo.transition(group.id, ["running"], "closed")) return false;
    repo.patch(group.id, { resultUrl: opts.url, ...(opts.summary ? { summary: opts.summary } : {}) });
    const now = services.clock.now();
    if (group.checkinId !== undefined) stopCheckin(services, group.checkinId);
    services.scheduler.cancelPrefix(`${DUE_JOB}:${group.id}:`);
    services.scheduler.cancelPrefix(`${MILESTONE_JOB}:${group.id}:`);
    const { t } = communityVoice(services, group.channelId);
    const deliverable = t(deliverableKey(group.deliverable));
    addKnowledge(services.db, {
      kind: "group",
      sourceId: String(group.id),
      title: `${deliverable}: ${group.title}`,
      body: [group.problem, opts.summary ?? "", group.topics.join(", ")].filter((s) => s !== "").join("\n"),
      url: opts.url,
      channelId: group.channelId,
      at: now,
    });
    const announcement = msg()
      .text(t("group.closed.announce", { title: group.title, deliverable }), " ", link(opts.url))
      .text(bold(t("group.charter.problem")), " ", group.problem);
    if (opts.summary) announcement.text(bold(t("group.closed.summary")), " ", opts.summary);
    const members = repo.members(group.id);
    announcement.context(
      t("group.closed.thanks"),
      " ",
      ...members.flatMap((m, i) => [...(i > 0 ? [", "] : []), mention(m.memberId)]),
    );
    services.outbox.enqueue({ kind: "channel", channelId: group.channelId }, announcement.build(), {
      key: `group:${group.id}:closed`,
    });
    for (const member of members) {
      const voice = memberVoice(services, member.memberId);
      services.outbox.enqueue(
        { kind: "dm", userId: member.memberId },
        msg()
          .text(voice.t("group.closed.offer", { title: group.title }))
          .button("group.confirmation", voice.t("group.button.confirmation"), String(group.id), "primary")
          .build(),
        { key: `group:${group.id}:confirmation-offer:${member.memberId}` },
      );
    }
    for (const waiting of repo.members(group.id, ["waiting"])) {
      const voice = memberVoice(services, waiting.memberId);
      services.outbox.enqueue(
        { kind: "dm", userId: waiting.memberId },
        msg()
          .text(voice.t("group.waiting.closed", { title: group.title }), " ", link(opts.url))
          .build(),
        { key: `group:${group.id}:closed:waiting:${waiting.memberId}` },
      );
    }
    auditManagement(services, opts.actorId, group, "group.close", { url: opts.url });
    return true;
  })();
}

/**
 * Archives a closed group's space. A platform failure is retried later by a job, a few times
 * with growing pauses; the job stays synchronous and starts the platform call on its own.
 */
export async function archiveGroupSpace(
  services: Services,
  groupId: number,
  spaceId: string,
  attempt = 0,
): Promise<void> {
  try {
    await services.ports.forId(spaceId).archiveSpace(spaceId);
  } catch (error) {
    services.log.error({ err: error, group: groupId, attempt }, "could not archive the group's space");
    if (attempt + 1 >= ARCHIVE_ATTEMPTS) return;
    services.scheduler.schedule({
      kind: ARCHIVE_JOB,
      runAt: new Date(services.clock.now().getTime() + ARCHIVE_RETRY_MS * 2 ** attempt),
      payload: { groupId, spaceId, attempt: attempt + 1 },
      key: `${ARCHIVE_JOB}:${groupId}:${attempt + 1}`,
    });
  }
}

/** A retry of archiving (see `archiveGroupSpace`). */
export const archiveJob: JobHandler = (job, { services }) => {
  const { groupId, spaceId, attempt } = Payload.parse(job.payload);
  archiveGroupSpace(services, groupId, spaceId, attempt).catch((error: unknown) =>
    services.log.error({ err: error, group: groupId }, "archiving the group's space failed"),
  );
};
