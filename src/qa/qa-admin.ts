import { resolveChannel } from "../core/commands/resolve";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { channelRef, italic, msg, type Inline } from "../core/message";
import { plainName } from "../core/privacy";
import { permits } from "../permissions";
import { openQuestionLine } from "./agenda";
import { searchKnowledge, type KnowledgeHit } from "./knowledge";
import { addQaChannel, qaChannels, removeQaChannel } from "./qa-channel-repo";
import { QuestionRepo } from "./question-repo";
import { hitLine } from "./similar";
import { qaStats } from "./stats-repo";
import { formatDurationShort } from "../i18n/format";

type Ctx = EventContext<CommandEvent>;

/** At most this many open questions are listed; the rest is counted. */
const OPEN_LIMIT = 20;
/** The window `qa stats` looks at. */
const STATS_DAYS = 90;

/** `qa channel list`: where questions are tracked. */
export function listQaChannels(ctx: Ctx): void {
  const channels = qaChannels(ctx.services.db);
  if (channels.length === 0) return ctx.reply(ctx.t("qa.channel.none"));
  ctx.reply(
    msg()
      .text(ctx.t("qa.channel.list"))
      .list(channels.map((c) => [channelRef(c)]))
      .build(),
  );
}

/** `qa channel add|remove [#kanal]`: this channel (or the named one) becomes / stops being a Q&A channel. */
export async function changeQaChannel(
  ctx: Ctx,
  action: "add" | "remove",
  ref: string | undefined,
): Promise<void> {
  const { services, event } = ctx;
  if (ref === undefined && event.isDm) return ctx.reply(ctx.t("qa.channel.which"));
  const channelId = ref === undefined ? event.channelId : await resolveChannel(ctx, ref);
  if (action === "add") {
    const added = addQaChannel(services.db, channelId, ctx.actor.id, services.clock.now());
    return ctx.reply(
      msg()
        .text(ctx.t(added ? "qa.channel.added" : "qa.channel.already"), " ", channelRef(channelId))
        .build(),
    );
  }
  const removed = removeQaChannel(services.db, channelId);
  ctx.reply(
    msg()
      .text(ctx.t(removed ? "qa.channel.removed" : "qa.channel.not_qa"), " ", channelRef(channelId))
      .build(),
  );
}

/** `qa open`: open questions, oldest first, and how many more wait beyond the list. */
export function listOpenQuestions(ctx: Ctx): void {
  const { services } = ctx;
  const repo = new QuestionRepo(services.db);
  const open = repo.open(OPEN_LIMIT);
  if (open.length === 0) return ctx.reply(ctx.t("qa.open.none"));
  const total = repo.openCount();
  const lang = services.langOf(ctx.actor);
  const reply = msg()
    .text(ctx.t("qa.open.title", { count: total }))
    .list(open.map((q) => openQuestionLine(services, lang, q)));
  if (total > open.length) reply.context(ctx.t("qa.open.more", { shown: open.length, total }));
  ctx.reply(reply.build());
}

/** `qa stats`: questions of the last 90 days, median time to first answer and to solution. */
export function showQaStats(ctx: Ctx): void {
  const { services, t } = ctx;
  const now = services.clock.now();
  const stats = qaStats(services.db, new Date(now.getTime() - STATS_DAYS * 86_400_000));
  const lang = services.langOf(ctx.actor);
  const time = (ms: number | undefined) => (ms === undefined ? "–" : formatDurationShort(ms, lang));
  ctx.reply(
    msg()
      .text(t("qa.stats.title", { days: STATS_DAYS }))
      .list([
        [t("qa.stats.counts", { asked: stats.asked, answered: stats.answered, solved: stats.solved })],
        [t("qa.stats.first_answer", { time: time(stats.medianFirstAnswerMs) })],
        [t("qa.stats.solution", { time: time(stats.medianSolutionMs) })],
      ])
      .build(),
  );
}

/**
 * `search`: the best 5 solved questions and group results, each with who asked and answered (by
 * name, so nobody is pinged; "ehemaliges Mitglied" for people who were forgotten). Moderators
 * also see tombstones: entries whose accepted answer was deleted on the platform.
 */
export function searchQa(ctx: Ctx, query: string): void {
  const { services, t } = ctx;
  const includeRemoved = permits("search: deleted answers", { role: ctx.actor.role });
  const hits = searchKnowledge(services.db, query, 5, { includeRemoved });
  if (hits.length === 0) return ctx.reply(t("qa.search.none", { query }));
  const people = new QuestionRepo(services.db).people(
    hits.filter((hit) => hit.kind === "question").map((hit) => Number(hit.sourceId)),
  );
  const line = (hit: KnowledgeHit): Inline[] => {
    const base = hit.removedAt
      ? [...hitLine(t, { ...hit, snippet: "" }), italic(t("qa.search.removed"))]
      : hitLine(t, hit);
    const q = hit.kind === "question" ? people.get(Number(hit.sourceId)) : undefined;
    if (!q) return base;
    const answerBy = q.acceptedAuthorId;
    return [
      ...base,
      ` · ${t("qa.search.asked_by", { name: plainName(t, q.askerId, q.askerName) })}`,
      ...(answerBy && !hit.removedAt
        ? [`, ${t("qa.search.answered_by", { name: plainName(t, answerBy, q.acceptedAuthorName) })}`]
        : []),
    ];
  };
  ctx.reply(msg().text(t("qa.search.title", { query })).list(hits.map(line)).build());
}
