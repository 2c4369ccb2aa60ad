import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import type { Logger } from "pino";
import { z } from "zod";
import type { Lang } from "../../../src/i18n";
import { escapeHtml, matrixTo } from "../html";
import { matrixText } from "../messages";
import type { MatrixE2ee } from "./e2ee";
import { WaitingEvents } from "./waiting";

/** What the reader needs from the running adapter. */
export interface ReaderContext {
  client(): MatrixClient;
  botUserId(): string;
  readonly lang: Lang;
  readonly log: Logger;
  /** True for events that count (not history from before copbot's start or join). */
  isLive(roomId: string, originServerTs: number): boolean;
  /** Hands an event decrypted late back to the adapter's ordered queue. */
  redeliver(roomId: string, event: Record<string, unknown>): void;
  displayName(roomId: string, userId: string): Promise<string | undefined>;
}

const EncryptedEventSchema = z.object({
  event_id: z.string(),
  sender: z.string(),
  origin_server_ts: z.number(),
  content: z
    .object({
      "m.relates_to": z
        .object({ rel_type: z.string().optional(), event_id: z.string().optional() })
        .passthrough()
        .optional(),
    })
    .passthrough(),
});

/**
 * Reads encrypted room events. An event whose room key is missing waits here, the sender gets
 * one note (per Megolm session) that copbot cannot read it yet, and when the key arrives the
 * event goes back into the adapter's queue and is handled like any other.
 */
export class EncryptedReader {
  private readonly waiting: WaitingEvents;

  /** `waitingFile` keeps the events waiting for keys across restarts. */
  constructor(
    private readonly e2ee: MatrixE2ee,
    private readonly ctx: ReaderContext,
    waitingFile?: string,
  ) {
    this.waiting = new WaitingEvents(waitingFile);
    e2ee.onRoomKeys((keys) => {
      for (const { roomId, event } of this.waiting.take(keys.map((k) => k.sessionId)))
        ctx.redeliver(roomId, event);
    });
  }

  /**
   * After a restart: the events that waited for a key that has arrived meanwhile go back to
   * the adapter's queue. The others go on waiting, so a key that comes with the next sync
   * still finds them (a race with that sync hands an event over twice; the core drops the twin).
   */
  async retryWaiting(): Promise<void> {
    for (const sessionId of this.waiting.sessions()) {
      const first = this.waiting.firstOf(sessionId);
      if (first === undefined || !(await this.e2ee.decrypt(first.roomId, first.event)).ok) continue;
      for (const { roomId, event } of this.waiting.take([sessionId])) this.ctx.redeliver(roomId, event);
    }
  }

  /** The decrypted event, or undefined when it cannot be read (now). */
  async read(roomId: string, raw: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const event = EncryptedEventSchema.safeParse(raw);
    if (!event.success) return undefined;
    const result = await this.e2ee.decrypt(roomId, raw);
    if (result.ok) return result.event;
    const { sender, origin_server_ts: ts } = event.data;
    this.ctx.log.info(
      { roomId, eventId: event.data.event_id, sender, reason: result.reason, withheld: result.withheld },
      result.waiting ? "encrypted event waits for its key" : "encrypted event cannot be decrypted",
    );
    if (result.waiting && result.sessionId !== undefined)
      this.waiting.park(result.sessionId, { roomId, event: raw });
    if (
      sender !== this.ctx.botUserId() &&
      this.ctx.isLive(roomId, ts) &&
      this.waiting.firstNote(roomId, sender, result.sessionId)
    )
      await this.note(roomId, event.data, result.withheld !== undefined);
    return undefined;
  }

  /** Decrypts without waiting or notes: for copbot's own earlier messages, looked up again. */
  async peek(roomId: string, raw: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const result = await this.e2ee.decrypt(roomId, raw);
    return result.ok ? result.event : undefined;
  }

  /** Tells the sender, in the thread of the message if it has one, that copbot could not read it. */
  private async note(
    roomId: string,
    event: z.infer<typeof EncryptedEventSchema>,
    withheld: boolean,
  ): Promise<void> {
    const name = (await this.ctx.displayName(roomId, event.sender).catch(() => undefined)) ?? event.sender;
    const key = withheld ? "matrix.e2ee.withheld" : "matrix.e2ee.undecryptable";
    const text = matrixText(this.ctx.lang)(key);
    const relation = event.content["m.relates_to"];
    const thread =
      relation?.rel_type === "m.thread" && relation.event_id !== undefined ? relation.event_id : undefined;
    try {
      await this.ctx.client().sendMessage(roomId, {
        msgtype: "m.notice",
        body: `${name}: ${text}`,
        format: "org.matrix.custom.html",
        formatted_body: `<a href="${matrixTo(event.sender)}">${escapeHtml(name)}</a>: ${escapeHtml(text)}`,
        "m.mentions": { user_ids: [event.sender] },
        "m.relates_to": thread
          ? {
              rel_type: "m.thread",
              event_id: thread,
              is_falling_back: false,
              "m.in_reply_to": { event_id: event.event_id },
            }
          : { "m.in_reply_to": { event_id: event.event_id } },
      });
    } catch (error) {
      this.ctx.log.warn(
        { err: error, roomId },
        "could not tell the sender that copbot cannot read the message",
      );
    }
  }

  /** After a lost crypto state: tells every encrypted room that copbot has a new device. */
  async announceNewDevice(): Promise<void> {
    const client = this.ctx.client();
    const text = matrixText(this.ctx.lang)("matrix.e2ee.newDevice", { device: this.e2ee.deviceId });
    for (const roomId of await client.getJoinedRooms()) {
      try {
        if (!(await this.e2ee.isEncrypted(roomId))) continue;
        await client.sendMessage(roomId, { msgtype: "m.notice", body: text, "m.mentions": {} });
      } catch (error) {
        this.ctx.log.warn({ err: error, roomId }, "could not announce the new device");
      }
    }
  }
}
