/**
 * Expert ranking as a pure function of per-expert statistics, so the policy can be read and
 * tested without a database: topic match first, then proven helpfulness, then fairness.
 */

export interface ExpertStats {
  readonly memberId: string;
  /** Topic/text match: topics named plus relevance scaled to 0..1 (0 = no match). */
  readonly match: number;
  /** Topic labels of the expert that the question matched, for the reason line. */
  readonly matchedTopics: readonly string[];
  /** Questions this expert's answer solved. */
  readonly accepted: number;
  /** Pings in the last 7 days. */
  readonly recentPings: number;
  /** Pings this calendar week and the expert's weekly cap. */
  readonly weekPings: number;
  readonly weeklyCap: number;
  /** Pings that the expert answered, of all pings ever (for the response rate). */
  readonly answeredPings: number;
  readonly totalPings: number;
  /** Away or opted out right now. */
  readonly unavailable: boolean;
  /** In quiet hours until then: still eligible, but after everyone reachable now. */
  readonly quietUntil?: Date;
  /** Last time the expert was pinged (rotation: the longest-rested goes first on ties). */
  readonly lastPingedAt?: Date;
}

export interface RankedExpert {
  readonly stats: ExpertStats;
  readonly score: number;
}

/** Weights of the score; exported so the tests document the intent. */
export const WEIGHTS = {
  match: 10,
  accepted: 2,
  recentLoad: 1.5,
  responseRate: 3,
} as const;

/** Response rate with a neutral prior, so newcomers are neither favoured nor punished. */
export function responseRate(answered: number, total: number): number {
  return (answered + 1) / (total + 2);
}

/** What an expert's history adds to their score: accepted answers and response rate. */
export function historyScore(accepted: number, answeredPings: number, totalPings: number): number {
  return (
    WEIGHTS.accepted * Math.log1p(accepted) + WEIGHTS.responseRate * responseRate(answeredPings, totalPings)
  );
}

/** Score of one expert; only meaningful for available experts with a match. */
export function scoreExpert(s: ExpertStats): number {
  return (
    WEIGHTS.match * s.match +
    historyScore(s.accepted, s.answeredPings, s.totalPings) -
    WEIGHTS.recentLoad * s.recentPings
  );
}

/** Scores are compared in steps of this size, so rotation decides between near-equals. */
const TIE_STEP = 1;

/** The step a score falls into; experts in the same step are near-equals (rotation decides). */
export function scoreStep(score: number): number {
  return Math.floor(score / TIE_STEP);
}

/**
 * The highest score an expert with this match and history can reach with at least
 * `recentPings` pings in the last 7 days (computed as `scoreExpert` does, so with exactly
 * that load it is their score).
 */
export function scoreCeiling(match: number, history: number, recentPings = 0): number {
  return WEIGHTS.match * match + history - WEIGHTS.recentLoad * recentPings;
}

/** Best first: reachable before quiet, higher score step, longest rested, then by id. */
function compareRanked(a: RankedExpert, b: RankedExpert): number {
  const quietA = a.stats.quietUntil === undefined ? 0 : 1;
  const quietB = b.stats.quietUntil === undefined ? 0 : 1;
  if (quietA !== quietB) return quietA - quietB;
  const bucketA = scoreStep(a.score);
  const bucketB = scoreStep(b.score);
  if (bucketA !== bucketB) return bucketB - bucketA;
  const lastA = a.stats.lastPingedAt?.getTime() ?? 0;
  const lastB = b.stats.lastPingedAt?.getTime() ?? 0;
  if (lastA !== lastB) return lastA - lastB;
  return a.stats.memberId < b.stats.memberId ? -1 : a.stats.memberId > b.stats.memberId ? 1 : 0;
}

function eligible(candidates: readonly ExpertStats[]): RankedExpert[] {
  return candidates
    .filter((s) => s.match > 0 && !s.unavailable && s.weekPings < s.weeklyCap)
    .map((stats) => ({ stats, score: scoreExpert(stats) }));
}

/**
 * Orders eligible experts best first. Experts without a match, unavailable ones and those
 * at their weekly cap are dropped; experts in quiet hours come after those reachable now.
 * Near-ties go to whoever was pinged longest ago (never pinged first), then by id, so the
 * same people are not always asked.
 */
export function rankExperts(candidates: readonly ExpertStats[]): RankedExpert[] {
  return eligible(candidates).sort(compareRanked);
}

/** The first `limit` of `rankExperts`, without ordering everyone (a question has thousands). */
export function topExperts(candidates: readonly ExpertStats[], limit: number): RankedExpert[] {
  const top: RankedExpert[] = [];
  for (const ranked of eligible(candidates)) {
    const last = top[top.length - 1];
    if (top.length >= limit && last && compareRanked(ranked, last) >= 0) continue;
    let i = top.length;
    while (i > 0 && compareRanked(ranked, top[i - 1] as RankedExpert) < 0) i -= 1;
    top.splice(i, 0, ranked);
    if (top.length > limit) top.pop();
  }
  return top;
}
