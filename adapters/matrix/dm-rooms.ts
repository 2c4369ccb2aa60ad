import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import { z } from "zod";
import { stateContent } from "./directory";

const DirectSchema = z.record(z.string(), z.array(z.string()));

/**
 * copbot's DM room with a person: an existing DM from `m.direct` that both are in and that is
 * not encrypted (copbot could not read the answers there), else a new unencrypted DM, which is
 * then recorded in `m.direct` as Matrix clients expect.
 */
export class DmRooms {
  private readonly known = new Map<string, string>();

  constructor(private readonly client: () => MatrixClient) {}

  async roomFor(userId: string): Promise<string> {
    const known = this.known.get(userId);
    if (known !== undefined) return known;
    const client = this.client();
    const direct = DirectSchema.safeParse(await client.getSafeAccountData("m.direct", {}));
    const map = direct.success ? direct.data : {};
    const candidates = map[userId] ?? [];
    const joined = new Set(await client.getJoinedRooms());
    let roomId: string | undefined;
    for (const candidate of candidates) {
      if (joined.has(candidate) && (await this.usable(candidate, userId))) {
        roomId = candidate;
        break;
      }
    }
    if (roomId === undefined) {
      roomId = await client.createRoom({ invite: [userId], is_direct: true, preset: "trusted_private_chat" });
      await client.setAccountData("m.direct", { ...map, [userId]: [roomId, ...candidates] });
      await client.dms.update();
    }
    this.known.set(userId, roomId);
    return roomId;
  }

  /** The person is still in (or invited to) the room, and the room is not encrypted. */
  private async usable(roomId: string, userId: string): Promise<boolean> {
    const member = await stateContent(this.client(), roomId, "m.room.member", userId);
    const membership = member?.membership;
    if (membership !== "join" && membership !== "invite") return false;
    return (await stateContent(this.client(), roomId, "m.room.encryption")) === undefined;
  }
}
