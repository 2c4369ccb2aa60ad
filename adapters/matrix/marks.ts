import { z } from "zod";
import { qualify, rawId } from "../../src/core/ids";
import type { PostedRef } from "../../src/core/message";
import { emojiKey } from "./buttons";
import type { RetryingMatrixClient } from "./client";

const RedactResponseSchema = z.object({ event_id: z.string() });

/**
 * Reacts to a message as copbot: an `m.reaction` event of its own, whose ref comes back so
 * that the mark can be redacted later. With a transaction id, a repeat returns the first event.
 */
export async function addMark(
  client: RetryingMatrixClient,
  ref: PostedRef,
  emoji: string,
  txnId: string | undefined,
): Promise<PostedRef> {
  const roomId = rawId(ref.channelId);
  const content = {
    "m.relates_to": { rel_type: "m.annotation", event_id: ref.messageId, key: emojiKey(emoji) },
  };
  const eventId =
    txnId === undefined
      ? await client.sendEvent(roomId, "m.reaction", content)
      : await client.sendEventWithTxn(roomId, "m.reaction", content, txnId);
  return { channelId: qualify("matrix", roomId), messageId: eventId };
}

/**
 * Takes a mark back by redacting copbot's reaction event. The transaction id makes a repeat
 * one redaction; redacting an event that is already redacted changes nothing.
 */
export async function removeMark(
  client: RetryingMatrixClient,
  reaction: PostedRef,
  txnId: string,
): Promise<void> {
  const roomId = encodeURIComponent(rawId(reaction.channelId));
  const path = `/_matrix/client/v3/rooms/${roomId}/redact/${encodeURIComponent(reaction.messageId)}/${encodeURIComponent(txnId)}`;
  RedactResponseSchema.parse(await client.doRequest("PUT", path, null, {}));
}
