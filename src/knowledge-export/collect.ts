import type { Db } from "../../db/open";
import type { Member } from "../core/member-repo";
import { allGroups, deliverableKey } from "../groups/api";
import { translator, type Lang } from "../i18n";
import { solvedWithAnswers, topicsOfText } from "../qa/api";

/** What the export reads and how it words it. */
export interface ExportSource {
  readonly db: Db;
  readonly lang: Lang;
  readonly timeZone: string;
  readonly licence: string;
  readonly now: Date;
  /** A member by id; undefined when they left or asked to be forgotten. */
  member(id: string): Member | undefined;
}

/** One entry of the knowledge base as exported: a solved question or a group's result. */
export interface ExportEntry {
  readonly kind: "question" | "result";
  readonly id: number;
  readonly title: string;
  /** The question's text, or the problem the group worked on. */
  readonly text: string;
  /** The accepted answer, or the group's summary. */
  readonly answer: string;
  readonly topics: readonly string[];
  readonly date: Date;
  readonly askedAt: Date | undefined;
  /** Credits as each member chose: `name`, `org` or anonymous; "former member" for people gone. */
  readonly askedBy: string | undefined;
  readonly answeredBy: string | undefined;
  readonly url: string | undefined;
}

/** How a member is named outside the chat, as they chose in their profile. */
export function creditOf(source: ExportSource, memberId: string | undefined): string {
  const t = translator(source.lang);
  const member = memberId === undefined ? undefined : source.member(memberId);
  if (!member) return t("export.credit.former");
  if (member.credit === "name") return member.displayName;
  if (member.credit === "org" && member.organisation) return member.organisation;
  return t("export.credit.anonymous");
}

/** Every solved question with its accepted answer, then every closed group's result, oldest first. */
export function collectEntries(source: ExportSource): ExportEntry[] {
  const t = translator(source.lang);
  const questions = solvedWithAnswers(source.db).map((q): ExportEntry => ({
    kind: "question",
    id: q.id,
    title: q.text.replace(/\s+/g, " ").trim(),
    text: q.text,
    answer: q.acceptedText ?? "",
    topics: topicsOfText(source.db, q.text),
    date: q.solvedAt ?? q.askedAt,
    askedAt: q.askedAt,
    askedBy: creditOf(source, q.askerId),
    answeredBy: creditOf(source, q.acceptedAuthorId),
    url: q.url,
  }));
  const results = allGroups(source.db).flatMap((g): ExportEntry[] =>
    g.state === "closed" && g.closedAt !== undefined && g.resultUrl !== undefined
      ? [
          {
            kind: "result",
            id: g.id,
            title: `${t(deliverableKey(g.deliverable))}: ${g.title}`,
            text: g.problem,
            answer: g.summary ?? "",
            topics: [...g.topics],
            date: g.closedAt,
            askedAt: undefined,
            askedBy: undefined,
            answeredBy: undefined,
            url: g.resultUrl,
          },
        ]
      : [],
  );
  return [...questions, ...results];
}
