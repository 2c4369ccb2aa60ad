import type { Db } from "../../db/open";
import { indexSegments, mergeIndexSlice, mergeSegmentPairs, type KnowledgeIndex } from "./knowledge-repo";

/**
 * Every solved question adds a segment to both FTS5 indexes, and automerge folds small ones
 * only slowly (7–18 segments are usual); each searched word is looked up in every segment. The
 * word index, which every search reads, is merged into one whenever it has more (at 100,000
 * entries about 0.4 s of work, in slices; one segment halves the search's FTS5 time). The
 * trigram index, read only for compound parts and eight times larger, has its small segments
 * merged pairwise, and is merged into one only past 8 segments.
 */
const FULL_MERGE_ABOVE: Readonly<Record<KnowledgeIndex, number>> = { words: 1, trigrams: 8 };
/** Pages written per slice: a few milliseconds. */
const PAGES_PER_SLICE = 8;
/**
 * Slices per maintenance run at most (about 1,000 merge the 100,000-entry benchmark): a bound
 * in case FTS5 kept reporting work; a larger index goes on merging at the next run.
 */
const MAX_SLICES = 5_000;

interface Step {
  readonly index: KnowledgeIndex;
  readonly full: boolean;
  begun: boolean;
}

/** The merges of the current maintenance run, per database, and the slices spent. */
const runs = new WeakMap<Db, { steps: Step[]; slices: number }>();

/**
 * One slice of keeping the knowledge indexes compact (see `FULL_MERGE_ABOVE`). Returns whether
 * there may be more to do; the hourly maintenance calls it until it returns false, letting
 * events through between slices.
 */
export function compactKnowledgeSlice(db: Db): boolean {
  let run = runs.get(db);
  if (!run) {
    const steps: Step[] = [
      { index: "words", full: true, begun: false },
      { index: "trigrams", full: false, begun: false },
      { index: "trigrams", full: true, begun: false },
    ];
    run = { steps, slices: 0 };
    runs.set(db, run);
  }
  const step = run.steps[0];
  if (!step || run.slices >= MAX_SLICES) {
    runs.delete(db);
    return false;
  }
  run.slices += 1;
  if (!step.begun) {
    step.begun = true;
    if (step.full && indexSegments(db, step.index) <= FULL_MERGE_ABOVE[step.index]) {
      run.steps.shift();
      return true;
    }
    if (!step.full) mergeSegmentPairs(db, step.index);
  }
  if (!mergeIndexSlice(db, step.index, PAGES_PER_SLICE, step.full)) run.steps.shift();
  return true;
}
