import {
  EncryptionAlgorithm,
  EncryptionSettings,
  HistoryVisibility,
  CollectStrategy,
} from "@matrix-org/matrix-sdk-crypto-wasm";
import { z } from "zod";
import type { CryptoHttp } from "./outgoing";

const CLIENT = "/_matrix/client/v3";
/** Matrix's defaults when `m.room.encryption` does not say: one week or 100 messages per session. */
const DEFAULT_ROTATION_MS = 7 * 24 * 3_600_000;
const DEFAULT_ROTATION_MSGS = 100;

const EncryptionSchema = z.object({
  algorithm: z.string(),
  rotation_period_ms: z.number().positive().optional(),
  rotation_period_msgs: z.number().int().positive().optional(),
});
type Encryption = z.infer<typeof EncryptionSchema>;

const MembersSchema = z.object({
  chunk: z.array(
    z
      .object({ state_key: z.string(), content: z.object({ membership: z.string() }).passthrough() })
      .passthrough(),
  ),
});
const VisibilitySchema = z.object({ history_visibility: z.string() });

/** A state event as it appears in a sync (only what matters for encryption). */
export interface StateEventLike {
  readonly type: string;
  readonly state_key?: string;
  readonly content: Record<string, unknown>;
}

/** Who gets a room's keys, and how the session is rotated. */
export interface Recipients {
  readonly users: string[];
  readonly settings: () => EncryptionSettings;
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "errcode" in error && error.errcode === "M_NOT_FOUND";
}

/**
 * What copbot knows about its rooms' encryption: whether a room is encrypted (once encrypted,
 * always encrypted), its rotation settings, history visibility and the members whose devices
 * receive the room key. The sync keeps it current: a membership or visibility change drops the
 * cached answer, so the next send shares the key with exactly the room's members.
 */
export class EncryptedRooms {
  private readonly encryption = new Map<string, Encryption | null>();
  private readonly members = new Map<string, string[]>();

  constructor(private readonly http: CryptoHttp) {}

  /** Updates the caches from a state event the sync delivered. */
  observe(roomId: string, event: StateEventLike): void {
    if (event.state_key === undefined) return;
    if (event.type === "m.room.encryption") {
      const parsed = EncryptionSchema.safeParse(event.content);
      if (parsed.success) this.encryption.set(roomId, parsed.data);
    }
    if (event.type === "m.room.member" || event.type === "m.room.history_visibility")
      this.members.delete(roomId);
  }

  async isEncrypted(roomId: string): Promise<boolean> {
    return (await this.encryptionOf(roomId)) !== undefined;
  }

  /** The room's members to share the key with: joined, and invited unless only joined members may read. */
  async recipients(roomId: string): Promise<Recipients> {
    const encryption = await this.encryptionOf(roomId);
    if (encryption === undefined) throw new Error(`room ${roomId} is not encrypted`);
    const visibility = await this.visibility(roomId);
    let users = this.members.get(roomId);
    if (users === undefined) {
      const wanted = visibility === HistoryVisibility.Joined ? ["join"] : ["join", "invite"];
      const all = MembersSchema.parse(
        await this.http("GET", `${CLIENT}/rooms/${encodeURIComponent(roomId)}/members`),
      );
      users = all.chunk.filter((m) => wanted.includes(m.content.membership)).map((m) => m.state_key);
      this.members.set(roomId, users);
    }
    return {
      users: [...users],
      settings: () => {
        const settings = new EncryptionSettings();
        settings.algorithm = EncryptionAlgorithm.MegolmV1AesSha2;
        settings.historyVisibility = visibility;
        // The machine counts in microseconds.
        settings.rotationPeriod = BigInt(encryption.rotation_period_ms ?? DEFAULT_ROTATION_MS) * 1000n;
        settings.rotationPeriodMessages = BigInt(encryption.rotation_period_msgs ?? DEFAULT_ROTATION_MSGS);
        // Trust on first use: every device of a member gets the key, no verification needed.
        settings.sharingStrategy = CollectStrategy.allDevices();
        return settings;
      },
    };
  }

  private async encryptionOf(roomId: string): Promise<Encryption | undefined> {
    const known = this.encryption.get(roomId);
    if (known !== undefined) return known ?? undefined;
    const content = await this.state(roomId, "m.room.encryption");
    const parsed = EncryptionSchema.safeParse(content);
    const value = parsed.success ? parsed.data : null;
    // Encryption cannot be switched off; switching it on shows up in the sync (`observe`).
    this.encryption.set(roomId, value);
    return value ?? undefined;
  }

  private async visibility(roomId: string): Promise<HistoryVisibility> {
    const parsed = VisibilitySchema.safeParse(await this.state(roomId, "m.room.history_visibility"));
    switch (parsed.data?.history_visibility) {
      case "joined":
        return HistoryVisibility.Joined;
      case "invited":
        return HistoryVisibility.Invited;
      case "world_readable":
        return HistoryVisibility.WorldReadable;
      default:
        return HistoryVisibility.Shared;
    }
  }

  private async state(roomId: string, type: string): Promise<unknown> {
    try {
      return await this.http("GET", `${CLIENT}/rooms/${encodeURIComponent(roomId)}/state/${type}/`);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
