import { DateTime } from "luxon";
import { escapeMarkdown } from "../core/markdown";
import { translator } from "../i18n";
import { formatDay } from "../i18n/format";
import type { ExportEntry, ExportSource } from "./collect";
import { safeUrl } from "./escape";

/** A YAML scalar: JSON strings are valid double-quoted YAML. */
const yaml = (value: string): string => JSON.stringify(value);

/**
 * One entry as a Markdown file with YAML front matter (for wikis and static site tools); user
 * text is escaped so it cannot become Markdown structure or HTML.
 */
export function entryMarkdown(source: ExportSource, entry: ExportEntry): string {
  const t = translator(source.lang);
  const day = (at: Date): string => formatDay(at, source.timeZone, source.lang);
  const iso = (at: Date): string => DateTime.fromJSDate(at, { zone: source.timeZone }).toISODate() ?? "";
  // Only web addresses: a platform without permalinks leaves a bare message reference.
  const url = safeUrl(entry.url);
  const front = [
    "---",
    `id: ${entry.id}`,
    `type: ${entry.kind}`,
    `title: ${yaml(entry.title)}`,
    `date: ${iso(entry.date)}`,
    ...(entry.askedBy !== undefined ? [`asked_by: ${yaml(entry.askedBy)}`] : []),
    ...(entry.answeredBy !== undefined ? [`answered_by: ${yaml(entry.answeredBy)}`] : []),
    `topics: [${entry.topics.map(yaml).join(", ")}]`,
    ...(url !== undefined ? [`source: ${yaml(url)}`] : []),
    `license: ${yaml(source.licence)}`,
    "---",
    "",
  ];
  const body =
    entry.kind === "question"
      ? [
          `# ${escapeMarkdown(entry.title)}`,
          "",
          `_${escapeMarkdown(t("export.site.asked_by", { who: entry.askedBy ?? "", date: day(entry.askedAt ?? entry.date) }))}_`,
          "",
          `## ${t("export.site.answer")}`,
          "",
          escapeMarkdown(entry.answer),
          "",
          `_${escapeMarkdown(t("export.site.answered_by", { who: entry.answeredBy ?? "", date: day(entry.date) }))}_`,
        ]
      : [
          `# ${escapeMarkdown(entry.title)}`,
          "",
          escapeMarkdown(entry.text),
          "",
          ...(entry.answer !== "" ? [escapeMarkdown(entry.answer), ""] : []),
          ...(url !== undefined ? [`${t("export.site.result_link")}: <${url}>`, ""] : []),
          `_${t("export.site.closed", { date: day(entry.date) })}_`,
        ];
  return [
    ...front,
    ...body,
    "",
    "---",
    "",
    t("export.site.licence", { licence: escapeMarkdown(source.licence) }),
    "",
  ].join("\n");
}
