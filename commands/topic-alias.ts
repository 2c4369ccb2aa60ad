import { z } from "zod";
import { isBlankTopic } from "../src/qa/expert-repo";
import { setTopicAlias } from "../src/qa/topics";
import { MAX_TOPIC_LENGTH } from "./expert-topics-arg";
import { defineCommand } from "./types";

const topicText = z
  .string()
  .trim()
  .min(1, { message: "qa.err.blank_topic" })
  .max(MAX_TOPIC_LENGTH, { message: "qa.err.topic_too_long" });

/** `/cop topic alias <Thema> "<anderer Name>"`: both names mean the same topic from now on. */
export const topicAliasCommand = defineCommand({
  name: "topic alias",
  summary: "qa.alias.summary",
  usage: "qa.alias.usage",
  example: "qa.alias.example",
  permission: "moderator",
  args: z.tuple([topicText, topicText]),
  run(ctx, [topic, alias]) {
    const { services } = ctx;
    if (isBlankTopic(topic) || isBlankTopic(alias)) return ctx.reply(ctx.t("qa.err.blank_topic"));
    const saved = setTopicAlias(services.db, topic, alias, ctx.actor.id, services.clock.now());
    ctx.reply(
      saved.ok
        ? ctx.t("qa.alias.saved", { alias: saved.value.alias, topic: saved.value.topicLabel })
        : ctx.t(saved.error.key, saved.error.params),
    );
  },
});
