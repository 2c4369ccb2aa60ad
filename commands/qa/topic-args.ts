import { z } from "zod";

export const MAX_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 60;

/**
 * Topics as typed after `expert add|remove`: separate words or quoted phrases, commas also
 * separate (`E-Akte, "elektronische Akte"`).
 */
export const topicList = z
  .array(z.string())
  .transform((tokens) =>
    tokens
      .flatMap((token) => token.split(","))
      .map((topic) => topic.trim().replace(/\s+/g, " "))
      .filter((topic) => topic.length > 0),
  )
  .pipe(
    z
      .array(z.string().max(MAX_TOPIC_LENGTH, { message: "qa.err.topic_too_long" }))
      .min(1, { message: "qa.err.no_topics" })
      .max(MAX_TOPICS, { message: "qa.err.too_many_topics" }),
  );

/** Topics someone becomes an expert for: as `topicList`, and each must be a real topic. */
export const newTopicList = topicList.superRefine((topics, ctx) => {
  for (const topic of topics) {
    const problem = topicProblem(topic);
    if (problem) {
      ctx.addIssue({ code: "custom", ...problem });
      return;
    }
  }
});

/** Mentions and channel-wide pings (`<!channel>`, `<@U1>`, `@here`, `@room`) are never topics. */
const MENTION = /<[^>]*>|(^|\s)@\S/;
const EMOJI = /\p{Extended_Pictographic}\uFE0F?/u;

/**
 * What is wrong with one topic as typed, naming it: a mention would later be repeated in every
 * question's tag line, and an emoji is no word anyone searches for.
 */
export function topicProblem(topic: string): { message: string; params: Record<string, string> } | undefined {
  if (MENTION.test(topic)) return { message: "qa.err.topic_mention", params: { topic } };
  const emoji = EMOJI.exec(topic)?.[0];
  if (emoji !== undefined) return { message: "qa.err.topic_emoji", params: { topic, emoji } };
  if (!/[\p{L}\p{N}]/u.test(topic)) return { message: "qa.err.topic_blank", params: { topic } };
  return undefined;
}
