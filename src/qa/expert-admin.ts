import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { bold, mention, msg, type Inline } from "../core/message";
import { addExpertTopics, expertTopics, isBlankTopic, removeExpertTopics, topicsOf } from "./expert-repo";
import { expertSettings } from "./expert-settings-repo";
import { closestTopic, knownTopics, resolveTopic, setTopicAlias, topicAliases } from "./topic-repo";

type Ctx = EventContext<CommandEvent>;

/** `expert add`: the caller becomes an expert for the topics; near misses of known topics are pointed out. */
export function addOwnTopics(ctx: Ctx, topics: readonly string[]): void {
  const { services } = ctx;
  if (topics.some(isBlankTopic)) return ctx.reply(ctx.t("qa.err.blank_topic"));
  const known = new Set(knownTopics(services.db).map((topic) => topic.key));
  const hints = topics
    .filter((raw) => !known.has(resolveTopic(services.db, raw)))
    .map((raw) => ({ raw, near: closestTopic(services.db, raw) }))
    .filter((h) => h.near !== undefined);
  const added = addExpertTopics(services.db, ctx.actor.id, topics, services.clock.now());
  const mine = topicsOf(services.db, ctx.actor.id).map((topic) => topic.label);
  const m = msg().text(
    added.length > 0
      ? ctx.t("qa.expert.added", { topics: added.join(", ") })
      : ctx.t("qa.expert.nothing_new"),
  );
  for (const hint of hints)
    m.context(ctx.t("qa.expert.near", { typed: hint.raw, near: hint.near?.label ?? "" }));
  m.context(ctx.t("qa.expert.yours", { topics: mine.join(", ") }));
  ctx.reply(m.build());
}

/** `expert remove`: the caller is no expert for these topics any more. */
export function removeOwnTopics(ctx: Ctx, topics: readonly string[]): void {
  const removed = removeExpertTopics(ctx.services.db, ctx.actor.id, topics);
  if (removed.length > 0) return ctx.reply(ctx.t("qa.expert.removed", { topics: removed.join(", ") }));
  const near = topicsOf(ctx.services.db, ctx.actor.id).map((topic) => topic.label);
  ctx.reply(ctx.t("qa.expert.not_yours", { topics: near.length > 0 ? near.join(", ") : "–" }));
}

/** `expert list [topic]`: experts per topic, or for one topic; away experts are marked. */
export function listExperts(ctx: Ctx, topic: string): void {
  const { services } = ctx;
  const now = services.clock.now();
  const line = (memberId: string, extra: Inline[] = []): Inline[] => {
    const s = expertSettings(services.db, memberId);
    const away = s.optedOut || (s.awayUntil !== undefined && s.awayUntil > now);
    return [mention(memberId), ...extra, ...(away ? [" ", ctx.t("qa.expert.away_mark")] : [])];
  };
  if (topic === "") {
    const topics = knownTopics(services.db);
    if (topics.length === 0) return ctx.reply(ctx.t("qa.expert.none_at_all"));
    const lines = topics.map((info): Inline[] => [
      bold(info.label),
      ": ",
      ...expertTopics(services.db, info.key).flatMap((e, i) => [
        ...(i > 0 ? [", "] : []),
        ...line(e.memberId),
      ]),
    ]);
    return ctx.reply(msg().text(ctx.t("qa.expert.list_title")).list(lines).build());
  }
  const key = resolveTopic(services.db, topic);
  const experts = expertTopics(services.db, key);
  if (experts.length === 0) {
    const near = closestTopic(services.db, topic);
    return ctx.reply(
      near
        ? ctx.t("qa.err.unknown_topic_near", { topic, near: near.label })
        : ctx.t("qa.err.unknown_topic", { topic }),
    );
  }
  ctx.reply(
    msg()
      .text(ctx.t("qa.expert.for_topic", { topic: experts[0]?.label ?? topic }))
      .list(experts.map((e) => line(e.memberId)))
      .build(),
  );
}

/** `topics`: every topic with its number of experts and its aliases. */
export function listTopics(ctx: Ctx): void {
  const { db } = ctx.services;
  const topics = knownTopics(db);
  if (topics.length === 0) return ctx.reply(ctx.t("qa.topics.none"));
  const aliases = topicAliases(db);
  ctx.reply(
    msg()
      .text(ctx.t("qa.topics.title"))
      .list(
        topics.map((topic) => {
          const names = aliases.filter((a) => a.topic === topic.key).map((a) => a.label);
          return [
            bold(topic.label),
            " · ",
            ctx.t("qa.topics.experts", { count: topic.experts }),
            ...(names.length > 0 ? [" · ", ctx.t("qa.topics.aliases", { aliases: names.join(", ") })] : []),
          ];
        }),
      )
      .build(),
  );
}

/** `topic alias`: both names mean the same topic from now on. */
export function aliasTopic(ctx: Ctx, topic: string, alias: string): void {
  const { services } = ctx;
  if (isBlankTopic(topic) || isBlankTopic(alias)) return ctx.reply(ctx.t("qa.err.blank_topic"));
  const saved = setTopicAlias(services.db, topic, alias, ctx.actor.id, services.clock.now());
  ctx.reply(
    saved.ok
      ? ctx.t("qa.alias.saved", { alias: saved.value.alias, topic: saved.value.topicLabel })
      : ctx.t(saved.error.key, saved.error.params),
  );
}
