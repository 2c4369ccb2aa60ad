import { DateTime } from "luxon";
import type { Db } from "../../db/open";
import type { ExpertIndex } from "./expert-index";
import { KEPT_PINGS, pingCounts, type ProfileRecord } from "./expert-index-repo";
import { isUnavailable, quietUntil } from "./expert-settings";
import { topExperts, type ExpertStats, type RankedExpert } from "./ranking";

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

/**
 * The best `limit` experts for a question, in the order `rankExperts` gives: every member with
 * a match (topics named, or relevance of their sources) is scored exactly. Relevance is scaled
 * to 0..1 by the highest of any member; a score is match (topics + relevance) plus history
 * minus load (ranking.ts).
 */
export function bestExperts(db: Db, input: PickInput): RankedExpert[] {
  const { index, topical, excluded } = input;
  if (input.limit <= 0) return [];
  const relevance = new Map<string, number>();
  let scale = 0;
  index.relevance(input.keys, (memberId, value) => {
    relevance.set(memberId, value);
    if (value > scale) scale = value;
  });
  const now = input.now.getTime();
  const window: PingWindow = { recent: now - WEEK_MS, week: weekStart(now, input.zone) };
  const candidates: ExpertStats[] = [];
  const consider = (memberId: string): void => {
    if (excluded.has(memberId)) return;
    const profile = index.profile(memberId);
    if (profile?.expert !== true || isUnavailable(profile.settings, input.now)) return;
    const topics = topical.get(memberId) ?? [];
    const match = topics.length + (scale > 0 ? (relevance.get(memberId) ?? 0) / scale : 0);
    if (match <= 0) return;
    const pings = pingsIn(db, profile, window);
    if (pings.week >= profile.settings.weeklyCap) return;
    // Quiet hours are the expert's own local times (`/cop profile tz`), else the community's.
    const quietEnd = quietUntil(profile.settings.quiet, input.now, profile.timeZone ?? input.zone);
    if (quietEnd !== undefined && !input.includeQuiet) return;
    candidates.push({
      memberId,
      match,
      matchedTopics: topics,
      accepted: profile.accepted,
      recentPings: pings.recent,
      weekPings: pings.week,
      weeklyCap: profile.settings.weeklyCap,
      answeredPings: profile.answered,
      totalPings: profile.pings,
      unavailable: false,
      ...(quietEnd !== undefined ? { quietUntil: quietEnd } : {}),
      ...(profile.last !== undefined ? { lastPingedAt: new Date(profile.last) } : {}),
    });
  };
  for (const memberId of topical.keys()) consider(memberId);
  for (const memberId of relevance.keys()) if (!topical.has(memberId)) consider(memberId);
  return topExperts(candidates, input.limit);
}
