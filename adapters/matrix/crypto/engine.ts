import {
  DecryptionErrorCode,
  DecryptionSettings,
  DeviceLists,
  MegolmDecryptionError,
  OtherUserIdentity,
  RoomId,
  TrustRequirement,
  UserId,
  type OlmMachine,
} from "@matrix-org/matrix-sdk-crypto-wasm";
import type { Logger } from "pino";
import { z } from "zod";
import type { CryptoStore } from "./crypto-store";
import { sendRequest, type CryptoHttp } from "./outgoing";
import type { EncryptedRooms } from "./rooms";

/** Rounds of outgoing requests per step: answers may make the machine ask for more (keys, then claims). */
const MAX_ROUNDS = 5;

/** The crypto parts of a `/sync` response. */
export const SyncCryptoSchema = z.object({
  to_device: z.object({ events: z.array(z.unknown()).default([]) }).optional(),
  device_lists: z
    .object({ changed: z.array(z.string()).default([]), left: z.array(z.string()).default([]) })
    .optional(),
  device_one_time_keys_count: z.record(z.string(), z.number()).optional(),
  device_unused_fallback_key_types: z.array(z.string()).optional(),
});

const ClearEventSchema = z.object({ type: z.string(), content: z.record(z.string(), z.unknown()) });
const EncryptedContentSchema = z.object({
  session_id: z.string().optional(),
  "m.relates_to": z.record(z.string(), z.unknown()).optional(),
});

/** The outcome of decrypting one room event. */
export type Decryption =
  | { readonly ok: true; readonly event: Record<string, unknown> }
  | {
      readonly ok: false;
      /** The room key is missing (or too new): it may still arrive. */
      readonly waiting: boolean;
      readonly sessionId: string | undefined;
      /** The sender's device refused to share the key with copbot (`m.unverified` …). */
      readonly withheld: string | undefined;
      readonly reason: string;
    };

/** Room keys that just arrived: events waiting for them can be decrypted now. */
export type RoomKeysListener = (keys: readonly { roomId: string; sessionId: string }[]) => void;

/**
 * Drives copbot's Olm machine: feeds it the sync's to-device events and device-list changes,
 * sends what it asks for (key upload, key queries, one-time-key claims, to-device messages),
 * shares room keys before encrypting, and decrypts room events. One step at a time (a
 * lock), and the state is saved after every step that changed it, before anything leaves.
 */
export class E2eeEngine {
  private lock: Promise<unknown> = Promise.resolve();
  private readonly listeners: RoomKeysListener[] = [];

  constructor(
    private readonly store: CryptoStore,
    private readonly rooms: EncryptedRooms,
    private readonly http: CryptoHttp,
    private readonly log: Logger,
  ) {
    const machine = store.machine;
    // Missing keys are requested from the bot account's own other devices (the Rust crypto accepts
    // forwarded keys only from those); copbot itself forwards none.
    machine.roomKeyRequestsEnabled = true;
    machine.roomKeyForwardingEnabled = false;
    machine.registerRoomKeyUpdatedCallback(async (infos) => {
      const keys = infos.map((info) => ({ roomId: info.roomId.toString(), sessionId: info.sessionId }));
      for (const listener of this.listeners) listener(keys);
    });
    machine.registerUserIdentityUpdatedCallback(async (userId) => {
      // Runs inside a machine call: pin afterwards, outside of it.
      void Promise.resolve().then(() => this.pinIdentity(userId.toString()));
    });
  }

  private get machine(): OlmMachine {
    return this.store.machine;
  }

  get deviceId(): string {
    return this.machine.deviceId.toString();
  }

  /** The device's public Ed25519 key, as other clients show it. */
  get fingerprint(): string {
    return this.machine.identityKeys.ed25519.toBase64();
  }

  onRoomKeys(listener: RoomKeysListener): void {
    this.listeners.push(listener);
  }

  /** Uploads the device keys (on a new device) and whatever else is pending. */
  start(): Promise<void> {
    return this.exclusive(async () => {
      await this.flush(true);
    });
  }

  /** Hands the sync's crypto parts to the machine, then sends and saves what follows. */
  receiveSync(raw: unknown): Promise<void> {
    const sync = SyncCryptoSchema.safeParse(raw);
    if (!sync.success) return Promise.resolve();
    const { to_device, device_lists, device_one_time_keys_count, device_unused_fallback_key_types } =
      sync.data;
    const events = to_device?.events ?? [];
    const changed = device_lists?.changed ?? [];
    const left = device_lists?.left ?? [];
    return this.exclusive(async () => {
      await this.machine.receiveSyncChanges(
        JSON.stringify(events),
        new DeviceLists(
          changed.map((u) => new UserId(u)),
          left.map((u) => new UserId(u)),
        ),
        new Map(Object.entries(device_one_time_keys_count ?? {})),
        device_unused_fallback_key_types ? new Set(device_unused_fallback_key_types) : undefined,
      );
      const received = events.length > 0 || changed.length > 0 || left.length > 0;
      await this.flush(received);
    });
  }

  /**
   * Encrypts one event for a room: first makes sure every current device of the room's members
   * has the room key (device lists, Olm sessions, key sharing), then encrypts. A failure on the
   * way throws, and nothing is sent in clear.
   */
  async encrypt(roomId: string, type: string, content: unknown): Promise<Record<string, unknown>> {
    const recipients = await this.rooms.recipients(roomId);
    return this.exclusive(async () => {
      const users = (): UserId[] => recipients.users.map((u) => new UserId(u));
      await this.machine.updateTrackedUsers(users());
      await this.flush(false);
      const claim = await this.machine.getMissingSessions(users());
      if (claim) await sendRequest(this.machine, this.http, claim);
      const shares = await this.machine.shareRoomKey(new RoomId(roomId), users(), recipients.settings());
      for (const share of shares) await sendRequest(this.machine, this.http, share);
      const encrypted = await this.machine.encryptRoomEvent(
        new RoomId(roomId),
        type,
        JSON.stringify(content),
      );
      // Saved before the event leaves: a restart must never reuse a message index.
      await this.store.save();
      return z.record(z.string(), z.unknown()).parse(JSON.parse(encrypted));
    });
  }

  /** Decrypts a room event; on a missing key the machine also asks the sender's devices for it. */
  async decrypt(roomId: string, event: Record<string, unknown>): Promise<Decryption> {
    const wire = EncryptedContentSchema.safeParse(event.content);
    try {
      const result = await this.machine.decryptRoomEvent(
        JSON.stringify(event),
        new RoomId(roomId),
        // Trust on first use: events of unverified devices are read too.
        new DecryptionSettings(TrustRequirement.Untrusted),
      );
      const clear = ClearEventSchema.parse(JSON.parse(result.event));
      const relation = wire.data?.["m.relates_to"];
      const content =
        relation !== undefined && clear.content["m.relates_to"] === undefined
          ? { ...clear.content, "m.relates_to": relation }
          : clear.content;
      return { ok: true, event: { ...event, type: clear.type, content } };
    } catch (error) {
      if (!(error instanceof MegolmDecryptionError)) throw error;
      const waiting =
        error.code === DecryptionErrorCode.MissingRoomKey ||
        error.code === DecryptionErrorCode.UnknownMessageIndex;
      // The key request the machine queued goes out now.
      if (waiting) await this.exclusive(() => this.flush(true));
      return {
        ok: false,
        waiting,
        sessionId: wire.data?.session_id,
        withheld: error.withheldCode,
        reason: error.description,
      };
    }
  }

  /** Saves and frees the machine. */
  close(): Promise<void> {
    return this.exclusive(() => this.store.close());
  }

  /** Sends everything the machine asks for; saves when anything changed. */
  private async flush(changed: boolean): Promise<void> {
    let sent = false;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const requests = await this.machine.outgoingRequests();
      let progress = false;
      for (const request of requests) {
        try {
          progress = (await sendRequest(this.machine, this.http, request)) || progress;
        } catch (error) {
          // The machine keeps an unanswered request and offers it again after the next sync.
          this.log.warn(
            { err: error, request: request.constructor.name },
            "crypto request failed; retried later",
          );
        }
      }
      sent = sent || progress;
      if (!progress) break;
    }
    if (changed || sent) await this.store.save();
  }

  /**
   * Trust on first use: copbot accepts a member's cross-signing identity when it first sees it.
   * When the identity changes later, there is nobody to ask, so copbot logs it and accepts the
   * new one, and keeps encrypting for the person's devices.
   */
  private async pinIdentity(userId: string): Promise<void> {
    try {
      const identity = await this.machine.getIdentity(new UserId(userId));
      if (identity instanceof OtherUserIdentity && identity.identityNeedsUserApproval()) {
        this.log.warn({ userId }, "a member's encryption identity changed; copbot accepts the new one");
        await identity.pinCurrentMasterKey();
        await this.exclusive(() => this.store.save());
      }
    } catch (error) {
      this.log.warn({ err: error, userId }, "could not check a member's encryption identity");
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work);
    this.lock = next.catch(() => undefined);
    return next;
  }
}
