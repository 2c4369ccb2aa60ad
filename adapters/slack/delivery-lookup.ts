import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import type { Delivery } from "../../src/core/port";
import { slackErrorCode, toPlatformError } from "./errors";

/** The message metadata event type that carries an outbox item's delivery id. */
export const DELIVERY_EVENT = "copbot_delivery";

/** Slack clocks and ours may differ a little: look this far before the first attempt. */
const CLOCK_SLACK_MS = 5 * 60_000;
const PAGE = 200;
const MAX_PAGES = 10;

/** Slack answers that mean copbot cannot read this conversation, so it cannot look. */
const CANNOT_LOOK = new Set(["not_in_channel", "channel_not_found", "missing_scope", "thread_not_found"]);

const HistorySchema = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        files: z.array(z.object({ name: z.string().optional() })).optional(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});
type History = z.infer<typeof HistorySchema>;

/** The `metadata` argument that tags a post with its delivery id. */
export function deliveryMetadata(delivery: Delivery): {
  event_type: string;
  event_payload: { delivery: string };
} {
  return { event_type: DELIVERY_EVENT, event_payload: { delivery: delivery.id } };
}

/** What the lookup found: the post, or that Slack would not let copbot look. */
export type LookupResult = { readonly ts: string } | "absent" | "unknown";

/**
 * Looks for a post an earlier attempt may have made: in the conversation's history (or the
 * thread's replies) since shortly before the first attempt, a message whose metadata carries
 * this delivery id. Transient failures throw (the outbox asks again later); a conversation
 * copbot cannot read gives "unknown".
 */
export async function findDelivery(
  client: webApi.WebClient,
  channel: string,
  threadTs: string | undefined,
  delivery: Delivery,
): Promise<LookupResult> {
  const oldest = ((delivery.since.getTime() - CLOCK_SLACK_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args = {
      channel,
      oldest,
      limit: PAGE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    };
    let history: History;
    try {
      const raw =
        threadTs === undefined
          ? await client.conversations.history(args)
          : await client.conversations.replies({ ...args, ts: threadTs });
      history = HistorySchema.parse(raw);
    } catch (error) {
      if (CANNOT_LOOK.has(slackErrorCode(error) ?? "")) return "unknown";
      throw toPlatformError(
        error,
        threadTs === undefined ? "conversations.history" : "conversations.replies",
      );
    }
    const found = history.messages.find(
      (m) =>
        m.metadata?.event_type === DELIVERY_EVENT && m.metadata.event_payload?.["delivery"] === delivery.id,
    );
    if (found) return { ts: found.ts };
    cursor = history.response_metadata?.next_cursor;
    if (!cursor) return "absent";
  }
  return "absent";
}

/**
 * The timestamp of an earlier attempt's post, or undefined when Slack does not have it. A
 * conversation copbot may not read (it posts to public channels it is no member of) cannot be
 * checked: the post goes again, and the log says so.
 */
export async function findEarlierPost(
  client: webApi.WebClient,
  channel: string,
  threadTs: string | undefined,
  delivery: Delivery,
  log: Logger,
): Promise<string | undefined> {
  const found = await findDelivery(client, channel, threadTs, delivery);
  if (found === "unknown") {
    log.warn(
      { channel, delivery: delivery.id },
      "slack: cannot check whether a post in doubt arrived; posting it",
    );
    return undefined;
  }
  return found === "absent" ? undefined : found.ts;
}

/** The names of the files already in the thread under `threadTs` (uploads that went through). */
export async function threadFileNames(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
): Promise<ReadonlySet<string>> {
  try {
    const history = HistorySchema.parse(
      await client.conversations.replies({ channel, ts: threadTs, limit: PAGE }),
    );
    return new Set(history.messages.flatMap((m) => (m.files ?? []).flatMap((f) => (f.name ? [f.name] : []))));
  } catch (error) {
    if (CANNOT_LOOK.has(slackErrorCode(error) ?? "")) return new Set();
    throw toPlatformError(error, "conversations.replies");
  }
}
