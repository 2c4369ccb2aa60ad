import { DateTime } from "luxon";
import type { Db } from "../../db/open";
import type { ExpertIndex } from "./expert-index";
import { KEPT_PINGS, pingCounts, type ProfileRecord } from "./expert-index-repo";
import { quietUntil } from "./expert-settings";
import type { PingWindow } from "./profile-table";
import { scoreExpert, scoreStep, topExperts, type ExpertStats, type RankedExpert } from "./ranking";

const WEEK_MS = 7 * 24 * 3_600_000;
/** Read once: under a CommonJS transform (tsx, the tests) every read of an import is a getter call. */
const stepOf = scoreStep;

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
 * Arrays a question's matches are worked out in, reused (a question has thousands of matches):
 * by position, and `topics` by member number (all zero between questions).
 */
let scratch = {
  members: new Int32Array(0),
  matches: new Float64Array(0),
  steps: new Int32Array(0),
  order: new Int32Array(0),
  topics: new Float64Array(0),
};

function scratchFor(length: number, members: number): typeof scratch {
  if (scratch.members.length < length || scratch.topics.length < members) {
    const size = Math.max(1024, length * 2);
    scratch = {
      members: new Int32Array(size),
      matches: new Float64Array(size),
      steps: new Int32Array(size),
      order: new Int32Array(size),
      topics: new Float64Array(Math.max(1024, members * 2)),
    };
  }
  return scratch;
}

/** Where an expert stands among those reachable: score step, then rotation (ranking.ts, `rankExperts`). */
interface Standing {
  readonly step: number;
  /** Last ping, 0 for never (longest rested first). */
  readonly last: number;
  readonly memberId: string;
}

/** True when `a` ranks before `b`: a higher score step; in the same step, rested longer, then by id. */
function before(a: Standing, b: Standing): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.last !== b.last) return a.last < b.last;
  return a.memberId < b.memberId;
}

/** Adds `item` to `best`, kept in order and at most `limit` long (`ranksBefore`: a before b). */
function keepBest<T>(best: T[], item: T, limit: number, ranksBefore: (a: T, b: T) => boolean): void {
  best.push(item);
  best.sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
  if (best.length > limit) best.pop();
}

/**
 * Positions 0..count-1 ordered by `steps[i]`, highest first, into `order`'s first `count`
 * places (a counting sort: steps are small whole numbers, and a question has thousands of
 * matches to order). `order` is the reused scratch: an array of thousands of entries made per
 * question is memory outside the heap that every young-generation collection has to sweep.
 */
function byStepDescending(steps: Int32Array, count: number, order: Int32Array): Int32Array {
  if (count === 0) return order;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    const step = steps[i] ?? 0;
    if (step < low) low = step;
    if (step > high) high = step;
  }
  // starts[high - step]: where that step's positions begin in `order`.
  const starts = new Int32Array(high - low + 2);
  for (let i = 0; i < count; i++) {
    const slot = high - (steps[i] ?? 0) + 1;
    starts[slot] = (starts[slot] ?? 0) + 1;
  }
  for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] ?? 0) + (starts[i - 1] ?? 0);
  for (let i = 0; i < count; i++) {
    const slot = high - (steps[i] ?? 0);
    const at = starts[slot] ?? 0;
    order[at] = i;
    starts[slot] = at + 1;
  }
  return order;
}

/**
 * The best `limit` experts for a question, in the order `rankExperts` gives: every member with
 * a match (topics named, or relevance of their sources) is considered exactly. Relevance is
 * scaled to 0..1 by the highest of any member; a score is match (topics + relevance) plus
 * history minus load (ranking.ts).
 *
 * Each match gets a ceiling from typed arrays (profile-table.ts, `ceilingAt`): their score with
 * the load their newest ping times show, which is their score unless they have more pings in
 * the window than those; experts who cannot be asked (away, opted out, at their weekly cap by those times) drop
 * out there. The rest of the statistics (pings counted exactly, quiet hours) are worked out by
 * score step of the ceiling, highest first; once `limit` experts reachable now are in a higher
 * score step than the next ceiling's, nobody left can rank among them (experts in quiet hours
 * come after everyone reachable), so the rest is not looked at.
 */
export function bestExperts(db: Db, input: PickInput): RankedExpert[] {
  const { index, excluded, limit } = input;
  if (limit <= 0) return [];
  const { members, values } = index.relevance(input.keys);
  let scale = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? 0;
    if (value > scale) scale = value;
  }
  const skip = new Set<number>();
  for (const memberId of excluded) {
    const n = index.numberFor(memberId);
    if (n !== undefined) skip.add(n);
  }
  // How many wanted topics each member has, by number (a member the index never saw has no profile).
  const {
    members: matched,
    matches,
    steps,
    order: orderScratch,
    topics,
  } = scratchFor(members.length + input.topical.size, index.memberCount);
  const topical: number[] = [];
  for (const [memberId, labels] of input.topical) {
    const n = index.numberFor(memberId);
    if (n === undefined || skip.has(n) || labels.length === 0) continue;
    topics[n] = labels.length;
    topical.push(n);
  }
  const now = input.now.getTime();
  const window: PingWindow = { recent: now - WEEK_MS, week: weekStart(now, input.zone) };
  // The matches who can be asked: their numbers, matches and score steps of their ceilings.
  let count = 0;
  const add = (n: number, match: number): void => {
    const ceiling = index.ceilingAt(n, match, window, now);
    if (Number.isNaN(ceiling) || skip.has(n)) return;
    matched[count] = n;
    matches[count] = match;
    steps[count] = stepOf(ceiling);
    count += 1;
  };
  for (let i = 0; i < members.length; i++) {
    const n = members[i] ?? 0;
    const named = topics[n] ?? 0;
    const match = named + (scale > 0 ? (values[i] ?? 0) / scale : 0);
    if (named > 0) topics[n] = 0;
    if (match > 0) add(n, match);
  }
  // Members with wanted topics and no relevance; the scratch is left all zero.
  for (const n of topical) {
    const named = topics[n] ?? 0;
    topics[n] = 0;
    if (named > 0) add(n, named);
  }

  /** The statistics of the match at position `i`; undefined when they are at their weekly cap. */
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
  // The `limit` best standings among the experts reachable now. Experts in quiet hours come
  // after everyone reachable, so they are looked at only when fewer than `limit` are reachable.
  const order = byStepDescending(steps, count, orderScratch);
  const reachable: Standing[] = [];
  const quiet: { readonly i: number; readonly profile: ProfileRecord; readonly end: Date }[] = [];
  let from = 0;
  looking: while (from < count) {
    // One score step at a time, in the order rotation gives within a step: the step of the
    // `limit`-th best can hold dozens of matches, and the looking stops inside it.
    const step = steps[order[from] ?? 0] ?? 0;
    const group: { readonly i: number; readonly profile: ProfileRecord; readonly standing: Standing }[] = [];
    let to = from;
    for (; to < count && steps[order[to] ?? 0] === step; to++) {
      const i = order[to] ?? 0;
      const profile = index.profileAt(matched[i] ?? -1);
      if (profile)
        group.push({ i, profile, standing: { step, last: profile.last ?? 0, memberId: profile.memberId } });
    }
    from = to;
    group.sort((a, b) => (before(a.standing, b.standing) ? -1 : 1));
    for (const { i, profile, standing } of group) {
      // Their ceiling's standing: nobody from here on can rank before the `limit`-th best.
      const last = reachable[limit - 1];
      if (last !== undefined && before(last, standing)) break looking;
      // Quiet hours are the expert's own local times (`/cop profile tz`), else the community's.
      const end = quietUntil(profile.settings.quiet, input.now, profile.timeZone ?? input.zone);
      if (end !== undefined) {
        if (input.includeQuiet) quiet.push({ i, profile, end });
        continue;
      }
      const stats = statsAt(i, profile, undefined);
      if (!stats) continue;
      candidates.push(stats);
      const reached = { step: stepOf(scoreExpert(stats)), last: standing.last, memberId: standing.memberId };
      keepBest(reachable, reached, limit, before);
    }
  }
  // Fewer than `limit` reachable means every match was looked at: the best in quiet hours
  // fill the rest, worked out in the same order with the same stop.
  const wanted = limit - reachable.length;
  const later: number[] = [];
  for (const { i, profile, end } of wanted > 0 ? quiet : []) {
    const last = later[wanted - 1];
    if (last !== undefined && last > (steps[i] ?? 0)) break;
    const stats = statsAt(i, profile, end);
    if (!stats) continue;
    candidates.push(stats);
    keepBest(later, stepOf(scoreExpert(stats)), limit, (a, b) => a > b);
  }
  return topExperts(candidates, limit);
}
