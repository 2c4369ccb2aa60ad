import type { Services } from "../core/services";
import { allGroups, type GroupFact } from "../groups/api";
import { meetingDatesBetween, type MeetingDate } from "../meetings/api";
import {
  openQuestionCount,
  openQuestions,
  questionsSolved,
  topicsOfText,
  type QuestionFact,
} from "../qa/api";

/** At most this many open questions are listed; the rest is counted. */
export const MAX_OPEN = 5;
const WEEK_MS = 7 * 86_400_000;

/** What a digest can say about a span of time. */
export interface DigestContent {
  readonly solved: readonly QuestionFact[];
  readonly open: readonly (QuestionFact & { readonly topics: readonly string[] })[];
  readonly moreOpen: number;
  readonly meetings: readonly MeetingDate[];
  readonly calls: readonly GroupFact[];
  readonly results: readonly GroupFact[];
}

/**
 * Gathers the digest for [from, to): questions solved then, open questions oldest first with
 * their topics, the meetings of the coming week, groups still looking for members, results
 * delivered then.
 */
export function gatherDigest(services: Services, from: Date, to: Date): DigestContent {
  const { db } = services;
  const open = openQuestions(db, MAX_OPEN);
  const groups = allGroups(db);
  return {
    solved: questionsSolved(db, from, to),
    open: open.map((q) => ({ ...q, topics: topicsOfText(db, q.text) })),
    moreOpen: Math.max(0, openQuestionCount(db) - open.length),
    meetings: meetingDatesBetween(services, to, new Date(to.getTime() + WEEK_MS)),
    calls: groups.filter((g) => g.state === "proposed" && g.signupDeadline > to && g.seated < g.maxSize),
    results: groups.filter(
      (g) => g.closedAt !== undefined && g.closedAt >= from && g.closedAt < to && g.resultUrl !== undefined,
    ),
  };
}

/** True when the digest would say nothing. */
export function isEmpty(c: DigestContent): boolean {
  return c.solved.length + c.open.length + c.meetings.length + c.calls.length + c.results.length === 0;
}
