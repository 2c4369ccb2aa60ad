import { z } from "zod";
import { aliasTopic } from "../../src/qa/api";
import { MAX_TOPIC_LENGTH, topicProblem } from "./topic-args";
import { defineCommand } from "../../src/core/commands/command";

const topicText = z
  .string()
  .trim()
  .min(1, { message: "qa.err.blank_topic" })
  .max(MAX_TOPIC_LENGTH, { message: "qa.err.topic_too_long" })
  .superRefine((topic, ctx) => {
    const problem = topicProblem(topic);
    if (problem) ctx.addIssue({ code: "custom", ...problem });
  });

/** `/cop topic alias <Thema> "<anderer Name>"`: both names mean the same topic from now on. */
export const topicAliasCommand = defineCommand({
  name: "topic alias",
  summary: "qa.alias.summary",
  usage: "qa.alias.usage",
  example: "qa.alias.example",
  args: z.tuple([topicText, topicText]),
  run: (ctx, [topic, alias]) => aliasTopic(ctx, topic, alias),
});
