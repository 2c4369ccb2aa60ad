import { bold, msg, type OutgoingMessage } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Services } from "../core/services";
import type { Lang, Translate } from "../i18n";
import { findExperts, reasonFor } from "../qa/api";
import { communityVoice, groupRepo, memberVoice, samePlatform } from "./context";
import { dayOf } from "./dates";
import { deliverableKey } from "./deliverable";
import { invitedMembers } from "./invitation-repo";
import type { Group } from "./group-repo";
import { formatIsoDate } from "../i18n/format";

/** How many matching experts get a personal invitation per call. */
const INVITE_LIMIT = 5;

/** The outbox key of a group's current call; a reopened call gets a new one. */
export function callKey(group: Group): string {
  return `group:${group.id}:call:${group.signupDeadline.getTime()}`;
}

/** The call for participants, with Join / Leave while sign-up is open. */
export function callMessage(
  t: Translate,
  lang: Lang,
  group: Group,
  counts: { seated: number; waiting: number },
  zone: string,
): OutgoingMessage {
  const open = group.state === "proposed" || group.state === "forming";
  const message = msg()
    .header(t("group.call.header", { id: group.id, title: group.title }))
    .text(
      memberRef(t, group.facilitatorId),
      " ",
      t("group.call.intro", {
        deliverable: t(deliverableKey(group.deliverable)),
        due: formatIsoDate(group.due, lang),
      }),
    )
    .text(bold(t("group.charter.problem")), " ", group.problem);
  if (group.topics.length > 0) message.text(bold(t("group.call.topics")), " ", group.topics.join(", "));
  message.context(
    t("group.call.counts", {
      seated: counts.seated,
      min: group.minSize,
      max: group.maxSize,
      waiting: counts.waiting,
    }),
    " · ",
    t(open ? "group.call.deadline" : `group.call.state.${group.state}`, {
      deadline: formatIsoDate(dayOf(group.signupDeadline, zone), lang),
    }),
  );
  if (open) {
    message.button("group.join", t("group.button.join"), String(group.id), "primary");
    message.button("group.leave", t("group.button.leave"), String(group.id));
  }
  return message.build();
}

function counts(services: Services, group: Group): { seated: number; waiting: number } {
  const repo = groupRepo(services);
  return { seated: repo.members(group.id).length, waiting: repo.members(group.id, ["waiting"]).length };
}

/** Posts the call in the community channel. */
export function postCall(services: Services, group: Group): void {
  const { t, lang } = communityVoice(services, group.channelId);
  services.outbox.enqueue(
    { kind: "channel", channelId: group.channelId },
    callMessage(t, lang, group, counts(services, group), services.config.timeZone),
    { key: callKey(group) },
  );
}

/** Brings the call's counts and buttons up to date, in place. */
export function refreshCall(services: Services, group: Group): void {
  const { t, lang } = communityVoice(services, group.channelId);
  services.outbox.enqueueUpdate(
    callKey(group),
    callMessage(t, lang, group, counts(services, group), services.config.timeZone),
  );
}

/**
 * Invites, by DM, members who opted in to group invitations and whose expertise matches.
 * Expert routing respects their away times, caps and quiet hours and counts the ping.
 */
export function inviteExperts(services: Services, group: Group): string[] {
  const optedIn = new Set(invitedMembers(services.db));
  const seated = new Set(
    groupRepo(services)
      .members(group.id, ["joined", "waiting"])
      .map((m) => m.memberId),
  );
  const exclude = services.members
    .all()
    .map((m) => m.id)
    .filter((id) => !optedIn.has(id) || seated.has(id) || !samePlatform(group, id));
  const experts = findExperts(services, {
    topics: [...group.topics],
    text: `${group.title} ${group.problem}`,
    exclude: [...exclude, group.proposerId, group.facilitatorId],
    limit: INVITE_LIMIT,
    purpose: "group-invite",
  });
  for (const expert of experts) {
    const { t, lang } = memberVoice(services, expert.memberId);
    const invitation = msg()
      .text(t("group.invite.intro", { title: group.title }), " ", memberRef(t, group.facilitatorId))
      .text(bold(t("group.charter.problem")), " ", group.problem)
      .context(t("group.invite.why"), " ", ...reasonFor(lang, expert.why.topics, expert.why.accepted))
      .context(
        t("group.invite.facts", {
          deliverable: t(deliverableKey(group.deliverable)),
          due: formatIsoDate(group.due, lang),
          deadline: formatIsoDate(dayOf(group.signupDeadline, services.config.timeZone), lang),
        }),
      )
      .button("group.join", t("group.button.join"), String(group.id), "primary")
      .build();
    services.outbox.enqueue({ kind: "dm", userId: expert.memberId }, invitation, {
      key: `group:${group.id}:invite:${expert.memberId}`,
    });
  }
  return experts.map((e) => e.memberId);
}
