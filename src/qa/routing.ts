import { z } from "zod";
import { mention, msg, type Inline, type OutgoingMessage, type Target } from "../core/message";
import type { JobHandler } from "../core/scheduler";
import type { Services } from "../core/services";
import { translator, type MessageKey, type Translate } from "../i18n";
import { pingedFor } from "./expert-stats-repo";
import {
  findExperts,
  hasMatchingExperts,
  pingExperts,
  rankExperts,
  type FoundExpert,
  type RankedExperts,
} from "./experts";
import { QuestionRepo, type Question } from "./question-repo";
import { hitLine, similarSolved, similarSolvedReading } from "./similar";
import { formatTime } from "../i18n/format";

const MAX_SIMILAR = 3;
const MAX_EXPERTS = 3;

/** Where copbot answers about a question: its thread (resolved at delivery when copbot posted it). */
function questionThread(q: Question): { target: Target; threadOfKey?: string } {
  if (q.messageId !== undefined)
    return { target: { kind: "channel", channelId: q.channelId, threadId: q.messageId } };
  return {
    target: { kind: "channel", channelId: q.channelId },
    ...(q.postKey ? { threadOfKey: q.postKey } : {}),
  };
}

/** Posts into the question's thread, at most once per `key`. */
export function postInThread(services: Services, q: Question, message: OutgoingMessage, key: string): void {
  const { target, threadOfKey } = questionThread(q);
  services.outbox.enqueue(target, message, { key, ...(threadOfKey ? { threadOfKey } : {}) });
}

/** What to say when nobody can be tagged: nobody knows the topic, or the experts are busy. */
function noExpertsKey(services: Services, q: Question, stage: "first" | "more"): MessageKey {
  const matching = hasMatchingExperts(services.db, q.text, [q.askerId]);
  if (stage === "first") return matching ? "qa.route.experts_busy" : "qa.route.no_experts";
  // "Further experts" only when there were experts: otherwise copbot still knows nobody.
  if (!matching && pingedFor(services.db, q.id).length === 0) return "qa.route.still_no_experts";
  return "qa.route.no_more_experts";
}

/** The reason line of a tagged expert; one in quiet hours is tagged now and sees it afterwards. */
function expertLine(services: Services, t: Translate, e: FoundExpert): Inline[] {
  const line: Inline[] = [mention(e.memberId), " – "].concat(e.reason);
  if (e.quietUntil)
    line.push(" · ", t("qa.route.quiet", { time: formatTime(e.quietUntil, services.config.timeZone) }));
  return line;
}

function buildRouting(
  services: Services,
  q: Question,
  similar: ReturnType<typeof similarSolved>,
  experts: readonly FoundExpert[],
  stage: "first" | "more",
): OutgoingMessage {
  const t = translator(services.config.lang, services.platforms.prefixOf(q.channelId));
  const m = msg();
  if (similar.length > 0) {
    m.text(t("qa.route.similar"));
    m.list(similar.map((hit) => hitLine(t, hit)));
  }
  if (experts.length > 0) {
    m.text(t(stage === "first" ? "qa.route.experts" : "qa.route.more_experts"));
    m.list(experts.map((e) => expertLine(services, t, e)));
  } else {
    m.text(t(noExpertsKey(services, q, stage)));
  }
  m.context(t("qa.route.hint", { id: q.id }));
  m.button("qa.solved", t("qa.button.solved"), String(q.id), "primary");
  m.button("qa.more", t("qa.button.more"), String(q.id));
  m.button("qa.follow", t("qa.button.follow"), String(q.id));
  return m.build();
}

/** The solved questions shown with a new question's routing. */
export function similarTo(services: Services, q: Question): ReturnType<typeof similarSolved> {
  return similarSolved(services.db, q.text, MAX_SIMILAR, String(q.id));
}

/**
 * `similarTo` as a step of the question's steps: reading at most one posting list the lookup
 * has not kept, undefined when more are missing (see `similarSolvedReading`).
 */
export function similarToInStep(
  services: Services,
  q: Question,
): ReturnType<typeof similarSolved> | undefined {
  return similarSolvedReading(services.db, q.text, MAX_SIMILAR, 1, String(q.id));
}

/** The experts a new question's routing tags, ranked but not yet pinged (see `routeQuestion`). */
export function rankForQuestion(services: Services, q: Question): RankedExperts {
  return rankExperts(services, {
    text: q.text,
    exclude: [q.askerId],
    limit: MAX_EXPERTS,
    purpose: "question",
    questionId: q.id,
    includeQuiet: true,
  });
}

/**
 * copbot's one compact answer to a new question, in its thread: similar solved questions
 * first, then up to three experts with a reason each, then the buttons. `ranked`: the
 * question's ranking, when it was done in a step before with nothing written since.
 */
export function routeQuestion(
  services: Services,
  q: Question,
  similar = similarTo(services, q),
  ranked = rankForQuestion(services, q),
): string[] {
  const experts = pingExperts(services, ranked);
  postInThread(services, q, buildRouting(services, q, similar, experts, "first"), `qa.route:${q.id}`);
  return experts.map((e) => e.memberId);
}

/**
 * Tags the next experts (escalation or "Weitere Expert:innen"); `key` keeps each round single.
 * When nobody is left, the thread only hears about it if `announceNone`. Returns who was tagged.
 */
export function routeMoreExperts(
  services: Services,
  q: Question,
  key: string,
  announceNone: boolean,
): string[] {
  const experts = findExperts(services, {
    text: q.text,
    exclude: [q.askerId],
    limit: MAX_EXPERTS,
    purpose: "question",
    questionId: q.id,
    includeQuiet: true,
  });
  if (experts.length > 0 || announceNone)
    postInThread(services, q, buildRouting(services, q, [], experts, "more"), key);
  return experts.map((e) => e.memberId);
}

/** The job that routes a question whose routing the stepped path did not finish (ask.ts). */
export const routeJobKey = (questionId: number): string => `qa.route:${questionId}`;

const RoutePayload = z.object({ questionId: z.number().int() });

/**
 * `qa.route`: copbot stopped between storing a question and routing it (a crash, a restart);
 * the routing the steps would have posted is posted now, once (the steps cancel this job in
 * the transaction that routes).
 */
export const routeJob: JobHandler = (job, { services }) => {
  const q = new QuestionRepo(services.db).get(RoutePayload.parse(job.payload).questionId);
  if (q) routeQuestion(services, q);
};
