import type { Db } from "../../db/open";
import { indexSegments, mergeIndexSlice, type KnowledgeIndex } from "./knowledge-repo";

/**
 * More segments than this and the index is merged into one. Every solved question adds a
 * segment and FTS5's automerge leaves up to three per level, so a busy index drifts to 10–30;
 * each searched word is looked up in every one of them (one segment halves the search's FTS5
 * time at 1,000 and at 100,000 entries). Past 8, about every 60–250 solved questions.
 */
const MAX_SEGMENTS = 8;
/** Pages written per slice: a few milliseconds. */
const PAGES_PER_SLICE = 8;
const INDEXES: readonly KnowledgeIndex[] = ["words", "trigrams"];

/** Indexes being merged, per database: a merge, once begun, runs until FTS5 has nothing left. */
const merging = new WeakMap<Db, Set<KnowledgeIndex>>();

/**
 * One slice of keeping the knowledge indexes compact: when an index has grown more than
 * `MAX_SEGMENTS` segments, merges it into one, a few pages at a time. Returns whether there
 * may be more to do; the hourly maintenance calls it until it returns false, letting events
 * through between slices.
 */
export function compactKnowledgeSlice(db: Db): boolean {
  let active = merging.get(db);
  if (!active) {
    active = new Set(INDEXES.filter((index) => indexSegments(db, index) > MAX_SEGMENTS));
    merging.set(db, active);
  }
  const index = active.values().next().value;
  if (index === undefined) {
    merging.delete(db);
    return false;
  }
  if (!mergeIndexSlice(db, index, PAGES_PER_SLICE)) active.delete(index);
  return true;
}
