import { DateTime } from "luxon";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { escapeMarkdown } from "../core/markdown";
import { msg } from "../core/message";
import type { Services } from "../core/services";
import { groupPartsOf, type GroupPart } from "../groups/api";
import type { Lang, Translate } from "../i18n";
import { formatDay, formatHours } from "../i18n/format";
import { introductionsOf, type IntroMatch } from "../intros/api";
import { rsvpsOf, type RsvpFact } from "../meetings/api";
import { answersBy, questionsBy, type AnswerFact, type QuestionFact } from "../qa/api";
import { formatLocal } from "../schedule/local-time";

type Ctx = EventContext<CommandEvent>;

/** Everything copbot recorded of one member's contribution. */
interface MemberRecord {
  readonly asked: readonly QuestionFact[];
  readonly answered: readonly AnswerFact[];
  readonly introduced: readonly IntroMatch[];
  readonly attended: readonly RsvpFact[];
  readonly groups: readonly GroupPart[];
}

/** Only the member's own records: every query is by their id. */
function recordOf(services: Services, memberId: string): MemberRecord {
  const { db } = services;
  return {
    asked: questionsBy(db, memberId),
    answered: answersBy(db, memberId),
    introduced: introductionsOf(db, memberId),
    attended: rsvpsOf(db, memberId).filter((r) => r.answer === "yes"),
    groups: groupPartsOf(db, memberId),
  };
}

const short = (text: string): string => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
};

/** The Markdown file to forward: every item with its date, hours per group. */
function impactMarkdown(
  services: Services,
  t: Translate,
  lang: Lang,
  memberId: string,
  r: MemberRecord,
): string {
  const zone = services.config.timeZone;
  const day = (at: Date): string => formatDay(at, zone, lang);
  const member = services.members.get(memberId);
  const name = (id: string): string => services.members.get(id)?.displayName ?? id;
  const now = services.clock.now();
  const section = (title: string, items: readonly string[]): string[] =>
    items.length === 0 ? [] : [`## ${title} (${items.length})`, "", ...items.map((i) => `- ${i}`), ""];
  return [
    `# ${t("impact.file.title")}`,
    "",
    escapeMarkdown(
      t("impact.file.intro", {
        name: member?.displayName ?? memberId,
        org: member?.organisation ?? t("impact.file.no_org"),
        date: day(now),
      }),
    ),
    "",
    ...section(
      t("impact.file.asked"),
      r.asked.map((q) => `${day(q.askedAt)}: ${escapeMarkdown(short(q.text))}`),
    ),
    ...section(
      t("impact.file.answered"),
      r.answered.map(
        (a) =>
          `${day(a.at)}: ${escapeMarkdown(short(a.questionText))}${a.accepted ? ` (${t("impact.file.accepted")})` : ""}`,
      ),
    ),
    ...section(
      t("impact.file.introduced"),
      r.introduced.map((m) => {
        const others = m.members
          .filter((x) => x.memberId !== memberId)
          .map((x) => escapeMarkdown(name(x.memberId)));
        const met = m.members.some((x) => x.answer === "met") ? ` (${t("impact.file.met")})` : "";
        return `${day(m.createdAt)}: ${others.join(", ")} – ${escapeMarkdown(m.topics.join(", "))}${met}`;
      }),
    ),
    ...section(
      t("impact.file.attended"),
      r.attended.map((a) => `${formatLocal(a.local, zone, lang)}: ${escapeMarkdown(a.title)}`),
    ),
    ...section(
      t("impact.file.groups"),
      r.groups.map((g) => {
        const role = t(g.role === "facilitator" ? "impact.file.role.facilitator" : "impact.file.role.member");
        const since = g.joinedAt
          ? `${day(g.joinedAt)}${g.group.closedAt ? ` – ${day(g.group.closedAt)}` : ""}: `
          : "";
        const result = g.group.resultUrl ? `, ${t("impact.file.result")}: ${g.group.resultUrl}` : "";
        return `${since}${escapeMarkdown(g.group.title)} (${role}, ${t("impact.file.hours", { hours: formatHours(g.minutes).replace(" h", "") })}${result})`;
      }),
    ),
    `_${t("impact.file.footer", { date: day(now) })}_`,
    "",
  ].join("\n");
}

/**
 * `impact`: the caller's own contribution, privately, as a short overview and a Markdown file
 * to forward to a supervisor. Nobody else's data is read; nothing is ranked.
 */
export function sendMemberImpact(ctx: Ctx): void {
  const { services, t } = ctx;
  const lang = services.langOf(ctx.actor);
  const r = recordOf(services, ctx.actor.id);
  const total =
    r.asked.length + r.answered.length + r.introduced.length + r.attended.length + r.groups.length;
  if (total === 0) return ctx.reply(t("impact.mine.none"));
  const minutes = r.groups.reduce((sum, g) => sum + g.minutes, 0);
  const day = DateTime.fromJSDate(services.clock.now(), { zone: services.config.timeZone }).toISODate() ?? "";
  ctx.reply(
    msg()
      .header(t("impact.mine.title"))
      .list([
        [t("impact.mine.asked", { n: r.asked.length })],
        [
          t("impact.mine.answered", {
            n: r.answered.length,
            accepted: r.answered.filter((a) => a.accepted).length,
          }),
        ],
        [
          t("impact.mine.introduced", {
            n: r.introduced.length,
            met: r.introduced.filter((m) => m.members.some((x) => x.answer === "met")).length,
          }),
        ],
        [t("impact.mine.attended", { n: r.attended.length })],
        [t("impact.mine.groups", { n: r.groups.length, hours: formatHours(minutes).replace(" h", "") })],
      ])
      .context(t("impact.mine.file"))
      .attach({
        name: `copbot-beitrag-${day}.md`,
        mime: "text/markdown",
        content: impactMarkdown(services, t, lang, ctx.actor.id, r),
      })
      .build(),
  );
}
