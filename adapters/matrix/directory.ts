import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import type { Clock } from "../../src/core/clock";
import { qualify, splitId } from "../../src/core/ids";
import type { UserInfo } from "../../src/core/port";
import type { Role } from "../../src/core/roles";
import { errcodeOf, guard } from "./errors";
import { MemberContentSchema, PowerLevelsSchema, ProfileSchema } from "./event-schema";
import { parseMatrixTo } from "./html";

/** Power levels are re-read at the latest after this long, even without a change in the sync. */
const POWER_LEVELS_TTL_MS = 5 * 60_000;
/** The power level Element calls "Moderator"; from here on a member moderates copbot too. */
const MODERATOR_LEVEL = 50;

/** Reads a state event's content; undefined when the room has no such state. */
export async function stateContent(
  client: MatrixClient,
  roomId: string,
  type: string,
  stateKey = "",
): Promise<Record<string, unknown> | undefined> {
  try {
    const content: unknown = await client.getRoomStateEvent(roomId, type, stateKey);
    return typeof content === "object" && content !== null ? (content as Record<string, unknown>) : undefined;
  } catch (error) {
    if (errcodeOf(error) === "M_NOT_FOUND") return undefined;
    throw error;
  }
}

/** The server part of a Matrix id (`example.org` of `@anna:example.org`). */
export function serverOf(id: string): string {
  return id.slice(id.indexOf(":") + 1);
}

/** The Matrix id a reference stands for, after unwrapping copbot ids and matrix.to links. */
function unwrap(ref: string): string | undefined {
  const trimmed = ref.trim();
  // A link first: `https://matrix.to/…` would otherwise read as an id of a platform "https".
  const linked = parseMatrixTo(trimmed);
  if (linked !== undefined) return linked;
  const split = splitId(trimmed);
  if (split) return split.platform === "matrix" ? split.raw : undefined;
  return trimmed;
}

/**
 * Who and what is where on the homeserver: display names, room names, power levels, and the
 * resolution of what people type (`#fragen`, `@ben`) into ids. Answers are cached; the adapter
 * drops cached entries when the sync shows a change.
 */
export class MatrixDirectory {
  private readonly names = new Map<string, string>();
  private readonly roomNames = new Map<string, string>();
  private powerLevels: { at: number; users: Record<string, number>; usersDefault: number } | undefined;

  constructor(
    private readonly client: () => MatrixClient,
    private readonly clock: Clock,
    private readonly communityRoomId: () => string | undefined,
  ) {}

  /** Remembers a display name seen in a membership event. */
  noteName(userId: string, name: string | null | undefined): void {
    if (name) this.names.set(userId, name);
  }

  /** Forgets cached power levels and room names after the sync shows them changed. */
  stateChanged(roomId: string, type: string): void {
    if (type === "m.room.power_levels" && roomId === this.communityRoomId()) this.powerLevels = undefined;
    if (type === "m.room.name" || type === "m.room.canonical_alias") this.roomNames.delete(roomId);
  }

  /** A member's display name in a room (falls back to the global profile). */
  async displayName(roomId: string, userId: string): Promise<string | undefined> {
    const cached = this.names.get(userId);
    if (cached !== undefined) return cached;
    const member = MemberContentSchema.safeParse(
      await stateContent(this.client(), roomId, "m.room.member", userId),
    );
    const name = member.success ? member.data.displayname : (await this.profile(userId))?.displayName;
    this.noteName(userId, name);
    return name ?? undefined;
  }

  /** A room's name, else its canonical alias, else its id. */
  async roomName(roomId: string): Promise<string> {
    const cached = this.roomNames.get(roomId);
    if (cached !== undefined) return cached;
    const name = await stateContent(this.client(), roomId, "m.room.name");
    const alias = await stateContent(this.client(), roomId, "m.room.canonical_alias");
    const result =
      typeof name?.name === "string" && name.name !== ""
        ? name.name
        : typeof alias?.alias === "string"
          ? (alias.alias.replace(/^#/, "").split(":")[0] ?? roomId)
          : roomId;
    this.roomNames.set(roomId, result);
    return result;
  }

  private async profile(userId: string): Promise<UserInfo | undefined> {
    try {
      const profile = ProfileSchema.safeParse(await this.client().getUserProfile(userId));
      if (!profile.success) return undefined;
      const tz = profile.data["m.tz"] ?? profile.data["us.cloke.msc4175.tz"];
      return {
        ...(profile.data.displayname ? { displayName: profile.data.displayname } : {}),
        ...(tz !== undefined ? { timeZone: tz } : {}),
      };
    } catch (error) {
      if (errcodeOf(error) === "M_NOT_FOUND") return undefined;
      throw error;
    }
  }

  /** Profile data for a copbot user id. */
  userInfo(userId: string): Promise<UserInfo | undefined> {
    const raw = unwrap(userId);
    if (raw === undefined) return Promise.resolve(undefined);
    return guard("profile", () => this.profile(raw));
  }

  /** `!room:server`, `#alias:server`, a matrix.to link, or `#name` of a joined room. */
  resolveChannel(ref: string): Promise<string | undefined> {
    return guard("resolve room", async () => {
      const id = unwrap(ref);
      if (id === undefined) return undefined;
      if (/^![^:\s]+:\S+$/.test(id)) return qualify("matrix", id);
      if (/^#[^:\s]+:\S+$/.test(id)) {
        try {
          return qualify("matrix", await this.client().resolveRoom(id));
        } catch (error) {
          if (errcodeOf(error) === "M_NOT_FOUND") return undefined;
          throw error;
        }
      }
      const wanted = id.replace(/^#/, "").toLowerCase();
      if (wanted === "") return undefined;
      for (const roomId of await this.client().getJoinedRooms()) {
        if ((await this.roomName(roomId)).toLowerCase() === wanted) return qualify("matrix", roomId);
      }
      return undefined;
    });
  }

  /** `@user:server`, a pill link, or `@name` / `name` matched against the community room's members. */
  resolveUser(ref: string): Promise<string | undefined> {
    return guard("resolve user", async () => {
      const id = unwrap(ref);
      if (id === undefined) return undefined;
      if (/^@[^:\s]+:\S+$/.test(id)) return qualify("matrix", id);
      const wanted = id.replace(/^@/, "").toLowerCase();
      const community = this.communityRoomId();
      if (wanted === "" || community === undefined) return undefined;
      const joined = (await this.client().getJoinedRoomMembersWithProfiles(community)) as Record<
        string,
        { display_name?: string }
      >;
      const match = Object.entries(joined).find(
        ([userId, profile]) =>
          profile.display_name?.toLowerCase() === wanted ||
          userId.slice(1).split(":")[0]?.toLowerCase() === wanted,
      );
      return match ? qualify("matrix", match[0]) : undefined;
    });
  }

  /**
   * The role the community room grants: a power level of 50 or more makes a moderator, and
   * nothing more. Admins come from `COPBOT_ADMINS` only: room power levels are handed out for
   * room moderation, not for running copbot. Only the configured community room counts: anyone
   * can create a room of their own and be its admin, so other rooms' power levels grant nothing.
   */
  platformRole(userId: string): Promise<Role | undefined> {
    return guard("power levels", async () => {
      const raw = unwrap(userId);
      const community = this.communityRoomId();
      if (raw === undefined || community === undefined) return undefined;
      const now = this.clock.now().getTime();
      if (!this.powerLevels || now - this.powerLevels.at > POWER_LEVELS_TTL_MS) {
        const parsed = PowerLevelsSchema.safeParse(
          (await stateContent(this.client(), community, "m.room.power_levels")) ?? {},
        );
        const levels = parsed.success ? parsed.data : { users: {}, users_default: 0 };
        this.powerLevels = { at: now, users: levels.users, usersDefault: levels.users_default };
      }
      const level = this.powerLevels.users[raw] ?? this.powerLevels.usersDefault;
      return level >= MODERATOR_LEVEL ? "moderator" : undefined;
    });
  }
}
