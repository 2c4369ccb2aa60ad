import type { Db } from "../../db/open";
import { bold, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { expertDocMatches, expertTopics } from "./expert-repo";
import { expertStats, pingedFor, recordPing } from "./expert-stats-repo";
import { topicWords } from "./normalize-topic";
import { rankExperts } from "./ranking";
import { prefixQuery } from "./text";
import { resolveTopic, topicAliases } from "./topic-repo";

export { normalizeTopic } from "./normalize-topic";

export interface FindExpertsOptions {
  readonly topics?: readonly string[];
  readonly text?: string;
  /** Never suggest these members (the asker, people already tagged). */
  readonly exclude: readonly string[];
  readonly limit: number;
  readonly purpose: "question" | "group-invite";
  /** The question being routed: its pings are recorded and nobody is asked twice. */
  readonly questionId?: number;
  /** Language of the reason lines (default: the community language). */
  readonly lang?: Lang;
  /**
   * Also return experts in quiet hours (after the reachable ones), for a thread tag they see
   * later; without it (direct messages such as group invitations) they are left out.
   */
  readonly includeQuiet?: boolean;
}

export interface FoundExpert {
  readonly memberId: string;
  readonly reason: Inline[];
  /** What the reason says, to word it in another language (e.g. each invitee's own). */
  readonly why: { readonly topics: readonly string[]; readonly accepted: number };
  /** The expert is in quiet hours until then and will see the tag afterwards. */
  readonly quietUntil?: Date;
}

interface Match {
  score: number;
  topics: string[];
}

/** Longest topic (in words) that is looked for inside a question's text. */
const MAX_TOPIC_WORDS = 6;

/**
 * Topic keys mentioned in a text as whole words, followed through aliases. Keys have no
 * separators, so every run of up to six consecutive words is joined and compared:
 * "E-Akte", "E Akte" and "eakte" in a question all find the topic "E-Akte".
 */
export function topicsInText(db: Db, text: string): Set<string> {
  const textWords = topicWords(text);
  const runs = new Set<string>();
  for (let start = 0; start < textWords.length; start++) {
    let run = "";
    for (const word of textWords.slice(start, start + MAX_TOPIC_WORDS)) {
      run += word;
      runs.add(run);
    }
  }
  const found = new Set<string>();
  for (const { key } of expertTopics(db)) if (runs.has(key)) found.add(key);
  for (const { alias, topic } of topicAliases(db)) if (runs.has(alias)) found.add(topic);
  return found;
}

/** BM25 of each expert's topics and answered questions against the text, scaled to 0..1. */
function textRelevance(db: Db, text: string): Map<string, number> {
  const query = prefixQuery(text);
  const relevance = new Map<string, number>();
  if (!query) return relevance;
  const rows = expertDocMatches(db, query);
  for (const row of rows) relevance.set(row.memberId, (relevance.get(row.memberId) ?? 0) - row.rank);
  const best = Math.max(0, ...relevance.values());
  for (const [member, score] of relevance) relevance.set(member, best > 0 ? score / best : 0);
  return relevance;
}

function matches(db: Db, opts: FindExpertsOptions): Map<string, Match> {
  const wanted = new Set((opts.topics ?? []).map((raw) => resolveTopic(db, raw)));
  if (opts.text) for (const key of topicsInText(db, opts.text)) wanted.add(key);
  const result = new Map<string, Match>();
  for (const topic of expertTopics(db)) {
    const entry = result.get(topic.memberId) ?? { score: 0, topics: [] };
    if (wanted.has(topic.key)) {
      entry.score += 1;
      entry.topics.push(topic.label);
    }
    result.set(topic.memberId, entry);
  }
  if (opts.text) {
    for (const [member, relevance] of textRelevance(db, opts.text)) {
      const entry = result.get(member);
      if (entry) entry.score += relevance;
    }
  }
  return result;
}

/** The one-line reason an expert was chosen, in `lang`. */
export function reasonFor(lang: Lang, topics: readonly string[], accepted: number): Inline[] {
  const t = translator(lang);
  const what: Inline = topics.length > 0 ? bold(topics.join(", ")) : t("qa.reason.similar");
  const record = accepted === 0 ? t("qa.reason.no_solved") : t("qa.reason.solved", { n: accepted });
  return [what, " · ", record];
}

/**
 * The best available experts for a topic list and/or a question text, best first, each with
 * a one-line reason. Respects away, weekly cap, quiet hours and opt-out; never returns an
 * excluded member or one already asked about `questionId`. Every returned expert counts as
 * pinged (weekly cap, load, rotation).
 */
export function findExperts(services: Services, opts: FindExpertsOptions): FoundExpert[] {
  const { db, clock, config } = services;
  const now = clock.now();
  const excluded = new Set([
    ...opts.exclude,
    ...(opts.questionId !== undefined ? pingedFor(db, opts.questionId) : []),
  ]);
  const candidates = [...matches(db, opts)]
    .filter(([member, match]) => match.score > 0 && !excluded.has(member))
    .map(([member, match]) => expertStats(db, member, match, now, config.timeZone))
    .filter((stats) => opts.includeQuiet === true || stats.quietUntil === undefined);
  const chosen = rankExperts(candidates).slice(0, Math.max(0, opts.limit));
  const lang = opts.lang ?? config.lang;
  return db.transaction(() =>
    chosen.map(({ stats }) => {
      recordPing(db, stats.memberId, opts.purpose, now, opts.questionId);
      return {
        memberId: stats.memberId,
        reason: reasonFor(lang, stats.matchedTopics, stats.accepted),
        why: { topics: stats.matchedTopics, accepted: stats.accepted },
        ...(stats.quietUntil !== undefined ? { quietUntil: stats.quietUntil } : {}),
      };
    }),
  )();
}

/**
 * True when somebody other than `exclude` is an expert for what the text is about, reachable
 * or not, so copbot never says it knows nobody while the experts are only away or busy.
 */
export function hasMatchingExperts(db: Db, text: string, exclude: readonly string[]): boolean {
  return [...matches(db, { text, exclude, limit: 0, purpose: "question" })].some(
    ([member, match]) => match.score > 0 && !exclude.includes(member),
  );
}
