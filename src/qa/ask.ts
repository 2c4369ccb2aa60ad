import { readSnapshot, transaction } from "../../db/transaction";
import { writeMark } from "../../db/write-mark";
import { fail, ok, type Result } from "../core/errors";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { mention, msg } from "../core/message";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { scheduleEscalation } from "./escalation";
import { qaChannels } from "./qa-channel-repo";
import { QuestionRepo, type Question } from "./question-repo";
import { expertIndex } from "./expert-index";
import { searchKeysOf } from "./experts";
import { rankForQuestion, routeJobKey, routeQuestion, similarTo, similarToInStep } from "./routing";

/** Longest question copbot tracks; longer texts are better split or shortened. */
export const MAX_QUESTION = 2000;
const MIN_QUESTION = 5;

/** Checks an explicitly asked question's text; the value is the trimmed text. */
export function validateQuestion(text: string): Result<string> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return fail("qa.err.empty");
  if (trimmed.length < MIN_QUESTION) return fail("qa.err.too_short", { min: MIN_QUESTION });
  if (trimmed.length > MAX_QUESTION)
    return fail("qa.err.too_long", { max: MAX_QUESTION, length: trimmed.length });
  return ok(trimmed);
}

function startTracking(services: Services, q: Question): Question {
  routeQuestion(services, q);
  scheduleEscalation(services, q, 1, q.askedAt);
  return q;
}

/** How long after a question its routing job waits for the steps (they take milliseconds). */
const ROUTE_AFTER_MS = 60_000;

/** Lets the event loop turn: other events, acks and replies go between the steps. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Tracks a member's own message as a question (Q&A channel or a mention of copbot) and routes
 * it in the message's thread, in short steps with the event loop turning between them: the
 * question is stored with its escalation and a routing job; similar solved questions are
 * looked up (reading at most one posting list the lookup has not kept per step); the expert
 * index loads what it lacks a page at a time; experts are ranked; then, in one transaction,
 * they are pinged, the reply is queued and the routing job cancelled; the reply's delivery
 * starts after one more turn. Should copbot stop between the steps, the job
 * routes the question once it is due. `pause` is awaited between steps (tests stop there).
 */
export function trackQuestionInSteps(
  services: Services,
  opts: { askerId: string; channelId: string; messageId: string; text: string },
  pause: () => Promise<void> = nextTurn,
): Promise<Question> {
  // One question's steps after the other's: replies are queued in the order questions arrived.
  const run = (inSteps.get(services) ?? Promise.resolve()).then(() => routeInSteps(services, opts, pause));
  inSteps.set(
    services,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/** The steps of the question being routed, per copbot (tests run several in one process). */
const inSteps = new WeakMap<Services, Promise<void>>();

async function routeInSteps(
  services: Services,
  opts: { askerId: string; channelId: string; messageId: string; text: string },
  pause: () => Promise<void>,
): Promise<Question> {
  const { db, clock, scheduler } = services;
  const q = transaction(db, () => {
    const created = new QuestionRepo(db).create({ ...opts, at: clock.now() });
    scheduleEscalation(services, created, 1, created.askedAt);
    scheduler.schedule({
      kind: "qa.route",
      runAt: new Date(created.askedAt.getTime() + ROUTE_AFTER_MS),
      payload: { questionId: created.id },
      key: routeJobKey(created.id),
    });
    return created;
  });
  await pause();
  const similar = await similarInSteps(services, q, pause);
  await pause();
  const keys = searchKeysOf(q.text);
  const index = expertIndex(db);
  await index.warm(keys, pause);
  // Ranking only reads, so it is a step of its own; its picks stand unless anything was
  // written in between (then the question is ranked again where it is routed).
  // One read transaction: the index brings itself up to date (`readyFor`) and the ranking
  // reads with one lock (10 µs less than each statement taking its own), and the mark is of
  // exactly what the ranking read. Pruning the index's log (what it read before) writes, so it
  // comes first: after the snapshot it would change the mark.
  index.prune();
  const { ranked, mark } = readSnapshot(db, () => ({
    ranked: rankForQuestion(services, q),
    mark: writeMark(db),
  }));
  await pause();
  transaction(db, () => {
    const unchanged = writeMark(db) === mark;
    if (scheduler.cancel(routeJobKey(q.id)))
      routeQuestion(services, q, similar, unchanged ? ranked : undefined);
  });
  // The reply's delivery starts in a step of its own too.
  await pause();
  return q;
}

/** Steps of the similar lookup at most: one list not kept yet in each, the rest in the last. */
const LIST_STEPS = 64;

/**
 * Similar solved questions in steps of their own. The lookup combines its words' kept posting
 * lists; one it has not kept yet holds up to thousands of entries at 100,000 solved questions,
 * so a step reads at most one and, with more missing, the next step goes on (a question's words
 * are few; should another connection's commits keep taking the lists back, the last step reads
 * the rest at once). Each step's reads share one read transaction.
 */
async function similarInSteps(
  services: Services,
  q: Question,
  pause: () => Promise<void>,
): Promise<ReturnType<typeof similarTo>> {
  const { db } = services;
  for (let step = 1; step < LIST_STEPS; step++) {
    const similar = readSnapshot(db, () => similarToInStep(services, q));
    if (similar !== undefined) return similar;
    await pause();
  }
  return readSnapshot(db, () => similarTo(services, q));
}

/**
 * copbot posts the question in the channel (crediting the asker), tracks it and routes
 * experts in the thread of its own post. Used by `/cop ask` and by check-ins.
 */
export function askOnBehalf(
  services: Services,
  opts: { askerId: string; channelId: string; text: string },
): Result<{ questionId: number }> {
  const valid = validateQuestion(opts.text);
  if (!valid.ok) return valid;
  const t = translator(services.config.lang, services.platforms.prefixOf(opts.channelId));
  return transaction(services.db, () => {
    const q = new QuestionRepo(services.db).create({
      askerId: opts.askerId,
      channelId: opts.channelId,
      text: valid.value,
      at: services.clock.now(),
    });
    const post = msg().text(t("qa.ask.posted_by"), " ", mention(opts.askerId), ": ", valid.value).build();
    services.outbox.enqueue({ kind: "channel", channelId: opts.channelId }, post, {
      key: q.postKey ?? `qa.question:${q.id}`,
    });
    startTracking(services, q);
    return ok({ questionId: q.id });
  });
}

/**
 * `ask <question>`: copbot posts the question in the current channel (in a DM: the first Q&A
 * channel), credits the asker and routes experts in the thread.
 */
export function askInChannel(ctx: EventContext<CommandEvent>, text: string): void {
  const { services, event } = ctx;
  const channelId = event.isDm ? qaChannels(services.db)[0] : event.channelId;
  if (channelId === undefined) return ctx.reply(ctx.t("qa.err.ask_where"));
  const result = askOnBehalf(services, { askerId: ctx.actor.id, channelId, text });
  ctx.reply(
    result.ok
      ? ctx.t("qa.ask.done", { id: result.value.questionId })
      : ctx.t(result.error.key, result.error.params),
  );
}
