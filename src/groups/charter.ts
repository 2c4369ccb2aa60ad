import { bold, type Inline, mention, msg, type OutgoingMessage } from "../core/message";
import { memberRef } from "../core/privacy";
import type { Lang, Translate } from "../i18n";
import { deliverableKey } from "./deliverable";
import type { Group, GroupMember } from "./group-repo";
import { formatIsoDate } from "../i18n/format";

const AGREEMENTS = [
  "group.charter.rule.checkin",
  "group.charter.rule.status",
  "group.charter.rule.milestones",
  "group.charter.rule.time",
  "group.charter.rule.close",
] as const;

/** The group's charter: goal, practice problem, deliverable, due date, roles, working agreements. */
export function charterMessage(
  t: Translate,
  lang: Lang,
  group: Group,
  members: readonly GroupMember[],
): OutgoingMessage {
  const deliverable = t(deliverableKey(group.deliverable));
  const others = members.filter((m) => m.role !== "facilitator");
  const roles: Inline[] = [t("group.charter.facilitator"), " ", memberRef(t, group.facilitatorId)];
  if (others.length > 0) {
    roles.push(" · ", t("group.charter.members"), " ");
    others.forEach((m, index) => roles.push(...(index > 0 ? [", "] : []), mention(m.memberId)));
  }
  return msg()
    .header(t("group.charter.header", { title: group.title }))
    .text(
      bold(t("group.charter.goal")),
      " ",
      t("group.charter.goalText", { deliverable, title: group.title }),
    )
    .text(bold(t("group.charter.problem")), " ", group.problem)
    .text(bold(t("group.charter.deliverable")), " ", deliverable)
    .text(bold(t("group.charter.due")), " ", formatIsoDate(group.due, lang))
    .text(bold(t("group.charter.roles")), " ", ...roles)
    .text(bold(t("group.charter.agreements")))
    .list(AGREEMENTS.map((key) => [t(key)]))
    .build();
}
