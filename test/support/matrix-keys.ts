/**
 * The end-to-end encryption part of the stand-in homeserver: device keys, one-time and fallback
 * keys, cross-signing keys, to-device inboxes and device-list changes, on the same stream
 * position as the rooms, so a to-device message wakes a waiting sync like a room event does.
 */

/** A to-device event as `/sync` delivers it. */
export interface ToDeviceEvent {
  readonly sender: string;
  readonly type: string;
  readonly content: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

const at = (userId: string, deviceId: string): string => `${userId}|${deviceId}`;

export class HsKeys {
  /** Uploaded device keys: user → device → keys. */
  readonly devices = new Map<string, Map<string, Json>>();
  /** Every to-device message sent, in order (tests look at key requests and key shares). */
  readonly toDeviceLog: { sender: string; to: string; deviceId: string; type: string }[] = [];
  /** While true, to-device messages are held back ("in transit") until `release()`. */
  holding = false;
  private readonly oneTime = new Map<string, Map<string, unknown>>();
  private readonly fallback = new Map<string, Map<string, unknown>>();
  private readonly inboxes = new Map<string, { pos: number; event: ToDeviceEvent }[]>();
  private readonly changes: { pos: number; userId: string }[] = [];
  private readonly crossSigning = new Map<string, Map<string, Json>>();
  private held: { userId: string; deviceId: string; event: ToDeviceEvent }[] = [];

  /** `advance` moves the shared stream one step and returns the new position; `wake` answers waiting syncs. */
  constructor(
    private readonly advance: () => number,
    private readonly wake: () => void,
  ) {}

  /** `POST /keys/upload` of one device. */
  upload(userId: string, deviceId: string, body: Json): Json {
    const keys = obj(body.device_keys);
    if (Object.keys(keys).length > 0) {
      const devices = this.devices.get(userId) ?? new Map<string, Json>();
      devices.set(deviceId, keys);
      this.devices.set(userId, devices);
      this.changed(userId);
    }
    const mine = this.oneTime.get(at(userId, deviceId)) ?? new Map<string, unknown>();
    for (const [id, key] of Object.entries(obj(body.one_time_keys))) mine.set(id, key);
    this.oneTime.set(at(userId, deviceId), mine);
    const fallbacks = Object.entries(obj(body.fallback_keys));
    if (fallbacks.length > 0) this.fallback.set(at(userId, deviceId), new Map(fallbacks));
    return { one_time_key_counts: { signed_curve25519: mine.size } };
  }

  /** `POST /keys/query`: device keys plus cross-signing keys of the users asked for. */
  query(body: Json): Json {
    const device_keys: Json = {};
    const master_keys: Json = {};
    const self_signing_keys: Json = {};
    const user_signing_keys: Json = {};
    for (const [userId, wanted] of Object.entries(obj(body.device_keys))) {
      const only = Array.isArray(wanted) && wanted.length > 0 ? new Set(wanted.map(String)) : undefined;
      const devices: Json = {};
      for (const [deviceId, keys] of this.devices.get(userId) ?? []) {
        if (!only || only.has(deviceId)) devices[deviceId] = keys;
      }
      device_keys[userId] = devices;
      const signing = this.crossSigning.get(userId);
      if (signing?.get("master")) master_keys[userId] = signing.get("master");
      if (signing?.get("self_signing")) self_signing_keys[userId] = signing.get("self_signing");
      if (signing?.get("user_signing")) user_signing_keys[userId] = signing.get("user_signing");
    }
    return { device_keys, master_keys, self_signing_keys, user_signing_keys, failures: {} };
  }

  /** `POST /keys/claim`: one one-time key per device, else its fallback key. */
  claim(body: Json): Json {
    const one_time_keys: Json = {};
    for (const [userId, wanted] of Object.entries(obj(body.one_time_keys))) {
      const result: Json = {};
      for (const deviceId of Object.keys(obj(wanted))) {
        const keys = this.oneTime.get(at(userId, deviceId));
        const first = keys?.entries().next().value;
        if (keys && first) {
          keys.delete(first[0]);
          result[deviceId] = { [first[0]]: first[1] };
          continue;
        }
        const fallback = this.fallback.get(at(userId, deviceId))?.entries().next().value;
        if (fallback) result[deviceId] = { [fallback[0]]: fallback[1] };
      }
      one_time_keys[userId] = result;
    }
    return { one_time_keys, failures: {} };
  }

  /** `PUT /sendToDevice/{type}/{txn}` from `sender`; `*` reaches every device of a user. */
  sendToDevice(sender: string, type: string, messages: Json): void {
    for (const [userId, perDevice] of Object.entries(messages)) {
      for (const [target, content] of Object.entries(obj(perDevice))) {
        const deviceIds = target === "*" ? [...(this.devices.get(userId)?.keys() ?? [])] : [target];
        for (const deviceId of deviceIds) {
          this.toDeviceLog.push({ sender, to: userId, deviceId, type });
          const event = { sender, type, content: obj(content) };
          if (this.holding) this.held.push({ userId, deviceId, event });
          else this.deliver(userId, deviceId, event);
        }
      }
    }
    this.wake();
  }

  /** Delivers the held to-device messages now. */
  release(): void {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const { userId, deviceId, event } of held) this.deliver(userId, deviceId, event);
    this.wake();
  }

  /** `POST /keys/device_signing/upload`: a user's cross-signing keys. */
  uploadSigningKeys(userId: string, body: Json): void {
    const keys = this.crossSigning.get(userId) ?? new Map<string, Json>();
    for (const name of ["master", "self_signing", "user_signing"]) {
      const key = obj(body[`${name}_key`]);
      if (Object.keys(key).length > 0) keys.set(name, key);
    }
    this.crossSigning.set(userId, keys);
    this.changed(userId);
  }

  /** `POST /keys/signatures/upload`: signatures merged into the device or cross-signing keys they sign. */
  uploadSignatures(body: Json): Json {
    for (const [userId, signed] of Object.entries(body)) {
      for (const [keyId, object] of Object.entries(obj(signed))) {
        const target =
          this.devices.get(userId)?.get(keyId) ??
          [...(this.crossSigning.get(userId)?.values() ?? [])].find((k) =>
            Object.keys(obj(k.keys)).some((id) => id.endsWith(`:${keyId}`)),
          );
        if (!target) continue;
        const signatures = obj(target.signatures);
        for (const [signer, sigs] of Object.entries(obj(obj(object).signatures)))
          signatures[signer] = { ...obj(signatures[signer]), ...obj(sigs) };
        target.signatures = signatures;
      }
      this.changed(userId);
    }
    return { failures: {} };
  }

  /** Removes a device and its keys (`DELETE /devices/{id}`). */
  deleteDevice(userId: string, deviceId: string): void {
    this.devices.get(userId)?.delete(deviceId);
    this.oneTime.delete(at(userId, deviceId));
    this.fallback.delete(at(userId, deviceId));
    this.changed(userId);
  }

  /**
   * The crypto part of a sync for one device since `since` (undefined: initial sync). To-device
   * messages up to `since` were seen by the client and are dropped, as the spec says.
   */
  syncFor(userId: string, deviceId: string, since: number | undefined): Json {
    const inbox = (this.inboxes.get(at(userId, deviceId)) ?? []).filter(
      (m) => since === undefined || m.pos > since,
    );
    this.inboxes.set(at(userId, deviceId), inbox);
    const changed =
      since === undefined ? [] : [...new Set(this.changes.filter((c) => c.pos > since).map((c) => c.userId))];
    return {
      to_device: { events: inbox.map((m) => m.event) },
      device_lists: { changed, left: [] },
      device_one_time_keys_count: { signed_curve25519: this.oneTime.get(at(userId, deviceId))?.size ?? 0 },
      device_unused_fallback_key_types: this.fallback.has(at(userId, deviceId)) ? ["signed_curve25519"] : [],
    };
  }

  private deliver(userId: string, deviceId: string, event: ToDeviceEvent): void {
    const inbox = this.inboxes.get(at(userId, deviceId)) ?? [];
    inbox.push({ pos: this.advance(), event });
    this.inboxes.set(at(userId, deviceId), inbox);
  }

  private changed(userId: string): void {
    this.changes.push({ pos: this.advance(), userId });
    this.wake();
  }
}
