import { DateTime } from "luxon";
import type { Db } from "../../db/open";
import type { ExpertIndex } from "./expert-index";
import { KEPT_PINGS, pingCounts, type ProfileRecord } from "./expert-index-repo";
import { isUnavailable, quietUntil } from "./expert-settings";
import {
  historyScore,
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

/** A member with a match, and the most they can score (no load). */
interface Match {
  readonly memberId: string;
  readonly profile: ProfileRecord;
  readonly match: number;
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
  const members: number[] = [];
  const values: number[] = [];
  let scale = 0;
  index.relevance(input.keys, (n, value) => {
    members.push(n);
    values.push(value);
    if (value > scale) scale = value;
  });
  // Members with wanted topics, by number (a topical member the index never saw has no profile).
  const topical = new Map<number, readonly string[]>();
  for (const [memberId, topics] of input.topical) {
    const n = index.numberFor(memberId);
    if (n !== undefined) topical.set(n, topics);
  }
  const byStep = new Map<number, Match[]>();
  const measure = (n: number, topics: number, relevance: number): void => {
    const profile = index.profileAt(n);
    if (profile?.expert !== true || excluded.has(profile.memberId)) return;
    const match = topics + (scale > 0 ? relevance / scale : 0);
    if (match <= 0) return;
    const ceiling = scoreCeiling(match, historyScore(profile.accepted, profile.answered, profile.pings));
    const step = scoreStep(ceiling);
    const bucket = byStep.get(step);
    const entry = { memberId: profile.memberId, profile, match };
    if (bucket) bucket.push(entry);
    else byStep.set(step, [entry]);
  };
  members.forEach((n, i) => {
    const topics = topical.get(n);
    topical.delete(n);
    measure(n, topics?.length ?? 0, values[i] ?? 0);
  });
  for (const [n, topics] of topical) measure(n, topics.length, 0);

  const now = input.now.getTime();
  const window: PingWindow = { recent: now - WEEK_MS, week: weekStart(now, input.zone) };
  const candidates: ExpertStats[] = [];
  // The `limit` best score steps among the experts reachable now, best first.
  const reachable: number[] = [];
  for (const step of [...byStep.keys()].sort((a, b) => b - a)) {
    const last = reachable[input.limit - 1];
    if (last !== undefined && last > step) break;
    for (const { memberId, profile, match } of byStep.get(step) ?? []) {
      if (isUnavailable(profile.settings, input.now)) continue;
      const pings = pingsIn(db, profile, window);
      if (pings.week >= profile.settings.weeklyCap) continue;
      // Quiet hours are the expert's own local times (`/cop profile tz`), else the community's.
      const quietEnd = quietUntil(profile.settings.quiet, input.now, profile.timeZone ?? input.zone);
      if (quietEnd !== undefined && !input.includeQuiet) continue;
      const stats: ExpertStats = {
        memberId,
        match,
        matchedTopics: input.topical.get(memberId) ?? [],
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
      candidates.push(stats);
      if (quietEnd === undefined) {
        reachable.push(scoreStep(scoreExpert(stats)));
        reachable.sort((a, b) => b - a);
        if (reachable.length > input.limit) reachable.pop();
      }
    }
  }
  return topExperts(candidates, input.limit);
}
