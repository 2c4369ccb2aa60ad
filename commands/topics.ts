import { z } from "zod";
import { bold, msg } from "../src/core/message";
import { knownTopics, topicAliases } from "../src/qa/topics";
import { defineCommand } from "./types";

/** `/cop topics`: every topic with its number of experts and its aliases. */
export const topicsCommand = defineCommand({
  name: "topics",
  summary: "qa.topics.summary",
  usage: "qa.topics.usage",
  example: "qa.topics.example",
  permission: "member",
  args: z.tuple([]),
  run(ctx) {
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
  },
});
