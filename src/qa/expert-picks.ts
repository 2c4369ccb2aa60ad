import { DateTime } from "luxon";
import type { Db } from "../../db/open";
import type { ExpertIndex } from "./expert-index";
import { KEPT_PINGS, pingCounts, type ProfileRecord } from "./expert-index-repo";
import { isUnavailable, quietUntil } from "./expert-settings";
import {
  scoreCeiling,
  scoreExpert,
  scoreStep,
  topExperts,
  type ExpertStats,
  type RankedExpert,
} from "./ranking";

const WEEK_MS = 7 * 24 * 3_600_000;

export interface PickInput {
  /** The index, ready for `keys` (expert-index.ts, `readyFor`). */
  readonly index: ExpertIndex;
  /** The question's search keys. */
  readonly keys: readonly string[];
  /** Labels of the wanted topics each member has (ordered as in the reason line). */
  readonly topical: ReadonlyMap<string, readonly string[]>;
  readonly excluded: ReadonlySet<string>;
  readonly limit: number;
  readonly includeQuiet: boolean;
  readonly now: Date;
  readonly zone: string;
}

/** The calendar week last asked for: its start and the next week's start, in one zone. */
let lastWeek = { zone: "", from: Number.NaN, until: Number.NaN };

/**
 * Start of the calendar week (local, in `zone`) that `at` falls into. Every question asks, and
 * luxon's zone arithmetic is slow, so a week is computed once; both of its bounds come from
 * luxon, so a week with a DST change is as long as it really is.
 */
function weekStart(at: number, zone: string): number {
  if (lastWeek.zone !== zone || at < lastWeek.from || at >= lastWeek.until) {
    const from = DateTime.fromMillis(at, { zone }).startOf("week");
    lastWeek = { zone, from: from.toMillis(), until: from.plus({ weeks: 1 }).toMillis() };
  }
  return lastWeek.from;
}

/** Pings that count as load (after `recent`) and against the weekly cap (from `week`). */
interface PingWindow {
  readonly recent: number;
  readonly week: number;
}

/** How many of a member's kept ping times are after `after` (at most their pings in that time). */
function keptPingsAfter(profile: ProfileRecord, after: number): number {
  let count = 0;
  for (const at of profile.recentPings) if (at > after) count += 1;
  return count;
}

/**
 * A member's pings in the window, from the newest ping times the profile keeps; when all of
 * them fall into the window there may be more, and those are counted in the database.
 */
function pingsIn(db: Db, profile: ProfileRecord, window: PingWindow): { recent: number; week: number } {
  const times = profile.recentPings;
  const oldest = times[times.length - 1] ?? 0;
  if (times.length >= KEPT_PINGS && oldest > Math.min(window.recent, window.week - 1))
    return pingCounts(db, profile.memberId, window);
  let recent = 0;
  let week = 0;
  for (const at of times) {
    if (at > window.recent) recent += 1;
    if (at >= window.week) week += 1;
  }
  return { recent, week };
}

/**
 * Positions 0..n-1 ordered by the score step of `ceilings[i]`, highest step first (a counting
 * sort: steps are small whole numbers, and a question has thousands of matches to order).
 */
function byStepDescending(ceilings: Float64Array): Int32Array {
  const order = new Int32Array(ceilings.length);
  if (ceilings.length === 0) return order;
  const steps = new Int32Array(ceilings.length);
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < ceilings.length; i++) {
    const step = scoreStep(ceilings[i] ?? 0);
    steps[i] = step;
    if (step < low) low = step;
    if (step > high) high = step;
  }
  const counts = new Int32Array(high - low + 2);
  for (const step of steps) {
    const slot = high - step + 1;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] ?? 0) + (counts[i - 1] ?? 0);
  steps.forEach((step, i) => {
    const slot = high - step;
    order[counts[slot] ?? 0] = i;
    counts[slot] = (counts[slot] ?? 0) + 1;
  });
  return order;
}

/**
 * The best `limit` experts for a question, in the order `rankExperts` gives: every member with
 * a match (topics named, or relevance of their sources) is scored exactly. Relevance is scaled
 * to 0..1 by the highest of any member; a score is match (topics + relevance) plus history
 * minus load (ranking.ts).
 *
 * Statistics (pings in the windows, quiet hours, availability) are worked out by the score step
 * of each member's ceiling (the score without load), highest first; once `limit` experts
 * reachable now are in a higher score step than the next ceiling's, nobody left can rank among
 * them (experts in quiet hours come after everyone reachable), so the rest is not looked at.
 */
export function bestExperts(db: Db, input: PickInput): RankedExpert[] {
  const { index, excluded } = input;
  if (input.limit <= 0) return [];
  const { members, values } = index.relevance(input.keys);
  let scale = 0;
  for (const value of values) if (value > scale) scale = value;
  // Members with wanted topics, by number (a topical member the index never saw has no profile).
  const topical = new Map<number, readonly string[]>();
  for (const [memberId, topics] of input.topical) {
    const n = index.numberFor(memberId);
    if (n !== undefined) topical.set(n, topics);
  }
  const now = input.now.getTime();
  const window: PingWindow = { recent: now - WEEK_MS, week: weekStart(now, input.zone) };
  // Experts with a match: their numbers, matches and ceilings (the score without load).
  const skip = new Set<number>();
  for (const memberId of excluded) {
    const n = index.numberFor(memberId);
    if (n !== undefined) skip.add(n);
  }
  const matched = new Int32Array(members.length + topical.size);
  const matches = new Float64Array(matched.length);
  const all = new Float64Array(matched.length);
  let count = 0;
  const measure = (n: number, topics: number, relevance: number): void => {
    const history = index.expertHistoryAt(n);
    if (Number.isNaN(history) || skip.has(n)) return;
    const match = topics + (scale > 0 ? relevance / scale : 0);
    if (match <= 0) return;
    matched[count] = n;
    matches[count] = match;
    all[count] = scoreCeiling(match, history);
    count += 1;
  };
  for (let i = 0; i < members.length; i++) {
    const n = members[i] ?? 0;
    const topics = topical.size > 0 ? topical.get(n) : undefined;
    if (topics) topical.delete(n);
    measure(n, topics?.length ?? 0, values[i] ?? 0);
  }
  for (const [n, topics] of topical) measure(n, topics.length, 0);
  const ceilings = all.subarray(0, count);

  /** The statistics of the expert at position `i`; undefined when they are at their weekly cap. */
  const statsAt = (
    i: number,
    profile: ProfileRecord,
    quietEnd: Date | undefined,
  ): ExpertStats | undefined => {
    const pings = pingsIn(db, profile, window);
    if (pings.week >= profile.settings.weeklyCap) return undefined;
    return {
      memberId: profile.memberId,
      match: matches[i] ?? 0,
      matchedTopics: input.topical.get(profile.memberId) ?? [],
      accepted: profile.accepted,
      recentPings: pings.recent,
      weekPings: pings.week,
      weeklyCap: profile.settings.weeklyCap,
      answeredPings: profile.answered,
      totalPings: profile.pings,
      unavailable: false,
      ...(quietEnd !== undefined ? { quietUntil: quietEnd } : {}),
      ...(profile.last !== undefined ? { lastPingedAt: new Date(profile.last) } : {}),
    };
  };
  const candidates: ExpertStats[] = [];
  /** Adds an expert's score step to the `limit` best ones, best first. */
  const keep = (best: number[], stats: ExpertStats): void => {
    best.push(scoreStep(scoreExpert(stats)));
    best.sort((a, b) => b - a);
    if (best.length > input.limit) best.pop();
  };
  // The `limit` best score steps among the experts reachable now. Experts in quiet hours come
  // after everyone reachable, so they are looked at only when fewer than `limit` are reachable.
  const reachable: number[] = [];
  const quiet: { readonly i: number; readonly profile: ProfileRecord; readonly end: Date }[] = [];
  const look = (i: number): void => {
    const profile = index.profileAt(matched[i] ?? -1);
    if (!profile || isUnavailable(profile.settings, input.now)) return;
    // Quiet hours are the expert's own local times (`/cop profile tz`), else the community's.
    const end = quietUntil(profile.settings.quiet, input.now, profile.timeZone ?? input.zone);
    if (end !== undefined) {
      if (input.includeQuiet) quiet.push({ i, profile, end });
      return;
    }
    const stats = statsAt(i, profile, undefined);
    if (!stats) return;
    candidates.push(stats);
    keep(reachable, stats);
  };
  // Matches are taken in the order of their ceilings and given a tighter one, with the load
  // their kept ping times show (their score, unless they have more pings than kept); a step of
  // tighter ceilings is looked at once no match left can have a tighter ceiling in it.
  const order = byStepDescending(ceilings);
  let taken = 0;
  const tighter = new Map<number, number[]>();
  const nextStep = (): number =>
    taken < order.length ? scoreStep(ceilings[order[taken] ?? 0] ?? 0) : Number.NEGATIVE_INFINITY;
  for (;;) {
    const step = nextStep();
    let best = Number.NEGATIVE_INFINITY;
    for (const s of tighter.keys()) if (s > best) best = s;
    if (step === Number.NEGATIVE_INFINITY && best === Number.NEGATIVE_INFINITY) break;
    if (step >= best) {
      while (nextStep() === step) {
        const i = order[taken++] ?? 0;
        const profile = index.profileAt(matched[i] ?? -1);
        const load = profile ? keptPingsAfter(profile, window.recent) : 0;
        ceilings[i] = scoreCeiling(matches[i] ?? 0, profile?.history ?? 0, load);
        const into = scoreStep(ceilings[i] ?? 0);
        const bucket = tighter.get(into);
        if (bucket) bucket.push(i);
        else tighter.set(into, [i]);
      }
      continue;
    }
    const last = reachable[input.limit - 1];
    if (last !== undefined && last > best) break;
    for (const i of tighter.get(best) ?? []) look(i);
    tighter.delete(best);
  }
  // Fewer than `limit` reachable means every match was looked at: the best in quiet hours
  // fill the rest, worked out in the same order with the same stop.
  const wanted = input.limit - reachable.length;
  const later: number[] = [];
  let current = Number.POSITIVE_INFINITY;
  for (const { i, profile, end } of wanted > 0 ? quiet : []) {
    const step = scoreStep(ceilings[i] ?? 0);
    if (step !== current) {
      const last = later[wanted - 1];
      if (last !== undefined && last > step) break;
      current = step;
    }
    const stats = statsAt(i, profile, end);
    if (!stats) continue;
    candidates.push(stats);
    keep(later, stats);
  }
  return topExperts(candidates, input.limit);
}
