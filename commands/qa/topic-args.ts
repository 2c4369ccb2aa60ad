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
