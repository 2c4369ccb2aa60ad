import path from "node:path";
import type { MatrixClient } from "@vector-im/matrix-bot-sdk";
import type { Logger } from "pino";
import type { MatrixConfig } from "./config";
import { CatchUp } from "./catch-up";
import type { Clock } from "../../src/core/clock";
import { ConfigError } from "../../src/core/errors";
import type { CoreEvent } from "../../src/core/events";
import type { Adapter } from "../../src/core/port";
import type { Lang } from "../../src/i18n";
import { ButtonCache } from "./buttons";
import {
  DEFAULT_RETRY,
  RetryingMatrixClient,
  bridgeSdkLogs,
  storageFor,
  type RetryPolicy,
  type SyncBackoff,
} from "./client";
import { MatrixDirectory, stateContent } from "./directory";
import { errcodeOf } from "./errors";
import {
  MemberContentSchema,
  MessageContentSchema,
  ProfileSchema,
  RoomEventSchema,
  type RoomEvent,
} from "./event-schema";
import { translateEvent, type InboundContext } from "./inbound";
import { MatrixPort } from "./matrix-port";
import { fromAllowedServer } from "./server-allowlist";
import type { EncryptedReader, ReaderContext } from "./crypto/reader";
import type { MatrixE2ee } from "./crypto/e2ee";
import { buttonsOf } from "./bot-messages";
import { EncryptionNotice } from "./encryption-notice";
import { accessTokenFor } from "./session";
import { ReactionMemory } from "./reactions";
import { ThreadTracker } from "./threads";

/** How many recent event ids are remembered to drop duplicates. */
const SEEN_CAPACITY = 5_000;
/**
 * Up to 100 events per room and sync: enough to catch up on what a room said while copbot was
 * down (a start without a stored position ignores them as history).
 */
const SYNC_FILTER = { room: { timeline: { limit: 100 } } };
/** A configured room id or alias as a room id; a clear start-up error when the alias is unknown. */
async function roomFromConfig(
  client: MatrixClient,
  name: string,
  ref: string | undefined,
): Promise<string | undefined> {
  if (ref === undefined) return undefined;
  try {
    return await client.resolveRoom(ref);
  } catch (error) {
    throw new ConfigError(
      `${name}: the homeserver does not know the room ${ref} (${errcodeOf(error) ?? String(error)})`,
    );
  }
}

export interface MatrixAdapterOptions {
  readonly config: MatrixConfig;
  /** copbot's data directory; the sync state and a stored login live in `<dataDir>/matrix/`. */
  readonly dataDir: string;
  readonly log: Logger;
  readonly clock: Clock;
  /** The community language, for what copbot says to a whole room. */
  readonly lang?: Lang;
  /** Tests: keep the sync state in memory. */
  readonly inMemory?: boolean;
  /** Tests: how rate limits are waited out. */
  readonly retry?: RetryPolicy;
  /** Long-poll timeout of each sync request. */
  readonly syncTimeoutMs?: number;
  /** Tests: how the sync loop waits after a failure. */
  readonly syncBackoff?: SyncBackoff;
  /** How long any other request to the homeserver may take before it counts as failed (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * copbot on Matrix. Inbound: the SDK's sync loop feeds room events, which are filtered (own
 * events, the past, duplicates, encrypted rooms) and translated into `CoreEvent`s one at a
 * time, in order. Outbound: `MatrixPort` renders messages and calls the homeserver.
 */
export class MatrixAdapter implements Adapter {
  readonly port: MatrixPort;
  private readonly threads = new ThreadTracker();
  private readonly reactions = new ReactionMemory();
  private readonly buttons = new ButtonCache();
  private readonly directory: MatrixDirectory;
  private readonly seen = new Set<string>();
  /** Rooms whose new events count: joined before start, or since our own join event went by. */
  private readonly live = new Set<string>();
  private readonly encryptionNotice: EncryptionNotice;
  private readonly lang: Lang;
  private client: RetryingMatrixClient | undefined;
  private userId = "";
  private botNames: string[] = [];
  private spaceId: string | undefined;
  private communityRoomId: string | undefined;
  private readonly catchUp: CatchUp;
  private handle: (event: CoreEvent) => Promise<void> = () => Promise.resolve();
  private queue: Promise<void> = Promise.resolve();
  /** Set while end-to-end encryption runs (`MATRIX_CRYPTO_PASSPHRASE`). */
  private e2ee: MatrixE2ee | undefined;
  private reader: EncryptedReader | undefined;

  constructor(private readonly opts: MatrixAdapterOptions) {
    this.lang = opts.lang ?? "de";
    this.catchUp = new CatchUp(opts.clock, opts.log, opts.config.catchUpHours);
    this.encryptionNotice = new EncryptionNotice(() => this.mustClient(), this.lang, opts.clock, opts.log);
    this.directory = new MatrixDirectory(
      () => this.mustClient(),
      opts.clock,
      () => this.communityRoomId,
    );
    this.port = new MatrixPort({
      client: () => this.mustClient(),
      botUserId: () => this.userId,
      spaceId: () => this.spaceId,
      lang: this.lang,
      log: opts.log,
      threads: this.threads,
      directory: this.directory,
      buttons: this.buttons,
      encryption: () => this.e2ee !== undefined,
    });
  }

  async start(handle: (event: CoreEvent) => Promise<void>): Promise<void> {
    const { config, log } = this.opts;
    bridgeSdkLogs(log);
    const dir = this.opts.inMemory ? undefined : path.join(this.opts.dataDir, "matrix");
    const makeClient = (token: string): RetryingMatrixClient =>
      new RetryingMatrixClient(
        config.homeserverUrl,
        token,
        storageFor(dir),
        this.opts.retry ?? DEFAULT_RETRY,
        this.opts.timeoutMs,
        this.opts.syncBackoff,
      );
    let client = makeClient(await accessTokenFor(config, dir, log));
    let announce = (): Promise<void> => Promise.resolve();
    if (config.cryptoPassphrase !== undefined) {
      // Loaded only when configured: the WASM crypto and its IndexedDB stand-in cost start-up time.
      const { attachE2ee } = await import("./crypto/attach");
      const { passphrase, clock } = { passphrase: config.cryptoPassphrase, clock: this.opts.clock };
      const attached = await attachE2ee({
        client,
        config,
        passphrase,
        dir,
        log,
        clock,
        makeClient,
        reader: this.readerContext(),
      });
      client = attached.client;
      if ("e2ee" in attached) ({ e2ee: this.e2ee, reader: this.reader, announce } = attached);
    }
    client.syncingTimeout = this.opts.syncTimeoutMs ?? 30_000;
    client.sync = this.catchUp.observer({
      enqueue: (work) => this.enqueue(work),
      idle: () => this.queue,
      handle: (event) => this.handle(event),
    });
    this.client = client;
    this.userId = await client.getUserId();
    const profile = await client.getUserProfile(this.userId).catch(() => undefined);
    const displayName = ProfileSchema.safeParse(profile).data?.displayname;
    this.botNames = [this.userId.slice(1).split(":")[0] ?? "", displayName ?? ""].filter((n) => n !== "");
    this.spaceId = await roomFromConfig(client, "MATRIX_SPACE_ID", config.spaceId);
    this.communityRoomId = await roomFromConfig(client, "MATRIX_COMMUNITY_ROOM_ID", config.communityRoomId);
    this.catchUp.start();
    for (const roomId of await client.getJoinedRooms()) this.live.add(roomId);
    client.on("room.invite", (roomId: string, event: unknown) =>
      this.enqueue(() => this.onInvite(roomId, event)),
    );
    client.on("room.join", (roomId: string) => this.enqueue(() => this.onJoin(roomId)));
    client.on("room.leave", (roomId: string) => this.enqueue(async () => void this.live.delete(roomId)));
    client.on("room.event", (roomId: string, event: unknown) =>
      this.enqueue(() => this.onEvent(roomId, event)),
    );
    this.handle = handle;
    await client.start(SYNC_FILTER);
    log.info({ userId: this.userId }, "Matrix adapter started");
    this.enqueue(announce);
  }

  async stop(): Promise<void> {
    this.client?.stop();
    this.client?.removeAllListeners();
    await this.queue;
    const e2ee = this.e2ee;
    this.e2ee = undefined;
    await e2ee?.close();
  }

  /** Private answers follow the person to the DM room they last wrote in; a failure only costs that. */
  private async noteDm(userId: string, roomId: string): Promise<void> {
    try {
      await this.port.dmUsedBy(userId, roomId);
    } catch (error) {
      this.opts.log.warn({ err: error, roomId }, "Matrix: could not note the DM room as the person's DM");
    }
  }

  /** What decrypting needs from the adapter: its client, its queue, and which rooms are live. */
  private readerContext(): ReaderContext {
    return {
      client: () => this.mustClient(),
      botUserId: () => this.userId,
      lang: this.lang,
      log: this.opts.log,
      isLive: (roomId, ts) => ["live", "late"].includes(this.catchUp.timing(this.live.has(roomId), ts)),
      redeliver: (roomId, event) => this.enqueue(() => this.onClearEvent(roomId, event)),
      displayName: (roomId, userId) => this.directory.displayName(roomId, userId),
    };
  }

  /** Resolves when every event received so far has been handled (for tests and shutdown). */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  private mustClient(): RetryingMatrixClient {
    if (!this.client) throw new Error("the Matrix adapter is not started");
    return this.client;
  }

  /** Events are handled one at a time, in sync order, and one failure never stops the next. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.opts.log.error({ err: error }, "Matrix event could not be handled");
    });
  }

  private async onInvite(roomId: string, raw: unknown): Promise<void> {
    const event = RoomEventSchema.safeParse(raw);
    const inviter = event.success ? event.data.sender : "";
    const allow = this.opts.config.autojoin;
    const allowed =
      (allow.length === 0 ||
        allow.includes(inviter) ||
        allow.includes(inviter.slice(inviter.indexOf(":") + 1))) &&
      fromAllowedServer(inviter, this.opts.config.allowedServers);
    if (!allowed) {
      this.opts.log.info({ roomId, inviter }, "invite declined: inviter not in MATRIX_AUTOJOIN");
      await this.mustClient().leaveRoom(roomId);
      return;
    }
    await this.mustClient().joinRoom(roomId);
    this.opts.log.info({ roomId, inviter }, "joined room on invite");
  }

  /** The SDK reports our join in timeline order: what came before it in that room is history. */
  private async onJoin(roomId: string): Promise<void> {
    this.live.add(roomId);
    if (!this.e2ee && (await stateContent(this.mustClient(), roomId, "m.room.encryption")))
      await this.encryptionNotice.tell(roomId);
  }

  private async onEvent(roomId: string, raw: unknown): Promise<void> {
    const parsed = RoomEventSchema.safeParse(raw);
    if (!parsed.success) return;
    if (this.seen.has(parsed.data.event_id)) return;
    this.remember(parsed.data.event_id);
    await this.onClearEvent(roomId, raw);
  }

  /** Handles a new event once: decrypted first when it is encrypted and encryption is on. */
  private async onClearEvent(roomId: string, raw: unknown): Promise<void> {
    let parsed = RoomEventSchema.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === "m.room.encrypted" && this.reader) {
      const clear = await this.reader.read(roomId, parsed.data);
      if (clear === undefined) return;
      parsed = RoomEventSchema.safeParse(clear);
      if (!parsed.success) return;
    }
    const event = parsed.data;
    this.observeState(roomId, event);
    if (event.sender === this.userId) return;
    if (!fromAllowedServer(event.sender, this.opts.config.allowedServers)) {
      this.opts.log.debug(
        { roomId, sender: event.sender },
        "event ignored: server not in MATRIX_ALLOWED_SERVERS",
      );
      return;
    }
    if (!this.e2ee && (event.type === "m.room.encrypted" || event.type === "m.room.encryption")) {
      await this.encryptionNotice.tell(roomId);
      return;
    }
    // A first start sees history, and a newly joined room shows its past: none of it is new.
    // After a restart the sync goes on where it stopped: what came meanwhile is handled late.
    const timing = this.catchUp.timing(this.live.has(roomId), event.origin_server_ts);
    if (timing === "history") return;
    const core = await translateEvent(roomId, event, this.inboundContext());
    if (!core) return;
    if (core.isDm) await this.noteDm(event.sender, roomId);
    if (timing === "missed") this.catchUp.tooLate(core);
    else await this.handle(timing === "late" ? { ...core, late: true } : core);
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    if (this.seen.size > SEEN_CAPACITY) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  /** Keeps caches in step with what the sync shows (names, power levels, copbot's own posts). */
  private observeState(roomId: string, event: RoomEvent): void {
    if (event.state_key !== undefined) this.directory.stateChanged(roomId, event.type);
    if (event.type === "m.room.member" && event.state_key !== undefined) {
      const member = MemberContentSchema.safeParse(event.content);
      if (member.success) this.directory.noteName(event.state_key, member.data.displayname);
    }
    if (event.sender === this.userId && event.type === "m.room.message") {
      const relation = MessageContentSchema.safeParse(event.content).data?.["m.relates_to"];
      if (relation?.rel_type === "m.thread" && relation.event_id)
        this.threads.record(event.event_id, relation.event_id);
    }
  }

  private inboundContext(): InboundContext {
    return {
      botUserId: this.userId,
      botNames: this.botNames,
      threads: this.threads,
      reactions: this.reactions,
      isDm: (roomId) => this.mustClient().dms.isDm(roomId),
      displayName: (roomId, userId) => this.directory.displayName(roomId, userId).catch(() => undefined),
      buttonsOf: (roomId, eventId) =>
        buttonsOf(
          {
            client: () => this.mustClient(),
            botUserId: () => this.userId,
            buttons: this.buttons,
            ...(this.reader ? { decrypt: this.reader.peek.bind(this.reader) } : {}),
          },
          roomId,
          eventId,
        ),
    };
  }
}
