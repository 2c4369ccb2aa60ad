import http from "node:http";
import type { AddressInfo } from "node:net";
import { HsKeys } from "./matrix-keys";
import { HsStore, type HsEvent, type HsRoom } from "./matrix-rooms";
import { readRequest, RequestLog, type RecordedRequest } from "./matrix-requests";
import { routeRequest } from "./matrix-routes";

/**
 * A local stand-in for a Matrix homeserver on 127.0.0.1 that speaks the parts of the
 * client-server API v3 the SDK uses. It keeps rooms, state and a timeline, answers long-poll
 * syncs as soon as something happens, records every request and can inject failures (429s).
 */
export class FakeHomeserver extends RequestLog {
  readonly store: HsStore;
  /** Device keys, to-device messages and device lists (end-to-end encryption). */
  readonly keys: HsKeys;
  /** The bot's devices by access token: every password login after the first makes a new one. */
  readonly tokens = new Map<string, string>();
  /** The password the stand-in accepts for the bot (device deletion). */
  password = "geheim";
  /** Devices the bot deleted. */
  readonly deletedDevices: string[] = [];
  private logins = 0;
  /** Encrypts every room the bot creates, as Synapse's `encryption_enabled_by_default_for_room_type` does. */
  encryptNewRooms = false;
  /** Requests for which the homeserver does the work but never answers (a stuck server, or a client that died). */
  hangAfter: (req: RecordedRequest) => boolean = () => false;
  url = "";
  private readonly server: http.Server;
  private readonly syncWaiters = new Set<() => void>();
  private closed = false;

  constructor(
    readonly botUserId: string,
    readonly accessToken: string,
    now: () => number = () => Date.now(),
  ) {
    super();
    this.store = new HsStore(botUserId.split(":")[1] ?? "example.org", now);
    this.keys = new HsKeys(
      () => (this.store.pos += 1),
      () => this.wakeSyncs(),
    );
    this.tokens.set(accessToken, "COPBOT");
    this.server = http.createServer((req, res) => this.onRequest(req, res));
  }

  /** Starts a stand-in on a random port. */
  static async start(opts: {
    botUserId: string;
    accessToken?: string;
    now?: () => number;
  }): Promise<FakeHomeserver> {
    const hs = new FakeHomeserver(opts.botUserId, opts.accessToken ?? "syt_test_token", opts.now);
    await new Promise<void>((resolve) => hs.server.listen(0, "127.0.0.1", resolve));
    hs.url = `http://127.0.0.1:${(hs.server.address() as AddressInfo).port}`;
    return hs;
  }

  /** Answers pending syncs, drops keep-alive sockets and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeSyncs();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Creates a room with `members` joined (the first one creates it); the bot joins when `botJoined`. */
  createRoom(opts: {
    creator: string;
    members?: readonly string[];
    name?: string;
    botJoined?: boolean;
    encrypted?: boolean;
    powerLevels?: Readonly<Record<string, number>>;
    ts?: number;
  }): string {
    const room = this.store.newRoom();
    const at = opts.ts;
    this.store.append(room, { type: "m.room.create", sender: opts.creator, content: {}, stateKey: "" }, at);
    const joined = [opts.creator, ...(opts.members ?? []), ...(opts.botJoined ? [this.botUserId] : [])];
    for (const user of joined) this.memberEvent(room, user, user, "join", at);
    this.store.append(
      room,
      {
        type: "m.room.power_levels",
        sender: opts.creator,
        content: { users: { [opts.creator]: 100, ...opts.powerLevels }, users_default: 0, events_default: 0 },
        stateKey: "",
      },
      at,
    );
    if (opts.name !== undefined) {
      this.store.append(
        room,
        { type: "m.room.name", sender: opts.creator, content: { name: opts.name }, stateKey: "" },
        at,
      );
    }
    if (opts.encrypted) {
      this.store.append(
        room,
        {
          type: "m.room.encryption",
          sender: opts.creator,
          content: { algorithm: "m.megolm.v1.aes-sha2" },
          stateKey: "",
        },
        at,
      );
    }
    this.wakeSyncs();
    return room.id;
  }

  /** A user sends an event into a room (wakes the bot's sync). */
  send(roomId: string, sender: string, type: string, content: Record<string, unknown>, ts?: number): string {
    const event = this.store.append(this.mustRoom(roomId), { type, sender, content }, ts);
    this.wakeSyncs();
    return event.event_id;
  }

  /** Delivers an already delivered event once more in the next sync (what a replaying server does). */
  replay(roomId: string, eventId: string): void {
    const room = this.mustRoom(roomId);
    const event = this.store.findEvent(roomId, eventId);
    if (!event) throw new Error(`no such event ${eventId}`);
    this.store.pos += 1;
    room.timeline.push({ pos: this.store.pos, event });
    this.wakeSyncs();
  }

  /** A user redacts an event. */
  redact(roomId: string, sender: string, eventId: string): string {
    const event = this.store.append(this.mustRoom(roomId), {
      type: "m.room.redaction",
      sender,
      content: { redacts: eventId },
      redacts: eventId,
    });
    this.wakeSyncs();
    return event.event_id;
  }

  /** Changes a room's membership for `userId` (invite, join, leave). */
  membership(
    roomId: string,
    sender: string,
    userId: string,
    membership: string,
    extra: Record<string, unknown> = {},
  ): void {
    this.memberEvent(this.mustRoom(roomId), sender, userId, membership, undefined, extra);
    this.wakeSyncs();
  }

  /** A password login: the first gets the configured token and device, later ones new devices. */
  login(): { access_token: string; user_id: string; device_id: string } {
    this.logins += 1;
    if (this.logins === 1)
      return { access_token: this.accessToken, user_id: this.botUserId, device_id: "COPBOT" };
    const token = `syt_login_${this.logins}`;
    const deviceId = `COPBOT${this.logins}`;
    this.tokens.set(token, deviceId);
    return { access_token: token, user_id: this.botUserId, device_id: deviceId };
  }

  setProfile(userId: string, profile: Record<string, unknown>): void {
    this.store.profiles.set(userId, profile);
  }

  /**
   * Waits for a sync request that starts at or after the current stream position: the SDK only
   * asks for it once it has processed every event up to here.
   */
  caughtUp(): Promise<RecordedRequest> {
    const pos = this.store.pos;
    return this.waitForRequest(
      (r) => r.path === "/_matrix/client/v3/sync" && Number(r.query.get("since") ?? -1) >= pos,
    );
  }

  mustRoom(roomId: string): HsRoom {
    const room = this.store.room(roomId);
    if (!room) throw new Error(`no such room ${roomId}`);
    return room;
  }

  memberEvent(
    room: HsRoom,
    sender: string,
    userId: string,
    membership: string,
    ts?: number,
    extra: Record<string, unknown> = {},
  ): HsEvent {
    const profile = this.store.profiles.get(userId);
    const displayname = typeof profile?.displayname === "string" ? { displayname: profile.displayname } : {};
    return this.store.append(
      room,
      { type: "m.room.member", sender, content: { membership, ...displayname, ...extra }, stateKey: userId },
      ts,
    );
  }

  wakeSyncs(): void {
    for (const wake of [...this.syncWaiters]) wake();
  }

  /** Holds a sync until something new happens, the client's timeout passes or the server closes. */
  waitForStream(since: number, timeoutMs: number): Promise<void> {
    if (this.closed || this.store.pos > since) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.syncWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.syncWaiters.add(done);
    });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    void readRequest(req, this.url).then((recorded) => {
      const reply = (status: number, body: unknown): void => {
        if (res.writableEnded) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const failure = this.record(recorded);
      if (failure) {
        reply(failure.status, failure.body);
        return;
      }
      const deviceId = this.tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      if (deviceId === undefined && !recorded.path.endsWith("/login")) {
        reply(401, { errcode: "M_UNKNOWN_TOKEN", error: "bad token" });
        return;
      }
      routeRequest(this, recorded, deviceId ?? "").then(
        ({ status, body }) => {
          if (!this.hangAfter(recorded)) reply(status, body);
        },
        (error: unknown) => reply(500, { errcode: "M_UNKNOWN", error: String(error) }),
      );
    });
  }
}
