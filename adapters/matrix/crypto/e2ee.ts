import type { Logger } from "pino";
import { z } from "zod";
import type { CryptoStore } from "./crypto-store";
import { E2eeEngine, type Decryption, type RoomKeysListener } from "./engine";
import type { CryptoHttp } from "./outgoing";
import { EncryptedRooms, type StateEventLike } from "./rooms";

const SyncRoomsSchema = z.object({
  rooms: z
    .object({
      join: z
        .record(
          z.string(),
          z.object({
            state: z.object({ events: z.array(z.unknown()).default([]) }).optional(),
            timeline: z.object({ events: z.array(z.unknown()).default([]) }).optional(),
          }),
        )
        .default({}),
    })
    .optional(),
});
const StateEventSchema = z.object({
  type: z.string(),
  state_key: z.string(),
  content: z.record(z.string(), z.unknown()),
});

/**
 * End-to-end encryption for the Matrix adapter: what the client calls on every sync and every
 * room send, and what the adapter calls to read encrypted events.
 */
export class MatrixE2ee {
  private readonly rooms: EncryptedRooms;
  private readonly engine: E2eeEngine;

  constructor(store: CryptoStore, http: CryptoHttp, log: Logger) {
    this.rooms = new EncryptedRooms(http);
    this.engine = new E2eeEngine(store, this.rooms, http, log);
  }

  get deviceId(): string {
    return this.engine.deviceId;
  }

  get fingerprint(): string {
    return this.engine.fingerprint;
  }

  start(): Promise<void> {
    return this.engine.start();
  }

  /** Before the SDK emits a sync's events: rooms' encryption and members, then the to-device part. */
  async beforeSync(raw: unknown): Promise<void> {
    const joined = SyncRoomsSchema.safeParse(raw).data?.rooms?.join ?? {};
    for (const [roomId, room] of Object.entries(joined)) {
      for (const event of [...(room.state?.events ?? []), ...(room.timeline?.events ?? [])]) {
        const state = StateEventSchema.safeParse(event);
        if (state.success) this.rooms.observe(roomId, state.data satisfies StateEventLike);
      }
    }
    await this.engine.receiveSync(raw);
  }

  /** The encrypted content for a room send, or undefined when the room is not encrypted. */
  async encryptSend(
    roomId: string,
    type: string,
    content: unknown,
  ): Promise<Record<string, unknown> | undefined> {
    if (!(await this.rooms.isEncrypted(roomId))) return undefined;
    return this.engine.encrypt(roomId, type, content);
  }

  isEncrypted(roomId: string): Promise<boolean> {
    return this.rooms.isEncrypted(roomId);
  }

  decrypt(roomId: string, event: Record<string, unknown>): Promise<Decryption> {
    return this.engine.decrypt(roomId, event);
  }

  onRoomKeys(listener: RoomKeysListener): void {
    this.engine.onRoomKeys(listener);
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
