/** What the report counts, gathered from the features (see `gather.ts`). */
export interface ReportInput {
  readonly questions: readonly {
    readonly askerId: string;
    readonly askedAt: Date;
    readonly firstAnswerAt?: Date | undefined;
    readonly solvedAt?: Date | undefined;
  }[];
  /** Questions solved in the period (asked whenever). */
  readonly solvedCount: number;
  readonly answers: readonly { readonly authorId: string; readonly at: Date }[];
  readonly expertIds: readonly string[];
  /** RSVPs to meeting dates in the period. */
  readonly rsvps: readonly {
    readonly meetingId: number;
    readonly local: string;
    readonly memberId: string;
    readonly answer: "yes" | "maybe" | "no";
    readonly at: Date;
  }[];
  readonly timeLogs: readonly { readonly memberId: string; readonly at: Date }[];
  readonly intros: readonly { readonly met: boolean; readonly asked: boolean }[];
  readonly groupsFormed: number;
  readonly resultsDelivered: number;
  /** Calendar weeks touching the period, and the week of an instant. */
  readonly weeks: number;
  readonly weekOf: (at: Date) => string;
}

/** The report's figures; `undefined` where there is nothing to compute from. */
export interface ReportFigures {
  readonly asked: number;
  readonly solved: number;
  readonly medianFirstAnswerMs: number | undefined;
  readonly medianSolutionMs: number | undefined;
  readonly answers: number;
  readonly nonExpertAnswers: number;
  readonly nonExpertShare: number | undefined;
  readonly experts: number;
  readonly expertGini: number | undefined;
  readonly topTenthShare: number | undefined;
  readonly tiers: { readonly sporadic: number; readonly occasional: number; readonly active: number };
  readonly meetingDates: number;
  readonly attendance: number;
  readonly attendancePerDate: number | undefined;
  readonly introsMade: number;
  readonly introsAsked: number;
  readonly introsMet: number;
  readonly groupsFormed: number;
  readonly resultsDelivered: number;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The Gini coefficient of a load distribution: 0 when everyone carries the same, towards 1
 * when one carries all. Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄); undefined without load.
 */
export function gini(values: readonly number[]): number | undefined {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return undefined;
  let sum = 0;
  for (const a of values) for (const b of values) sum += Math.abs(a - b);
  return sum / (2 * n * n * (total / n));
}

/** The share of the load carried by the top tenth (at least one person). */
export function topTenthShare(values: readonly number[]): number | undefined {
  const total = values.reduce((a, b) => a + b, 0);
  if (values.length === 0 || total === 0) return undefined;
  const top = [...values].sort((a, b) => b - a).slice(0, Math.ceil(values.length / 10));
  return top.reduce((a, b) => a + b, 0) / total;
}

/**
 * Engagement tier of someone active in `k` of `weeks` calendar weeks: sporadic in one week,
 * active in at least half of the weeks (and at least two), occasional in between.
 */
export function tierOf(k: number, weeks: number): "sporadic" | "occasional" | "active" {
  if (k <= 1) return "sporadic";
  return k >= Math.max(2, Math.ceil(weeks / 2)) ? "active" : "occasional";
}

/** Computes every figure of the report from the gathered facts (pure, see README for definitions). */
export function computeFigures(input: ReportInput): ReportFigures {
  const experts = new Set(input.expertIds);
  const firstAnswers = input.questions.flatMap((q) =>
    q.firstAnswerAt ? [q.firstAnswerAt.getTime() - q.askedAt.getTime()] : [],
  );
  const solutions = input.questions.flatMap((q) =>
    q.solvedAt ? [q.solvedAt.getTime() - q.askedAt.getTime()] : [],
  );
  const nonExpert = input.answers.filter((a) => !experts.has(a.authorId)).length;
  const load = [...experts].map((id) => input.answers.filter((a) => a.authorId === id).length);
  const activeWeeks = new Map<string, Set<string>>();
  const note = (memberId: string, at: Date): void => {
    const weeks = activeWeeks.get(memberId) ?? new Set<string>();
    weeks.add(input.weekOf(at));
    activeWeeks.set(memberId, weeks);
  };
  for (const q of input.questions) note(q.askerId, q.askedAt);
  for (const a of input.answers) note(a.authorId, a.at);
  for (const r of input.rsvps) note(r.memberId, r.at);
  for (const l of input.timeLogs) note(l.memberId, l.at);
  const tiers = { sporadic: 0, occasional: 0, active: 0 };
  for (const weeks of activeWeeks.values()) tiers[tierOf(weeks.size, input.weeks)] += 1;
  const dates = new Set(input.rsvps.map((r) => `${r.meetingId}|${r.local}`));
  const attendance = input.rsvps.filter((r) => r.answer === "yes").length;
  const asked = input.intros.filter((i) => i.asked);
  return {
    asked: input.questions.length,
    solved: input.solvedCount,
    medianFirstAnswerMs: median(firstAnswers),
    medianSolutionMs: median(solutions),
    answers: input.answers.length,
    nonExpertAnswers: nonExpert,
    nonExpertShare: input.answers.length === 0 ? undefined : nonExpert / input.answers.length,
    experts: experts.size,
    expertGini: gini(load),
    topTenthShare: topTenthShare(load),
    tiers,
    meetingDates: dates.size,
    attendance,
    attendancePerDate: dates.size === 0 ? undefined : attendance / dates.size,
    introsMade: input.intros.length,
    introsAsked: asked.length,
    introsMet: asked.filter((i) => i.met).length,
    groupsFormed: input.groupsFormed,
    resultsDelivered: input.resultsDelivered,
  };
}
