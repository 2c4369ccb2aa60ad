import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import { z } from "zod";
import { PlatformError } from "../../src/core/errors";
import { stateContent } from "./directory";

const DirectSchema = z.record(z.string(), z.array(z.string()));

/** How long one reading of `m.direct` and the joined rooms serves further lookups. */
const SNAPSHOT_MS = 30_000;

interface DmView {
  readonly direct: Readonly<Record<string, readonly string[]>>;
  readonly joined: ReadonlySet<string>;
}

/** The Synapse setting that makes a homeserver encrypt new rooms, named in errors and the docs. */
export const SERVER_ENCRYPTION_SETTING = "encryption_enabled_by_default_for_room_type";

/**
 * copbot cannot have an unencrypted DM with this person: the homeserver encrypts every new
 * room. Permanent until the server setting changes, so the outbox does not retry.
 */
export class EncryptedDmError extends PlatformError {
  constructor(userId: string) {
    super(
      `matrix DM with ${userId}: the homeserver encrypts new rooms (Synapse ${SERVER_ENCRYPTION_SETTING}), ` +
        "and copbot cannot read encrypted rooms",
      false,
    );
  }
}

/** True when the room has end-to-end encryption switched on. */
export async function isEncrypted(client: MatrixClient, roomId: string): Promise<boolean> {
  return (await stateContent(client, roomId, "m.room.encryption")) !== undefined;
}

/**
 * copbot's DM room with a person: an existing DM from `m.direct` that both are in, else a new
 * DM, which is then recorded in `m.direct` as Matrix clients expect. Without end-to-end
 * encryption, encrypted DMs are passed over (copbot could not read the answers there).
 */
export class DmRooms {
  private readonly known = new Map<string, string>();
  /** DMs created but not yet recorded in `m.direct` (the write failed; the next send retries it). */
  private readonly unrecorded = new Set<string>();
  /** Set once a new DM came back encrypted: the server does that to every new room. */
  private serverEncrypts = false;

  /**
   * `m.direct` and the joined rooms, read once for a burst of lookups: a fan-out to thousands
   * of members must not read both lists (each as long as the membership) once per member.
   */
  private snapshot: { at: number; view: Promise<DmView> } | undefined;

  constructor(
    private readonly client: () => MatrixClient,
    /** True while copbot reads and writes encrypted rooms. */
    private readonly encryption: () => boolean = () => false,
    private readonly now: () => number = Date.now,
  ) {}

  /** The DM room to write to; throws `EncryptedDmError` when the homeserver allows none copbot can read. */
  async roomFor(userId: string): Promise<string> {
    const known = this.known.get(userId);
    if (known !== undefined) {
      if (this.unrecorded.has(userId)) await this.record(userId, known);
      return known;
    }
    const found = (await this.existing(userId, false)) ?? (await this.existing(userId, true));
    if (found !== undefined) {
      this.known.set(userId, found);
      return found;
    }
    return this.create(userId);
  }

  /**
   * The person wrote to copbot in this DM room: from now on their answers go there, and it
   * is listed first in `m.direct` (someone who opens a new DM expects the answers in it).
   */
  async use(userId: string, roomId: string): Promise<void> {
    if (this.known.get(userId) === roomId && !this.unrecorded.has(userId)) return;
    this.known.set(userId, roomId);
    this.unrecorded.add(userId);
    const { direct } = await this.view(false);
    if (direct[userId]?.[0] === roomId) this.unrecorded.delete(userId);
    else await this.record(userId, roomId);
  }

  /** A usable DM listed in `m.direct`; before creating a new one, the lists are read fresh. */
  private async existing(userId: string, fresh: boolean): Promise<string | undefined> {
    const { direct, joined } = await this.view(fresh);
    for (const candidate of direct[userId] ?? []) {
      if (joined.has(candidate) && (await this.usable(candidate, userId))) return candidate;
    }
    return undefined;
  }

  private view(fresh: boolean): Promise<DmView> {
    const now = this.now();
    if (fresh || !this.snapshot || now - this.snapshot.at > SNAPSHOT_MS) {
      const client = this.client();
      const view = Promise.all([client.getSafeAccountData("m.direct", {}), client.getJoinedRooms()]).then(
        ([direct, joined]) => ({
          direct: DirectSchema.safeParse(direct).data ?? {},
          joined: new Set(joined),
        }),
      );
      this.snapshot = { at: now, view };
      // A failed read is not kept: the next lookup tries again.
      view.catch(() => {
        if (this.snapshot?.view === view) this.snapshot = undefined;
      });
    }
    return this.snapshot.view;
  }

  private async create(userId: string): Promise<string> {
    if (this.serverEncrypts) throw new EncryptedDmError(userId);
    const client = this.client();
    const roomId = await client.createRoom({
      invite: [userId],
      is_direct: true,
      preset: "trusted_private_chat",
    });
    // Kept before anything else can fail: a retried send must reuse this room, not open a second one.
    this.known.set(userId, roomId);
    this.unrecorded.add(userId);
    if (!this.encryption() && (await isEncrypted(client, roomId))) {
      this.known.delete(userId);
      this.unrecorded.delete(userId);
      this.serverEncrypts = true;
      throw new EncryptedDmError(userId);
    }
    await this.record(userId, roomId);
    return roomId;
  }

  /** Lists the room first among the person's DMs in `m.direct`, read fresh so no other entry is lost. */
  private async record(userId: string, roomId: string): Promise<void> {
    const client = this.client();
    const direct = DirectSchema.safeParse(await client.getSafeAccountData("m.direct", {}));
    const map = direct.success ? direct.data : {};
    const others = (map[userId] ?? []).filter((id) => id !== roomId);
    await client.setAccountData("m.direct", { ...map, [userId]: [roomId, ...others] });
    this.unrecorded.delete(userId);
    await client.dms.update();
  }

  /** The person is still in (or invited to) the room, and copbot can read it. */
  private async usable(roomId: string, userId: string): Promise<boolean> {
    const member = await stateContent(this.client(), roomId, "m.room.member", userId);
    const membership = member?.membership;
    if (membership !== "join" && membership !== "invite") return false;
    return this.encryption() || !(await isEncrypted(this.client(), roomId));
  }
}
