import type { Db } from "../../db/open";
import { bold, channelRef, link, type Inline } from "../core/message";
import type { Translate } from "../i18n";
import { searchKeptPostings, type KnowledgeHit } from "./knowledge";
import { contentWords } from "./text";

/**
 * Solved entries similar enough to suggest before asking people: at least two of the
 * question's content words (or its only one) must occur in the entry. Every new question looks
 * them up, so the words' posting lists are kept between lookups (see `searchKeptPostings`).
 */
export function similarSolved(db: Db, text: string, limit: number, excludeSourceId?: string): KnowledgeHit[] {
  return similarSolvedReading(db, text, limit, Number.POSITIVE_INFINITY, excludeSourceId) ?? [];
}

/**
 * `similarSolved`, reading at most `listReads` posting lists not kept yet: undefined when more
 * are missing (then asked again after the event loop turned; see `searchKeptPostings`).
 */
export function similarSolvedReading(
  db: Db,
  text: string,
  limit: number,
  listReads: number,
  excludeSourceId?: string,
): KnowledgeHit[] | undefined {
  const needed = Math.min(2, contentWords(text).length);
  if (needed === 0) return [];
  return searchKeptPostings(db, text, limit + 1, listReads)
    ?.filter((hit) => hit.sourceId !== excludeSourceId && hit.matchedWords >= needed)
    .slice(0, limit);
}

/** One line per hit: title (linked when the platform has links), where it was, a snippet. */
export function hitLine(t: Translate, hit: KnowledgeHit): Inline[] {
  const title: Inline = hit.url ? link(hit.url, hit.title) : bold(hit.title);
  const where: Inline[] = !hit.url && hit.channelId ? [" (", channelRef(hit.channelId), ")"] : [];
  const kind = hit.kind === "group" ? [t("qa.search.group"), " "] : [];
  return [...kind, title, ...where, " – ", hit.snippet];
}
