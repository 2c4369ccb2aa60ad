import {
  DecryptionSettings,
  DeviceId,
  DeviceLists,
  EncryptionSettings,
  KeysClaimRequest,
  KeysQueryRequest,
  KeysUploadRequest,
  OlmMachine,
  RoomId,
  SignatureUploadRequest,
  ToDeviceRequest,
  TrustRequirement,
  UserId,
} from "@matrix-org/matrix-sdk-crypto-wasm";
import type { FakeHomeserver } from "./matrix-homeserver";
import type { HsEvent } from "./matrix-rooms";

type Json = Record<string, unknown>;
type MachineRequest = Awaited<ReturnType<OlmMachine["outgoingRequests"]>>[number];

/** A decrypted room event as the member's client shows it. */
export interface ClearEvent {
  readonly eventId: string;
  readonly type: string;
  readonly content: Json;
}

/**
 * A room member with a real Olm machine (the WASM crypto, in memory), as Element would be:
 * it uploads its device keys to the stand-in, shares its room keys with the room's devices,
 * sends encrypted events and decrypts what copbot sends. It talks to the stand-in's key model
 * directly, in-process, the way the stand-in's HTTP routes do for the bot.
 */
export class E2eeMember {
  private since: number | undefined;

  private constructor(
    private readonly hs: FakeHomeserver,
    readonly userId: string,
    readonly deviceId: string,
    private readonly machine: OlmMachine,
  ) {}

  static async create(hs: FakeHomeserver, userId: string, deviceId = "PHONE"): Promise<E2eeMember> {
    const machine = await OlmMachine.initialize(new UserId(userId), new DeviceId(deviceId));
    const member = new E2eeMember(hs, userId, deviceId, machine);
    await member.flush();
    return member;
  }

  /** Receives the member's to-device messages and device-list changes, like a sync. */
  async sync(): Promise<void> {
    const part = this.hs.keys.syncFor(this.userId, this.deviceId, this.since) as {
      to_device: { events: unknown[] };
      device_lists: { changed: string[] };
      device_one_time_keys_count: Record<string, number>;
    };
    this.since = this.hs.store.pos;
    await this.machine.receiveSyncChanges(
      JSON.stringify(part.to_device.events),
      new DeviceLists(part.device_lists.changed.map((u) => new UserId(u))),
      new Map(Object.entries(part.device_one_time_keys_count)),
      new Set(["signed_curve25519"]),
    );
    await this.flush();
  }

  /**
   * Sends an encrypted event into a room: the room key goes first to every device of the
   * room's members (held back in transit while the stand-in is `holding`).
   */
  async send(roomId: string, type: string, content: Json): Promise<string> {
    await this.sync();
    const room = this.hs.mustRoom(roomId);
    const members = [...room.members("join"), ...room.members("invite")];
    const users = (): UserId[] => members.map((u) => new UserId(u));
    await this.machine.updateTrackedUsers(users());
    await this.flush();
    const claim = await this.machine.getMissingSessions(users());
    if (claim) await this.answer(claim);
    const shares = await this.machine.shareRoomKey(new RoomId(roomId), users(), new EncryptionSettings());
    for (const share of shares) await this.answer(share);
    const encrypted = await this.machine.encryptRoomEvent(new RoomId(roomId), type, JSON.stringify(content));
    return this.hs.send(roomId, this.userId, "m.room.encrypted", JSON.parse(encrypted) as Json);
  }

  /** Sends an encrypted `m.text` message, optionally in a thread. */
  say(roomId: string, body: string, thread?: string): Promise<string> {
    return this.send(roomId, "m.room.message", {
      msgtype: "m.text",
      body,
      ...(thread
        ? {
            "m.relates_to": { rel_type: "m.thread", event_id: thread, "m.in_reply_to": { event_id: thread } },
          }
        : {}),
    });
  }

  /** Reacts (encrypted) to an event. */
  react(roomId: string, eventId: string, key: string): Promise<string> {
    return this.send(roomId, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: eventId, key },
    });
  }

  /** Decrypts one event; throws when the member cannot. */
  async decrypt(roomId: string, event: HsEvent): Promise<ClearEvent> {
    await this.sync();
    const result = await this.machine.decryptRoomEvent(
      JSON.stringify(event),
      new RoomId(roomId),
      new DecryptionSettings(TrustRequirement.Untrusted),
    );
    const clear = JSON.parse(result.event) as { type: string; content: Json };
    return { eventId: event.event_id, type: clear.type, content: clear.content };
  }

  /** Every event copbot sent into the room, decrypted; throws if one was not encrypted or cannot be read. */
  async readFromBot(roomId: string): Promise<ClearEvent[]> {
    const out: ClearEvent[] = [];
    for (const { event } of this.hs.mustRoom(roomId).timeline) {
      if (event.sender !== this.hs.botUserId || event.state_key !== undefined) continue;
      if (event.type !== "m.room.encrypted")
        throw new Error(`copbot sent ${event.type} in clear into ${roomId}`);
      out.push(await this.decrypt(roomId, event));
    }
    return out;
  }

  /** The last event copbot sent into the room, decrypted. */
  async lastFromBot(roomId: string): Promise<ClearEvent> {
    const events = this.hs.mustRoom(roomId).timeline.map((p) => p.event);
    const last = events.filter((e) => e.sender === this.hs.botUserId && e.state_key === undefined).at(-1);
    if (!last) throw new Error(`copbot sent nothing into ${roomId}`);
    return this.decrypt(roomId, last);
  }

  close(): void {
    this.machine.close();
  }

  private async flush(): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
      const requests = await this.machine.outgoingRequests();
      if (requests.length === 0) return;
      for (const request of requests) await this.answer(request);
    }
  }

  private async answer(request: MachineRequest): Promise<void> {
    const body = JSON.parse(request.body) as Json;
    const keys = this.hs.keys;
    let response: unknown = {};
    if (request instanceof KeysUploadRequest) response = keys.upload(this.userId, this.deviceId, body);
    else if (request instanceof KeysQueryRequest) response = keys.query(body);
    else if (request instanceof KeysClaimRequest) response = keys.claim(body);
    else if (request instanceof ToDeviceRequest)
      keys.sendToDevice(this.userId, request.event_type, body.messages as Json);
    else if (request instanceof SignatureUploadRequest) response = keys.uploadSignatures(body);
    else return;
    if (request.id !== undefined)
      await this.machine.markRequestAsSent(request.id, request.type, JSON.stringify(response));
  }
}
