import { z } from "zod";
import { bold, mention, msg, type Inline } from "../src/core/message";
import {
  addExpertTopics,
  expertTopics,
  isBlankTopic,
  removeExpertTopics,
  topicsOf,
} from "../src/qa/expert-repo";
import { expertSettings } from "../src/qa/expert-settings";
import { closestTopic, knownTopics, resolveTopic } from "../src/qa/topics";
import { topicList } from "./expert-topics-arg";
import { defineCommand } from "./types";

/** `/cop expert add <Themen…>`: the caller becomes an expert for the topics. */
export const expertAddCommand = defineCommand({
  name: "expert add",
  summary: "qa.expert.add.summary",
  usage: "qa.expert.add.usage",
  example: "qa.expert.add.example",
  permission: "member",
  args: topicList,
  run(ctx, topics) {
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
  },
});

/** `/cop expert remove <Themen…>`. */
export const expertRemoveCommand = defineCommand({
  name: "expert remove",
  summary: "qa.expert.remove.summary",
  usage: "qa.expert.remove.usage",
  example: "qa.expert.remove.example",
  permission: "member",
  args: topicList,
  run(ctx, topics) {
    const removed = removeExpertTopics(ctx.services.db, ctx.actor.id, topics);
    if (removed.length > 0) return ctx.reply(ctx.t("qa.expert.removed", { topics: removed.join(", ") }));
    const near = topicsOf(ctx.services.db, ctx.actor.id).map((topic) => topic.label);
    ctx.reply(ctx.t("qa.expert.not_yours", { topics: near.length > 0 ? near.join(", ") : "–" }));
  },
});

/** `/cop expert list [Thema]`: experts per topic, or for one topic. */
export const expertListCommand = defineCommand({
  name: "expert list",
  summary: "qa.expert.list.summary",
  usage: "qa.expert.list.usage",
  example: "qa.expert.list.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string().trim().max(60, { message: "qa.err.topic_too_long" })]),
  run(ctx, [topic]) {
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
  },
});
