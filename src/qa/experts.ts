import type { Db } from "../../db/open";
import { bold, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { expertIndex, type ExpertIndex } from "./expert-index";
import { bestExperts } from "./expert-picks";
import type { RankedExpert } from "./ranking";
import { searchKey } from "./expert-profile-repo";
import { expertsOfTopics } from "./expert-repo";
import { pingedFor, recordPings } from "./expert-stats-repo";
import { compoundParts, topicWords } from "./normalize-topic";
import { queryTerms } from "./text";
import { resolveTopic } from "./topic-repo";

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

/** Longest topic (in words) that is looked for inside a question's text. */
const MAX_TOPIC_WORDS = 6;

/**
 * Topic keys mentioned in a text, followed through aliases. Keys have no separators, so every
 * run of up to six consecutive words is joined and compared: "E-Akte", "E Akte" and "eakte"
 * in a question all find the topic "E-Akte". Long topics are found inside compounds as well
 * ("Dokumentenmanagement" in "Dokumentenmanagementsystem", see `compoundParts`). `index`:
 * the expert index, ready (`readyFor`), which keeps the topic keys and aliases.
 */
export function topicsInText(db: Db, text: string, index = expertIndex(db).readyFor([], false)): string[] {
  const textWords = topicWords(text);
  const runs = new Set<string>();
  for (let start = 0; start < textWords.length; start++) {
    let run = "";
    for (const word of textWords.slice(start, start + MAX_TOPIC_WORDS)) {
      run += word;
      runs.add(run);
    }
  }
  for (const part of compoundParts(text)) runs.add(part);
  return index.topicsNamed([...runs]);
}

/** The topic keys a search is about: the ones named, and those the text mentions (`index` ready). */
function wantedTopics(
  db: Db,
  index: ExpertIndex,
  opts: { topics?: readonly string[]; text?: string },
): string[] {
  const wanted = new Set((opts.topics ?? []).map((raw) => resolveTopic(db, raw)));
  if (opts.text) for (const key of topicsInText(db, opts.text, index)) wanted.add(key);
  return [...wanted];
}

/** The last text asked about and its keys: a question's steps and its ranking ask for the same text. */
let lastKeys: { readonly text: string; readonly keys: readonly string[] } = { text: "", keys: [] };

/** The search keys of a question's words (expert-profile-repo.ts, `sourceKeys`). */
export function searchKeysOf(text: string | undefined): string[] {
  if (!text) return [];
  if (lastKeys.text !== text)
    lastKeys = { text, keys: queryTerms(text).map((q) => searchKey(q.term, q.prefix)) };
  return [...lastKeys.keys];
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
  return pingExperts(services, rankExperts(services, opts));
}

/** The experts `findExperts` picks, not yet counted as pinged (see `pingExperts`). */
export interface RankedExperts {
  readonly opts: FindExpertsOptions;
  readonly now: Date;
  readonly chosen: readonly RankedExpert[];
}

/**
 * The first half of `findExperts`, which only reads: a caller may let the event loop turn
 * before `pingExperts`, as long as nothing was written in between.
 */
export function rankExperts(services: Services, opts: FindExpertsOptions): RankedExperts {
  const { db, clock, config } = services;
  const now = clock.now();
  const excluded = new Set([
    ...opts.exclude,
    ...(opts.questionId !== undefined ? pingedFor(db, opts.questionId) : []),
  ]);
  const keys = searchKeysOf(opts.text);
  const index = expertIndex(db).readyFor(keys);
  const chosen = bestExperts(db, {
    index,
    keys,
    topical: index.expertsOfTopics(wantedTopics(db, index, opts)),
    excluded,
    limit: Math.max(0, opts.limit),
    includeQuiet: opts.includeQuiet === true,
    now,
    zone: config.timeZone,
  });
  return { opts, now, chosen };
}

/** The second half of `findExperts`: records the pings of the ranked experts, with their reasons. */
export function pingExperts(services: Services, ranked: RankedExperts): FoundExpert[] {
  const { db, config } = services;
  const { opts, now, chosen } = ranked;
  const lang = opts.lang ?? config.lang;
  const found = chosen.map(({ stats }) => ({
    memberId: stats.memberId,
    reason: reasonFor(lang, stats.matchedTopics, stats.accepted),
    why: { topics: stats.matchedTopics, accepted: stats.accepted },
    ...(stats.quietUntil !== undefined ? { quietUntil: stats.quietUntil } : {}),
  }));
  recordPings(
    db,
    found.map((e) => e.memberId),
    opts.purpose,
    now,
    opts.questionId,
  );
  return found;
}

/**
 * True when somebody other than `exclude` is an expert for what the text is about, reachable
 * or not, so copbot never says it knows nobody while the experts are only away or busy.
 */
export function hasMatchingExperts(db: Db, text: string, exclude: readonly string[]): boolean {
  const keys = searchKeysOf(text);
  const index = expertIndex(db).readyFor(keys);
  const topical = expertsOfTopics(db, wantedTopics(db, index, { text }));
  if ([...topical.keys()].some((member) => !exclude.includes(member))) return true;
  return index.anyExpertWith(keys, exclude);
}
