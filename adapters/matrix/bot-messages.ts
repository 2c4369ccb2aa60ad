import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import { tableOf, type ButtonRow } from "./buttons";
import { errcodeOf } from "./errors";
import { MessageContentSchema, RoomEventSchema, type RoomEvent } from "./event-schema";

/** A bot message's choices, and the thread it was posted in. */
export interface ButtonEntry {
  table: ButtonRow[];
  threadId?: string;
}

/** What looking up a bot message needs. */
export interface BotMessageContext {
  client(): MatrixClient;
  botUserId(): string;
  /** Button tables remembered in this run, by event id. */
  readonly buttons: Map<string, ButtonEntry>;
  /** Decrypts one of copbot's own encrypted messages (end-to-end encryption on), else undefined. */
  readonly decrypt?: (roomId: string, event: RoomEvent) => Promise<Record<string, unknown> | undefined>;
}

/** A bot message's button table: remembered, or read from the event itself (after a restart). */
export async function buttonsOf(
  ctx: BotMessageContext,
  roomId: string,
  eventId: string,
): Promise<ButtonEntry | undefined> {
  const known = ctx.buttons.get(eventId);
  if (known) return known;
  let event: RoomEvent;
  try {
    let raw: unknown = await ctx.client().getEvent(roomId, eventId);
    const encrypted = RoomEventSchema.safeParse(raw);
    if (ctx.decrypt && encrypted.data?.type === "m.room.encrypted")
      raw = await ctx.decrypt(roomId, encrypted.data);
    const parsed = RoomEventSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    event = parsed.data;
  } catch (error) {
    if (errcodeOf(error) === "M_NOT_FOUND" || errcodeOf(error) === "M_FORBIDDEN") return undefined;
    throw error;
  }
  if (event.sender !== ctx.botUserId()) return undefined;
  const table = tableOf(event.content);
  if (!table) return undefined;
  const relation = MessageContentSchema.safeParse(event.content).data?.["m.relates_to"];
  const threadId = relation?.rel_type === "m.thread" ? relation.event_id : undefined;
  const entry = { table, ...(threadId !== undefined ? { threadId } : {}) };
  ctx.buttons.set(eventId, entry);
  return entry;
}
