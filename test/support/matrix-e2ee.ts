import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ANNA, BEN, BOT, CARLA } from "./matrix-harness";
import { startMatrixApp, type MatrixApp } from "./matrix-app";
import { FakeHomeserver } from "./matrix-homeserver";
import { E2eeMember } from "./matrix-member";

export const E2EE_START = "2026-11-30T09:00:00+01:00";
export const PASSPHRASE = "correct horse battery staple";

/**
 * The community room, encrypted, with Anna, Ben and Carla; the homeserver encrypts every new
 * room too, DMs included, as BundesMessenger and openDesk do.
 */
export function encryptedCommunity(hs: FakeHomeserver): Record<string, string> {
  const community = hs.createRoom({
    creator: ANNA,
    members: [BEN, CARLA],
    botJoined: true,
    name: "fragen",
    encrypted: true,
    ts: new Date(E2EE_START).getTime() - 3_600_000,
  });
  hs.store.aliases.set("#fragen:example.org", community);
  hs.encryptNewRooms = true;
  return { community };
}

/**
 * copbot with encryption on, in a data folder of its own, against a stand-in homeserver that
 * outlives restarts; members with their own Olm machines play the people.
 */
export class E2eeWorld {
  app!: MatrixApp & { rooms: Record<string, string> };
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "copbot-e2ee-"));
  private rooms: Record<string, string> | undefined;
  private readonly members: E2eeMember[] = [];

  private constructor(readonly hs: FakeHomeserver) {}

  static async create(): Promise<E2eeWorld> {
    return new E2eeWorld(await FakeHomeserver.start({ botUserId: BOT }));
  }

  get room(): string {
    return this.app.rooms.community ?? "";
  }

  /** Starts copbot; a later start is a restart on the same data folder and homeserver. */
  async start(env: Record<string, string> = {}): Promise<void> {
    this.app = await startMatrixApp({
      start: E2EE_START,
      dataDir: this.dir,
      hs: this.hs,
      env: {
        MATRIX_CRYPTO_PASSPHRASE: PASSPHRASE,
        COPBOT_ADMINS: `matrix:${ANNA}`,
        MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org",
        ...env,
      },
      prepare: (hs) => (this.rooms ??= encryptedCommunity(hs)),
    });
  }

  async member(user: string): Promise<E2eeMember> {
    const created = await E2eeMember.create(this.hs, user);
    this.members.push(created);
    return created;
  }

  /** copbot's DM room with a person, as recorded in its `m.direct`. */
  dmOf(user: string): string {
    return (
      (this.hs.store.accountData.get("m.direct") as Record<string, string[]> | undefined)?.[user]?.[0] ?? ""
    );
  }

  /** The sealed crypto state file. */
  get storeFile(): string {
    return path.join(this.dir, "matrix", "crypto.store");
  }

  async close(): Promise<void> {
    await this.app.stop();
    await this.hs.close();
    for (const member of this.members.splice(0)) member.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
