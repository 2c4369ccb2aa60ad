import { DateTime } from "luxon";
import { z } from "zod";
import type { Lang } from "../i18n";
import { createCheckin, weeklySchedule } from "../meetings/api";
import type { JobHandler } from "../core/scheduler";
import { msg, textMessage } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Services } from "../core/services";
import { refreshCall } from "./call";
import { charterMessage } from "./charter";
import { communityVoice, groupRepo, memberVoice, samePlatform } from "./context";
import { scheduleDueReminders } from "./reminders";
import type { Group } from "./group-repo";

export const DEADLINE_JOB = "group.deadline";
export const FORM_CHECK_JOB = "group.form-check";

const Payload = z.object({ groupId: z.number() });

/** Status check-ins of running groups: every Monday morning, in the community's zone. */
const CHECKIN_DAY = "mon";
const CHECKIN_TIME = "10:00";
/** A formation still unfinished after this long was interrupted (e.g. by a restart). */
const FORM_TIMEOUT_MS = 15 * 60 * 1000;

/** The charter's outbox key. */
function charterKey(groupId: number): string {
  return `group:${groupId}:charter`;
}

/** Schedules the end of sign-up for the group's current call. */
export function scheduleDeadline(services: Services, group: Group): void {
  services.scheduler.schedule({
    kind: DEADLINE_JOB,
    runAt: group.signupDeadline,
    payload: { groupId: group.id },
    key: `${DEADLINE_JOB}:${group.id}:${group.signupDeadline.getTime()}`,
  });
}

/**
 * At the sign-up deadline: enough sign-ups form the group, too few let the proposal expire.
 * The handler stays synchronous (its sends commit with the job); formation, which waits for
 * the platform, runs on its own so a hanging platform call cannot stall the scheduler, and
 * "forming" plus the check job guard against a restart in the middle of it.
 */
export const deadlineJob: JobHandler = (job, { services }) => {
  const { groupId } = Payload.parse(job.payload);
  const repo = groupRepo(services);
  const group = repo.get(groupId);
  if (!group || group.state !== "proposed" || group.signupDeadline.getTime() !== job.runAt.getTime()) return;
  const seated = repo.members(groupId).length;
  if (seated >= group.minSize) {
    formGroup(services, groupId).catch((error: unknown) =>
      services.log.error({ err: error, group: groupId }, "forming the working group failed"),
    );
    return;
  }
  repo.transition(groupId, ["proposed"], "expired");
  const expired = repo.get(groupId) ?? group;
  refreshCall(services, expired);
  const { t } = communityVoice(services, group.channelId);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.channelId },
    textMessage(t("group.expired", { title: group.title, seated, min: group.minSize, id: group.id })),
    { key: `group:${groupId}:expired:${job.runAt.getTime()}` },
  );
};

/**
 * Forms the group: creates the private space with its members, posts and pins the charter,
 * starts the weekly status check-in and the reminders. "forming" is the lock, so the
 * deadline and the facilitator's confirmation cannot form a group twice. A failed space
 * creation puts the group back to "proposed" and tells the facilitator, who can try again.
 * Resolves false when the group was not formed.
 */
export async function formGroup(services: Services, groupId: number): Promise<boolean> {
  const repo = groupRepo(services);
  const group = repo.get(groupId);
  if (!group || repo.members(groupId).length < group.minSize) return false;
  if (!repo.transition(groupId, ["proposed"], "forming")) return false;
  services.scheduler.schedule({
    kind: FORM_CHECK_JOB,
    runAt: new Date(services.clock.now().getTime() + FORM_TIMEOUT_MS),
    payload: { groupId },
    key: `${FORM_CHECK_JOB}:${groupId}:${services.clock.now().getTime()}`,
  });
  try {
    const spaceId =
      group.spaceId ??
      (await services.ports.forId(group.channelId).createPrivateSpace({
        name: spaceName(group, services.config.lang),
        topic: group.title,
        // A space lives on one platform; members elsewhere could not be invited into it.
        memberIds: repo
          .members(groupId)
          .map((m) => m.memberId)
          .filter((id) => samePlatform(group, id)),
      }));
    // Kept at once, so a retry reuses the space instead of creating a second one.
    repo.patch(groupId, { spaceId });
    services.db.transaction(() => startRunning(services, group, spaceId))();
    return true;
  } catch (error) {
    services.log.error({ err: error, group: groupId }, "could not form the working group");
    formationFailed(services, group);
    return false;
  }
}

/** A formation that did not finish (the process stopped while waiting for the platform). */
export const formCheckJob: JobHandler = (job, { services }) => {
  const { groupId } = Payload.parse(job.payload);
  const group = groupRepo(services).get(groupId);
  if (group?.state === "forming") formationFailed(services, group);
};

function formationFailed(services: Services, group: Group): void {
  if (!groupRepo(services).transition(group.id, ["forming"], "proposed")) return;
  const { t } = memberVoice(services, group.facilitatorId);
  services.outbox.enqueue(
    { kind: "dm", userId: group.facilitatorId },
    textMessage(t("group.form.failed", { title: group.title, id: group.id })),
  );
}

/**
 * The first status round asks what the group achieved "this week": it comes after a full
 * working week, not two hours after a Monday start.
 */
function firstRoundFrom(services: Services): string {
  const zone = services.config.timeZone;
  const today = DateTime.fromJSDate(services.clock.now(), { zone });
  return today.plus({ days: 7 }).toISODate() ?? today.toISODate() ?? "2000-01-03";
}

function startRunning(services: Services, group: Group, spaceId: string): void {
  const repo = groupRepo(services);
  if (!repo.transition(group.id, ["forming"], "running")) return;
  const running = repo.get(group.id) ?? group;
  const members = repo.members(group.id);
  const { t, lang } = communityVoice(services, group.channelId);
  services.outbox.enqueue(
    { kind: "channel", channelId: spaceId },
    charterMessage(t, lang, running, members),
    {
      key: charterKey(group.id),
    },
  );
  services.outbox.enqueuePin(charterKey(group.id));
  const checkin = createCheckin(services, {
    title: t("group.checkin.title", { title: group.title }),
    channelId: spaceId,
    questions: [t("group.checkin.q.done"), t("group.checkin.q.next"), t("group.checkin.q.blocked")],
    schedule: weeklySchedule(CHECKIN_DAY, CHECKIN_TIME, services.config.timeZone, firstRoundFrom(services)),
    participantIds: members.map((m) => m.memberId),
    createdBy: group.facilitatorId,
    owner: { kind: "group", id: group.id },
  });
  if (checkin.ok) repo.patch(group.id, { checkinId: checkin.value.id });
  else services.log.warn({ group: group.id, key: checkin.error.key }, "no status check-in for the group");
  scheduleDueReminders(services, running);
  refreshCall(services, running);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.channelId },
    msg()
      .text(
        t("group.started", { title: group.title, count: members.length }),
        " ",
        memberRef(t, group.facilitatorId),
      )
      .build(),
    { key: `group:${group.id}:started` },
  );
  repo.members(group.id, ["waiting"]).forEach((waiting, index) => {
    const voice = memberVoice(services, waiting.memberId);
    services.outbox.enqueue(
      { kind: "dm", userId: waiting.memberId },
      textMessage(
        voice.t("group.waiting.started", { title: group.title, id: group.id, position: index + 1 }),
      ),
      { key: `group:${group.id}:started:waiting:${waiting.memberId}` },
    );
  });
}

/** A channel-friendly name: `ag-12-leitfaden-e-akte` (Arbeitsgruppe), `wg-12-…` in English. */
function spaceName(group: Group, lang: Lang): string {
  const slug = group.title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const prefix = lang === "de" ? "ag" : "wg";
  return `${prefix}-${group.id}${slug ? `-${slug}` : ""}`;
}
