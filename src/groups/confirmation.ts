import { escapeMarkdown } from "../core/markdown";
import { bold, link, msg, type OutgoingMessage } from "../core/message";
import type { Lang, Translate } from "../i18n";
import { dayOf } from "./dates";
import { deliverableKey } from "./deliverable";
import type { Group, GroupRole } from "./group-repo";
import { formatHours, formatIsoDate } from "../i18n/format";

/** Everything a participation confirmation states. */
export interface ConfirmationFacts {
  readonly memberName: string;
  readonly group: Group;
  readonly role: GroupRole;
  readonly minutes: number;
  readonly zone: string;
  /** Set when the member left the running group early: the period ends that day. */
  readonly leftAt?: Date;
}

function rows(t: Translate, lang: Lang, f: ConfirmationFacts): [label: string, value: string][] {
  const { group } = f;
  const from = formatIsoDate(dayOf(group.startedAt ?? group.createdAt, f.zone), lang);
  const to = formatIsoDate(
    dayOf(f.leftAt ?? group.closedAt ?? group.startedAt ?? group.createdAt, f.zone),
    lang,
  );
  const period = f.leftAt ? `${from} – ${to} (${t("group.confirm.leftEarly")})` : `${from} – ${to}`;
  const topic = group.topics.length > 0 ? `${group.problem} (${group.topics.join(", ")})` : group.problem;
  return [
    [t("group.confirm.group"), group.title],
    [t("group.confirm.topic"), topic],
    [t("group.confirm.period"), period],
    [t("group.confirm.role"), t(f.role === "facilitator" ? "group.role.facilitator" : "group.role.member")],
    [t("group.confirm.time"), f.minutes > 0 ? formatHours(f.minutes) : t("group.confirm.noTime")],
    [t("group.confirm.result"), `${t(deliverableKey(group.deliverable))}: ${group.resultUrl ?? "–"}`],
  ];
}

/** The confirmation as a chat message with the same content attached as a Markdown file. */
export function confirmationMessage(t: Translate, lang: Lang, facts: ConfirmationFacts): OutgoingMessage {
  const lines = rows(t, lang, facts);
  return msg()
    .header(t("group.confirm.header"))
    .text(t("group.confirm.intro", { name: facts.memberName, title: facts.group.title }))
    .list(
      lines.map(([label, value], index) =>
        index === lines.length - 1 && facts.group.resultUrl
          ? [bold(label), " ", `${t(deliverableKey(facts.group.deliverable))}: `, link(facts.group.resultUrl)]
          : [bold(label), " ", value],
      ),
    )
    .attach({
      name: `${t("group.confirm.fileName")}-${facts.group.id}.md`,
      mime: "text/markdown",
      content: confirmationMarkdown(t, lang, facts),
    })
    .build();
}

/** The confirmation as a Markdown document for the employer. */
export function confirmationMarkdown(t: Translate, lang: Lang, facts: ConfirmationFacts): string {
  const body = rows(t, lang, facts).map(([label, value]) => `- **${label}** ${escapeMarkdown(value)}`);
  return [
    `# ${t("group.confirm.header")}`,
    "",
    escapeMarkdown(t("group.confirm.intro", { name: facts.memberName, title: facts.group.title })),
    "",
    ...body,
    "",
    t("group.confirm.footer"),
    "",
  ].join("\n");
}
