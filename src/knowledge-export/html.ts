import { translator, type Translate } from "../i18n";
import { formatDay } from "../i18n/format";
import type { ExportEntry, ExportSource } from "./collect";
import { escapeHtml as h, safeUrl, scriptJson } from "./escape";

/** A topic page: its label, file slug and the entries that mention it. */
export interface TopicPage {
  readonly label: string;
  readonly slug: string;
  readonly entries: readonly ExportEntry[];
}

/** The anchor of an entry on the index page. */
export const anchorOf = (entry: ExportEntry): string =>
  `${entry.kind === "question" ? "q" : "r"}-${entry.id}`;

function page(
  source: ExportSource,
  opts: { title: string; root: string; body: string; scripts?: string },
): string {
  const t = translator(source.lang);
  return `<!doctype html>
<html lang="${source.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(opts.title)}</title>
<link rel="stylesheet" href="${opts.root}assets/style.css">
</head>
<body>
${opts.body}
<footer>
<p class="licence">${h(t("export.site.licence", { licence: source.licence }))}</p>
<p>${h(t("export.site.generated", { date: formatDay(source.now, source.timeZone, source.lang) }))}</p>
</footer>
${opts.scripts ?? ""}
</body>
</html>
`;
}

/** One entry as an article; every piece of user text is escaped. */
function article(source: ExportSource, t: Translate, entry: ExportEntry, root: string): string {
  const day = (at: Date): string => formatDay(at, source.timeZone, source.lang);
  const url = safeUrl(entry.url);
  const topics = entry.topics.length > 0 ? `<p class="meta">${entry.topics.map(h).join(" · ")}</p>` : "";
  const link = (label: string): string => (url ? `<p><a href="${h(url)}">${h(label)}</a></p>` : "");
  const inner =
    entry.kind === "question"
      ? `<p class="meta">${h(t("export.site.asked_by", { who: entry.askedBy ?? "", date: day(entry.askedAt ?? entry.date) }))}</p>
${entry.text !== entry.title ? `<p class="text">${h(entry.text)}</p>` : ""}
<div class="answer">${h(entry.answer)}</div>
<p class="meta">${h(t("export.site.answered_by", { who: entry.answeredBy ?? "", date: day(entry.date) }))}</p>
${link(t("export.site.source"))}`
      : `<p class="meta">${h(t("export.site.result"))} · ${h(t("export.site.closed", { date: day(entry.date) }))}</p>
<p class="text">${h(entry.text)}</p>
${entry.answer !== "" ? `<div class="answer">${h(entry.answer)}</div>` : ""}
${link(t("export.site.result_link"))}`;
  return `<article id="${anchorOf(entry)}">
<h3><a href="${root}index.html#${anchorOf(entry)}">${h(entry.title)}</a></h3>
${topics}
${inner}
</article>`;
}

/** The index: search box, the topics, every entry. Search data and scripts come from `assets/`. */
export function indexPage(
  source: ExportSource,
  entries: readonly ExportEntry[],
  topics: readonly TopicPage[],
): string {
  const t = translator(source.lang);
  const topicItems = topics
    .map(
      (p) =>
        `<li><a href="topics/${p.slug}.html">${h(p.label)}</a> <small>(${h(t("export.site.topic_count", { n: p.entries.length }))})</small></li>`,
    )
    .join("\n");
  const body = `<header>
<h1>${h(t("export.site.title"))}</h1>
<p>${h(t("export.site.intro"))}</p>
<label for="search">${h(t("export.site.search"))}</label>
<input id="search" type="search" placeholder="${h(t("export.site.search_hint"))}" autocomplete="off">
<ul id="results"></ul>
<p id="no-hits" hidden>${h(t("export.site.no_hits"))}</p>
</header>
<section>
<h2>${h(t("export.site.topics"))}</h2>
<ul class="topics">
${topicItems}
</ul>
</section>
<section>
<h2>${h(t("export.site.all"))}</h2>
${entries.map((e) => article(source, t, e, "")).join("\n")}
</section>`;
  return page(source, {
    title: t("export.site.title"),
    root: "",
    body,
    scripts: `<script src="assets/minisearch.js"></script>
<script src="assets/search-data.js"></script>
<script src="assets/search.js"></script>`,
  });
}

/** A topic's page: every entry that mentions the topic. */
export function topicPage(source: ExportSource, topic: TopicPage): string {
  const t = translator(source.lang);
  const body = `<header>
<p><a href="../index.html">${h(t("export.site.back"))}</a></p>
<h1>${h(topic.label)}</h1>
</header>
<section>
${topic.entries.map((e) => article(source, t, e, "../")).join("\n")}
</section>`;
  return page(source, { title: `${topic.label} – ${t("export.site.title")}`, root: "../", body });
}

/** The search index data as a script (a file page cannot fetch JSON from disk). */
export function searchData(source: ExportSource, entries: readonly ExportEntry[]): string {
  const docs = entries.map((e) => ({
    id: anchorOf(e),
    title: e.title,
    text: [e.text, e.answer].join("\n"),
    topics: e.topics.join(", "),
    date: formatDay(e.date, source.timeZone, source.lang),
    href: `index.html#${anchorOf(e)}`,
  }));
  return `window.COPBOT_KNOWLEDGE = ${scriptJson(docs)};\n`;
}
