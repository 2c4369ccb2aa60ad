import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import type { Logger } from "pino";
import { PlatformError } from "../../src/core/errors";
import type { Lang } from "../../src/i18n";
import { matrixText } from "./messages";
import { serverOf, stateContent } from "./directory";
import { SERVER_ENCRYPTION_SETTING, isEncrypted } from "./dm-rooms";
import { errcodeOf } from "./errors";

/** What working-group rooms need from the running adapter. */
export interface GroupRoomContext {
  client(): MatrixClient;
  botUserId(): string;
  spaceId(): string | undefined;
  readonly lang: Lang;
  readonly log: Logger;
  /** True while copbot reads and writes encrypted rooms: a room the server encrypted is fine then. */
  encryption(): boolean;
}

/**
 * Working-group rooms on Matrix: created private with the members invited, inside the
 * community space; people invited later or removed; closed for writing at the end. Ids here
 * are raw Matrix ids; the port translates from copbot ids.
 */
export class GroupRooms {
  constructor(private readonly ctx: GroupRoomContext) {}

  /**
   * Creates the room with the members invited in the same call (a failure later cannot leave a
   * half-invited room that a retry would duplicate). Without end-to-end encryption, a homeserver
   * that encrypts new rooms makes the room useless to copbot: the invitations are withdrawn, copbot leaves, and the error
   * names the server setting so the facilitator can pass it on to the server's admins.
   */
  async create(spec: { name: string; topic: string; invite: readonly string[] }): Promise<string> {
    const client = this.ctx.client();
    const spaceId = this.ctx.spaceId();
    const via = [serverOf(this.ctx.botUserId())];
    const roomId = await client.createRoom({
      preset: "private_chat",
      visibility: "private",
      name: spec.name,
      topic: spec.topic,
      invite: [...spec.invite],
      initial_state: spaceId
        ? [{ type: "m.space.parent", state_key: spaceId, content: { via, canonical: true } }]
        : [],
    });
    if (!this.ctx.encryption() && (await isEncrypted(client, roomId))) {
      await this.abandon(roomId, spec.invite);
      throw new PlatformError(
        `matrix create room: the homeserver encrypted the new room "${spec.name}" by default ` +
          `(Synapse ${SERVER_ENCRYPTION_SETTING}), and copbot cannot read encrypted rooms; ` +
          `ask the server's admins to set ${SERVER_ENCRYPTION_SETTING}: off`,
        false,
      );
    }
    if (spaceId !== undefined) {
      try {
        await client.sendStateEvent(spaceId, "m.space.child", roomId, { via, suggested: false });
      } catch (error) {
        // The room exists and the members are invited; a missing space link must not recreate it.
        this.ctx.log.warn(
          { err: error, roomId, spaceId },
          "could not add the room to the space (power level?)",
        );
      }
    }
    return roomId;
  }

  async invite(roomId: string, userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) {
      try {
        await this.ctx.client().inviteUser(userId, roomId);
      } catch (error) {
        // Inviting someone who is already there is not a failure.
        if (errcodeOf(error) !== "M_FORBIDDEN" || !/already/i.test(String((error as Error).message)))
          throw error;
      }
    }
  }

  /** Kicks a member (or withdraws their invitation); someone already gone is left alone. */
  async remove(roomId: string, userId: string): Promise<void> {
    const member = await stateContent(this.ctx.client(), roomId, "m.room.member", userId);
    if (member?.membership !== "join" && member?.membership !== "invite") return;
    await this.ctx.client().kickUser(userId, roomId, matrixText(this.ctx.lang)("matrix.kick.left"));
  }

  async archive(roomId: string): Promise<void> {
    const client = this.ctx.client();
    const text = matrixText(this.ctx.lang)("matrix.archived");
    await client.sendMessage(roomId, { msgtype: "m.notice", body: text, "m.mentions": {} });
    const levels = (await stateContent(client, roomId, "m.room.power_levels")) ?? {};
    await client.sendStateEvent(roomId, "m.room.power_levels", "", { ...levels, events_default: 100 });
  }

  /** Withdraws every invitation to a room copbot cannot use, then leaves it. */
  private async abandon(roomId: string, invited: readonly string[]): Promise<void> {
    const client = this.ctx.client();
    try {
      for (const userId of invited)
        await client.kickUser(userId, roomId, matrixText(this.ctx.lang)("matrix.encryptedRoom"));
      await client.leaveRoom(roomId);
    } catch (error) {
      this.ctx.log.warn({ err: error, roomId }, "could not withdraw the invitations to an encrypted room");
    }
  }
}
