import { DateTime } from "luxon";
import type { Db } from "../../db/open";
import {
  bestHistory,
  candidateStats,
  type HistoryCursor,
  type PingWindow,
  type StatsRow,
} from "./expert-profile-repo";
import { isUnavailable, quietUntil } from "./expert-settings";
import { settingsFromRow } from "./expert-settings-repo";
import {
  rankExperts,
  scoreCeiling,
  scoreExpert,
  scoreStep,
  WEIGHTS,
  type ExpertStats,
  type RankedExpert,
} from "./ranking";
import type { Relevance } from "./relevance";

const WEEK_MS = 7 * 24 * 3_600_000;
/** Experts read at a time, by history or by match. */
const CHUNK = 24;
/**
 * At most this many experts are read per question. Past it, the best of those read are taken:
 * it is only reached when dozens of experts score within a point of each other.
 */
export const MAX_READ = 160;
/** Doubtful relevances made exact at a time. */
const RESOLVE = 8;
/** A match (topics + relevance) this strong is read at once; weaker ones as their history comes up. */
const STRONG_MATCH = 0.3;
/** Stored history and the ranking's may differ in the last bits of a double. */
const ROUNDING = 1e-9;

export interface CandidateInput {
  /** Labels of the wanted topics each member has (ordered as in the reason line). */
  readonly topical: ReadonlyMap<string, readonly string[]>;
  readonly relevance: Relevance;
  readonly excluded: ReadonlySet<string>;
  readonly limit: number;
  readonly includeQuiet: boolean;
  readonly now: Date;
  readonly zone: string;
}

function toStats(
  row: StatsRow,
  match: number,
  topics: readonly string[],
  now: Date,
  zone: string,
): ExpertStats {
  const settings = settingsFromRow(row);
  // Quiet hours are the expert's own local times (`/cop profile tz`), else the community's.
  const quietEnd = quietUntil(settings.quiet, now, row.time_zone ?? zone);
  return {
    memberId: row.member_id,
    match,
    matchedTopics: topics,
    accepted: row.accepted,
    recentPings: row.recent,
    weekPings: row.week,
    weeklyCap: settings.weeklyCap,
    answeredPings: row.answered,
    totalPings: row.pings,
    unavailable: isUnavailable(settings, now),
    ...(quietEnd !== undefined ? { quietUntil: quietEnd } : {}),
    ...(row.last !== null ? { lastPingedAt: new Date(row.last) } : {}),
  };
}

/**
 * Ranks the askable experts read so far. Each is scored with the low end of its match; where
 * the high end could put it into another step that matters (at or above the `limit`-th best),
 * its relevance is read exactly first, best chances first.
 */
function rankRead(
  askable: ReadonlyMap<string, ExpertStats>,
  limit: number,
  matchBounds: (memberId: string) => [number, number],
  relevance: Relevance,
): RankedExpert[] {
  for (;;) {
    const scored = [...askable.values()].flatMap((base) => {
      const [low, high] = matchBounds(base.memberId);
      return high > 0 ? [{ stats: { ...base, match: low }, spread: WEIGHTS.match * (high - low) }] : [];
    });
    const ranked = rankExperts(scored.map((s) => s.stats));
    const last = ranked[limit - 1];
    const floor = last ? scoreStep(last.score) : -Infinity;
    const doubtful = scored
      .map(({ stats, spread }) => ({ stats, low: scoreExpert(stats), spread }))
      .filter(({ stats, low, spread }) => {
        if (spread === 0) return false;
        const high = scoreStep(low + spread);
        return high >= floor && (stats.match <= 0 || high !== scoreStep(low));
      })
      .sort((a, b) => b.low + b.spread - (a.low + a.spread))
      .slice(0, RESOLVE)
      .map(({ stats }) => stats.memberId);
    if (doubtful.length === 0) return ranked;
    relevance.resolve(doubtful);
  }
}

/**
 * The best `limit` experts in the order `rankExperts` gives when it sees everyone who matches,
 * reading only as many experts as it takes to prove it. A score is match (topics + relevance)
 * plus history minus load. Experts are read best history first among those who can be asked
 * now, and strong matches directly; whoever is not read yet has at most the history of the last
 * one read, so the search stops once `limit` reachable experts are in a higher score step than
 * anyone unread could reach. Relevance is made exact only where it could change a step.
 */
export function bestCandidates(db: Db, input: CandidateInput): RankedExpert[] {
  const { topical, relevance, excluded } = input;
  if (input.limit <= 0) return [];
  const scale = relevance.max();
  const rel = (value: number): number => (scale > 0 ? value / scale : 0);
  const now = input.now.getTime();
  const window: PingWindow = {
    recent: now - WEEK_MS,
    week: DateTime.fromJSDate(input.now, { zone: input.zone }).startOf("week").toMillis(),
  };
  // Everyone read, by id; only those who can be tagged now take part in the ranking.
  const seen = new Set<string>();
  const askable = new Map<string, ExpertStats>();
  const keep = (read: readonly StatsRow[]): void => {
    for (const row of read) {
      seen.add(row.member_id);
      if (row.expert !== 1 || excluded.has(row.member_id)) continue;
      const stats = toStats(row, 0, topical.get(row.member_id) ?? [], input.now, input.zone);
      if (stats.unavailable || stats.weekPings >= stats.weeklyCap) continue;
      if (input.includeQuiet || stats.quietUntil === undefined) askable.set(row.member_id, stats);
    }
  };
  // Askable experts are read best history first in two lists: rested ones (no ping in the
  // load window, so no load to subtract) and busy ones (at least one ping: at least one
  // `recentLoad` less). Each list's cut bounds what its unread experts add beyond their match.
  const lists = [false, true].map((busy) => ({
    busy,
    cursor: undefined as HistoryCursor | undefined,
    cut: busy ? Number.MAX_VALUE - WEIGHTS.recentLoad : Number.MAX_VALUE,
  }));
  let read = 0;
  const cut = (): number => Math.max(...lists.map((l) => l.cut));
  const readHistory = (): void => {
    const list = lists.reduce((a, b) => (b.cut > a.cut ? b : a));
    const chunk = bestHistory(db, { busy: list.busy, after: list.cursor, now, window, limit: CHUNK });
    read += chunk.length;
    keep(chunk);
    const last = chunk[chunk.length - 1];
    if (last) list.cursor = { history: last.history, memberId: last.member_id };
    const load = list.busy ? WEIGHTS.recentLoad : 0;
    list.cut = chunk.length < CHUNK ? -Infinity : (last?.history ?? 0) - load + ROUNDING;
  };
  const matchBounds = (memberId: string): [number, number] => {
    const topics = topical.get(memberId)?.length ?? 0;
    const [low, high] = relevance.bounds(memberId);
    return [topics + rel(low), topics + rel(high)];
  };
  // Members with a match whose statistics are not read yet (topical ones and those relevance
  // has seen), highest possible match first. Their bounds only tighten while this runs.
  let unread = [...new Set([...topical.keys(), ...relevance.seen()])]
    .filter((m) => !excluded.has(m))
    .map((memberId) => ({ memberId, high: matchBounds(memberId)[1] }))
    .filter((m) => m.high > 0)
    .sort((a, b) => b.high - a.high);
  readHistory();
  for (;;) {
    const ranked = rankRead(askable, input.limit, matchBounds, relevance);
    unread = unread.filter((m) => !seen.has(m.memberId));
    const pending = unread;
    const unseenRelevance = relevance.unseenBound();
    const ceiling = Math.max(
      pending[0] ? scoreCeiling(pending[0].high, cut()) : -Infinity,
      unseenRelevance > 0 ? scoreCeiling(rel(unseenRelevance), cut()) : -Infinity,
    );
    const last = ranked[input.limit - 1];
    const settled =
      last !== undefined &&
      ranked.slice(0, input.limit).every((r) => r.stats.quietUntil === undefined) &&
      scoreStep(last.score) > scoreStep(ceiling);
    // With every askable expert read (both cuts -Infinity), the ceiling is -Infinity too.
    if (settled || ceiling === -Infinity || read >= MAX_READ) return ranked.slice(0, input.limit);
    // Read whoever holds the highest ceiling: strong matches directly, the rest by history.
    const strong = pending.filter((p) => p.high >= STRONG_MATCH).slice(0, CHUNK);
    const first = strong[0];
    if (first && scoreCeiling(first.high, cut()) >= ceiling) {
      const batch = strong.map((p) => p.memberId);
      read += batch.length;
      keep(candidateStats(db, batch, window));
      // Members without a profile are no experts: nothing more to read about them.
      for (const memberId of batch) seen.add(memberId);
    } else readHistory();
  }
}
