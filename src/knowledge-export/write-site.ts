import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { translator } from "../i18n";
import { collectEntries, type ExportEntry, type ExportSource } from "./collect";
import { slugify } from "./escape";
import { indexPage, searchData, topicPage, type TopicPage } from "./html";
import { entryMarkdown } from "./markdown";

/** What an export wrote. */
export interface ExportResult {
  readonly dir: string;
  readonly index: string;
  readonly questions: number;
  readonly results: number;
  readonly topics: number;
}

const ASSETS = join(__dirname, "assets");
/** MiniSearch's browser build, copied next to the pages (no network needed to search). */
const MINISEARCH = join(dirname(require.resolve("minisearch")), "..", "umd", "index.js");

/** One page per topic (entries without one on a page of their own), by label. */
function topicPages(entries: readonly ExportEntry[], noTopic: string): TopicPage[] {
  const byLabel = new Map<string, ExportEntry[]>();
  for (const entry of entries) {
    for (const label of entry.topics.length > 0 ? entry.topics : [noTopic]) {
      byLabel.set(label, [...(byLabel.get(label) ?? []), entry]);
    }
  }
  const used = new Set<string>();
  return [...byLabel]
    .sort(([a], [b]) => a.localeCompare(b, "de"))
    .map(([label, list]) => {
      let slug = slugify(label);
      for (let n = 2; used.has(slug); n++) slug = `${slugify(label)}-${n}`;
      used.add(slug);
      return { label, slug, entries: list };
    });
}

/**
 * Writes the knowledge export into `dir`: Markdown files with front matter (`questions/`,
 * `results/`), the searchable site (`index.html`, `topics/`, `assets/`). It is built in a
 * sibling folder and then moved into place, so a failed export leaves the previous one intact.
 */
export function writeKnowledgeExport(source: ExportSource, dir: string): ExportResult {
  const target = resolve(dir);
  const t = translator(source.lang);
  const entries = collectEntries(source);
  const topics = topicPages(entries, t("export.site.no_topic"));
  const building = join(dirname(target), `.${basename(target)}.building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  try {
    for (const sub of ["questions", "results", "topics", "assets"])
      mkdirSync(join(building, sub), { recursive: true });
    for (const entry of entries) {
      const folder = entry.kind === "question" ? "questions" : "results";
      writeFileSync(
        join(building, folder, `${entry.id}-${slugify(entry.title)}.md`),
        entryMarkdown(source, entry),
      );
    }
    writeFileSync(join(building, "index.html"), indexPage(source, entries, topics));
    for (const topic of topics)
      writeFileSync(join(building, "topics", `${topic.slug}.html`), topicPage(source, topic));
    writeFileSync(join(building, "assets", "search-data.js"), searchData(source, entries));
    copyFileSync(MINISEARCH, join(building, "assets", "minisearch.js"));
    copyFileSync(join(ASSETS, "search.js"), join(building, "assets", "search.js"));
    copyFileSync(join(ASSETS, "style.css"), join(building, "assets", "style.css"));
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(building, target);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  return {
    dir: target,
    index: join(target, "index.html"),
    questions: entries.filter((e) => e.kind === "question").length,
    results: entries.filter((e) => e.kind === "result").length,
    topics: topics.length,
  };
}
