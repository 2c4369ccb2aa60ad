import { DateTime } from "luxon";
import type { MessageKey, Params } from "../i18n";
import { type Deliverable, parseDeliverable } from "./deliverable";
import { parseDate } from "./dates";

/** What a proposer typed, field by field, before any checking (one-line form, modal or dialog). */
export interface ProposalDraft {
  readonly title?: string;
  readonly problem?: string;
  readonly deliverable?: string;
  readonly due?: string;
  readonly size?: string;
  readonly topics?: string;
  /** The facilitator's member id, or undefined when what the proposer typed named nobody. */
  readonly facilitatorId?: string;
  /** What the proposer typed for the facilitator when it named nobody (`@ghost`), to say so. */
  readonly facilitatorUnknown?: string;
}

/** A proposal that meets the four conditions: small, focused, moderated, time-boxed. */
export interface Proposal {
  readonly title: string;
  readonly problem: string;
  readonly deliverable: Deliverable;
  /** ISO date (YYYY-MM-DD) in the community's zone. */
  readonly due: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly topics: readonly string[];
  readonly facilitatorId: string;
}

/** One condition that is missing or too vague, as a friendly sentence. */
export interface ProposalProblem {
  readonly field: keyof ProposalDraft;
  readonly key: MessageKey;
  readonly params?: Params;
}

export const MIN_SIZE = 3;
export const MAX_SIZE = 7;
export const DEFAULT_SIZE = { min: 3, max: 6 } as const;
export const MIN_WEEKS = 2;
export const MAX_WEEKS = 12;
export const MIN_TITLE = 3;
export const MAX_TITLE = 80;
export const MAX_TOPICS = 5;
const MIN_PROBLEM_WORDS = 6;

/**
 * Words that make a problem sound bigger without saying what hurts. A problem statement
 * needs enough words beyond these (and beyond filler) to describe a concrete situation.
 */
const VAGUE = new Set(
  (
    "irgendwas etwas alles thema themen digitalisierung verbessern besser optimieren modernisieren " +
    "allgemein sachen dinge zukunft innovation stuff things something everything improve better " +
    "topic topics digitalisation digitalization general future innovation optimise optimize"
  ).split(" "),
);
const FILLER = new Set(
  (
    "der die das den dem des ein eine einen einem einer und oder aber mit bei für von zu zur zum " +
    "im in am an auf ist sind wir ihr sie es uns unser unsere wie was wer man sich nicht auch noch " +
    "the a an and or but with for of to in on at is are we our it this that how what who not also"
  ).split(" "),
);

/** Checks a draft against the four conditions; every problem comes with one friendly sentence. */
export function validateProposal(
  draft: ProposalDraft,
  opts: { readonly now: Date; readonly zone: string },
): { ok: true; value: Proposal } | { ok: false; problems: ProposalProblem[] } {
  const problems: ProposalProblem[] = [];
  const title = draft.title?.trim() ?? "";
  const titleProblem = checkTitle(title);
  if (titleProblem) problems.push({ field: "title", ...titleProblem });
  else if (title.length > MAX_TITLE)
    problems.push({ field: "title", key: "group.check.titleLong", params: { max: MAX_TITLE } });

  const problem = draft.problem?.trim() ?? "";
  const problemCheck = checkProblem(problem);
  if (problemCheck) problems.push({ field: "problem", key: problemCheck });

  const deliverable = draft.deliverable ? parseDeliverable(draft.deliverable) : undefined;
  if (!deliverable) problems.push({ field: "deliverable", key: "group.check.deliverable" });

  const due = checkDue(draft.due, opts);
  if (!due.ok) problems.push({ field: "due", key: due.key, params: { min: MIN_WEEKS, max: MAX_WEEKS } });

  const size = parseSize(draft.size);
  if (!size)
    problems.push({ field: "size", key: "group.check.size", params: { min: MIN_SIZE, max: MAX_SIZE } });

  const topics = parseTopics(draft.topics ?? "");
  if (topics.length > MAX_TOPICS)
    problems.push({ field: "topics", key: "group.check.topics", params: { max: MAX_TOPICS } });

  if (!draft.facilitatorId) problems.push({ field: "facilitatorId", ...facilitatorProblem(draft) });

  if (problems.length > 0 || !deliverable || !due.ok || !size || !draft.facilitatorId)
    return { ok: false, problems };
  return {
    ok: true,
    value: {
      title,
      problem,
      deliverable,
      due: due.date,
      minSize: size.min,
      maxSize: size.max,
      topics,
      facilitatorId: draft.facilitatorId,
    },
  };
}

/** Undefined when the title is long enough, else the sentence that says why not (too long is checked apart). */
export function checkTitle(title: string): { key: MessageKey; params?: Params } | undefined {
  if (title === "") return { key: "group.check.title" };
  if (title.length < MIN_TITLE) return { key: "group.check.titleShort", params: { title, min: MIN_TITLE } };
  return undefined;
}

/** A missing facilitator: nobody named, or a name nobody here answers to. */
function facilitatorProblem(draft: ProposalDraft): { key: MessageKey; params?: Params } {
  return draft.facilitatorUnknown
    ? { key: "group.check.facilitatorUnknown", params: { name: draft.facilitatorUnknown } }
    : { key: "group.check.facilitator" };
}

/** Undefined when the problem statement is concrete enough, else the sentence that says why not. */
export function checkProblem(problem: string): MessageKey | undefined {
  if (problem.length === 0) return "group.check.problemMissing";
  const words = problem
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 2 && !FILLER.has(w) && !VAGUE.has(w));
  return words.length < MIN_PROBLEM_WORDS ? "group.check.problemVague" : undefined;
}

/** Checks a due date: a real date, not in the past, 2–12 weeks ahead. */
export function checkDue(
  raw: string | undefined,
  opts: { readonly now: Date; readonly zone: string },
): { ok: true; date: string } | { ok: false; key: MessageKey } {
  if (!raw || raw.trim() === "") return { ok: false, key: "group.check.dueMissing" };
  const date = parseDate(raw, opts.zone, opts.now);
  if (!date) return { ok: false, key: "group.check.dueInvalid" };
  const today = DateTime.fromJSDate(opts.now, { zone: opts.zone }).startOf("day");
  const days = date.diff(today, "days").days;
  if (days < 0) return { ok: false, key: "group.check.duePast" };
  if (days < MIN_WEEKS * 7) return { ok: false, key: "group.check.dueSoon" };
  if (days > MAX_WEEKS * 7) return { ok: false, key: "group.check.dueFar" };
  return { ok: true, date: date.toISODate() ?? raw };
}

/** `3-6`, `3–6` or a single maximum such as `5`; empty means the default 3–6. */
export function parseSize(raw: string | undefined): { min: number; max: number } | undefined {
  const text = raw?.trim() ?? "";
  if (text === "") return { ...DEFAULT_SIZE };
  const range = /^(\d{1,2})\s*(?:-|–|bis|to)\s*(\d{1,2})$/.exec(text);
  const single = /^(\d{1,2})$/.exec(text);
  const min = range ? Number(range[1]) : MIN_SIZE;
  const max = range ? Number(range[2]) : single ? Number(single[1]) : NaN;
  if (!Number.isInteger(max) || min < MIN_SIZE || max > MAX_SIZE || min > max) return undefined;
  return { min, max };
}

/** A comma- or semicolon-separated topic list, trimmed, without duplicates. */
export function parseTopics(raw: string): string[] {
  const seen = new Set<string>();
  return raw
    .split(/[,;]/)
    .map((topic) => topic.trim())
    .filter((topic) => {
      const key = topic.toLowerCase();
      if (topic === "" || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
