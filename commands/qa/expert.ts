import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { addOwnTopics, listExperts, removeOwnTopics } from "../../src/qa/api";
import { newTopicList, topicList } from "./topic-args";

/** `/cop expert add <Themen…>`: the caller becomes an expert for the topics. */
export const expertAddCommand = defineCommand({
  name: "expert add",
  summary: "qa.expert.add.summary",
  usage: "qa.expert.add.usage",
  example: "qa.expert.add.example",
  args: newTopicList,
  run: (ctx, topics) => addOwnTopics(ctx, topics),
});

/** `/cop expert remove <Themen…>`. */
export const expertRemoveCommand = defineCommand({
  name: "expert remove",
  summary: "qa.expert.remove.summary",
  usage: "qa.expert.remove.usage",
  example: "qa.expert.remove.example",
  args: topicList,
  run: (ctx, topics) => removeOwnTopics(ctx, topics),
});

/** `/cop expert list [Thema]`: experts per topic, or for one topic. */
export const expertListCommand = defineCommand({
  name: "expert list",
  summary: "qa.expert.list.summary",
  usage: "qa.expert.list.usage",
  example: "qa.expert.list.example",
  raw: true,
  args: z.tuple([z.string().trim().max(60, { message: "qa.err.topic_too_long" })]),
  run: (ctx, [topic]) => listExperts(ctx, topic),
});
