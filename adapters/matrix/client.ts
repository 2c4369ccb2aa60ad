import {
  LogService,
  MatrixClient,
  MemoryStorageProvider,
  getRequestFn,
  setRequestFn,
  type IStorageProvider,
} from "@vector-im/matrix-bot-sdk";
import type { Logger } from "pino";
import { z } from "zod";
import { backoffDelay, type BackoffPolicy } from "../../src/core/backoff";
import type { Connection } from "../../src/core/port";
import { rateLimitDelay } from "./errors";
import { SyncFileStore } from "./sync-store";

const SendResponseSchema = z.object({ event_id: z.string() });
const SyncResponseSchema = z.object({ next_batch: z.string() }).passthrough();

/** How the client waits out `M_LIMIT_EXCEEDED`; tests inject `sleep` to record the delays. */
export interface RetryPolicy {
  /** Attempts per request, the first one included. */
  readonly maxAttempts: number;
  /** Longer waits are not sat out here: the error goes up, and the outbox reschedules the send. */
  readonly maxInlineWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  maxInlineWaitMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What end-to-end encryption needs from the client (`crypto/e2ee.ts` provides it). */
export interface ClientCrypto {
  /** Called with every sync response before the SDK emits its events. */
  beforeSync(raw: unknown): Promise<void>;
  /** The encrypted content for a room event, or undefined when the room is not encrypted. */
  encryptSend(roomId: string, type: string, content: unknown): Promise<Record<string, unknown> | undefined>;
}

/** How the sync loop waits after a failed sync; tests record the waits instead of sitting them out. */
export interface SyncBackoff {
  readonly policy: BackoffPolicy;
  readonly random: () => number;
  readonly wait: (ms: number) => Promise<void>;
}

/** 2 s doubling to a minute, with jitter: an outage of hours costs one request a minute. */
export const DEFAULT_SYNC_BACKOFF: SyncBackoff = {
  policy: { baseMs: 2_000, capMs: 60_000 },
  random: Math.random,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What the adapter learns from the sync loop (see `RetryingMatrixClient.sync`). */
export interface SyncObserver {
  /** Before the first sync: whether it goes on from a stored position (false: the very first start). */
  resumed(fromStoredPosition: boolean): void;
  /** The sync failed (`error`) or works again (undefined): called on each change only. */
  changed(error: unknown): void;
  /** Rooms whose timeline in this sync left out older events (more arrived than the filter's limit). */
  gaps(roomIds: readonly string[]): void;
  /** After a sync's events were emitted; the sync position is stored once this resolves. */
  handled(): Promise<void>;
}

const LimitedRoomsSchema = z.object({
  rooms: z
    .object({
      join: z.record(
        z.string(),
        z.object({ timeline: z.object({ limited: z.boolean().optional() }).optional() }),
      ),
    })
    .optional(),
});

/** `PUT /rooms/{roomId}/send/{eventType}/{txnId}`, however the SDK or copbot calls it. */
const ROOM_SEND = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/([^/]+)\/([^/]+)$/;

/**
 * The SDK's client, with two additions. With encryption on, every room event on its way out
 * passes `ClientCrypto.encryptSend`, so nothing reaches an encrypted room in clear, whichever
 * SDK method sent it. And it retries rate-limited requests (the SDK does not): every request that gets `M_LIMIT_EXCEEDED` (HTTP 429) waits `retry_after_ms` and is sent again,
 * unchanged. A send keeps its transaction id, so the homeserver never stores it twice.
 */
export class RetryingMatrixClient extends MatrixClient {
  constructor(
    homeserverUrl: string,
    accessToken: string,
    storage: IStorageProvider,
    private readonly retry: RetryPolicy,
    /** How long any request but the sync long-poll may take. */
    private readonly timeoutMs = 10_000,
    private readonly syncBackoff: SyncBackoff = DEFAULT_SYNC_BACKOFF,
  ) {
    super(homeserverUrl, accessToken, storage);
    trackSyncs();
  }

  /** Set by the adapter before `start`. */
  sync: SyncObserver | undefined;
  private syncing = false;

  /**
   * copbot's own sync loop instead of the SDK's (which waits a fixed 5-15 s after any failure
   * and logs each one): it backs off with `syncBackoff` and reports each change of state once.
   * It never gives up while copbot runs. The position is stored only after a sync's events
   * are handled: a crash in between gets them again (and copbot drops those it had handled).
   */
  protected override startSyncInternal(): Promise<void> {
    this.syncing = true;
    void this.syncLoop();
    return Promise.resolve();
  }

  /** One sync; right after a failure without the long-poll, so a recovery shows at once. */
  private async syncOnce(token: string | null, quick: boolean): Promise<unknown> {
    const longPoll = this.syncingTimeout;
    if (quick) this.syncingTimeout = 0;
    try {
      return await this.doSync(token as string);
    } finally {
      this.syncingTimeout = longPoll;
    }
  }

  private async syncLoop(): Promise<void> {
    const storage = this.storageProvider;
    let token = (await storage.getSyncToken()) ?? null;
    this.sync?.resumed(token !== null && token !== "");
    let failures = 0;
    while (this.syncing) {
      try {
        const response = SyncResponseSchema.parse(await this.syncOnce(token, failures > 0));
        await this.processSync(response);
        token = response.next_batch;
        await storage.setSyncToken(token);
        if (failures > 0) this.sync?.changed(undefined);
        failures = 0;
      } catch (error) {
        if (!this.syncing) return;
        failures += 1;
        if (failures === 1) this.sync?.changed(error);
        await this.syncBackoff.wait(backoffDelay(failures, this.syncBackoff.policy, this.syncBackoff.random));
      }
    }
  }

  /**
   * Sends an event with a transaction id of copbot's choosing. The homeserver stores one
   * event per transaction id (and device): a repeat after a crash or a timeout returns the
   * event of the first attempt instead of posting again. Encrypted like every send (`doRequest`).
   */
  async sendEventWithTxn(
    roomId: string,
    eventType: string,
    content: Record<string, unknown>,
    txnId: string,
  ): Promise<string> {
    const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(eventType)}/${encodeURIComponent(txnId)}`;
    return SendResponseSchema.parse(await this.doRequest("PUT", path, null, content)).event_id;
  }

  /** Whether the sync loop reaches the homeserver (the last sync's outcome). */
  connection(): Connection {
    return syncStates.get(`${this.homeserverUrl}/_matrix/client/v3/sync`) ?? { state: "connecting" };
  }

  /** Set by the adapter when end-to-end encryption is on. */
  e2ee: ClientCrypto | undefined;

  protected override async processSync(
    raw: unknown,
    emitFn?: (emitEventType: string, ...payload: unknown[]) => Promise<unknown>,
  ): Promise<unknown> {
    // To-device events first: they carry the keys for the room events of the same sync.
    if (this.e2ee) await this.e2ee.beforeSync(raw);
    const joined = LimitedRoomsSchema.safeParse(raw).data?.rooms?.join ?? {};
    const gaps = Object.entries(joined).filter(([, room]) => room.timeline?.limited === true);
    if (gaps.length > 0) this.sync?.gaps(gaps.map(([roomId]) => roomId));
    const result = await super.processSync(raw, emitFn);
    await this.sync?.handled();
    return result;
  }

  /** Stops syncing now: the open long-poll is aborted, so shutdown does not wait for it. */
  override stop(): void {
    this.syncing = false;
    super.stop();
    const url = `${this.homeserverUrl}/_matrix/client/v3/sync`;
    for (const [req, uri] of syncsInFlight) {
      if (uri !== url) continue;
      syncsInFlight.delete(req);
      req.abort();
    }
  }

  override async doRequest(
    ...args: Parameters<MatrixClient["doRequest"]>
  ): Promise<Awaited<ReturnType<MatrixClient["doRequest"]>>> {
    // Encrypted once: a retry sends the same ciphertext under the same transaction id.
    const request = await this.sealed(args);
    // Every request but the sync long-poll gives up after the timeout (the outbox retries it).
    if (typeof request[1] === "string" && !request[1].endsWith("/sync")) {
      request[4] = Math.min(request[4] ?? this.timeoutMs, this.timeoutMs);
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await super.doRequest(...request);
      } catch (error) {
        const wait = rateLimitDelay(error);
        if (wait === undefined || attempt >= this.retry.maxAttempts || wait > this.retry.maxInlineWaitMs)
          throw error;
        await this.retry.sleep(wait);
      }
    }
  }

  /** The request with its room event encrypted, when it sends one into an encrypted room. */
  private async sealed(
    args: Parameters<MatrixClient["doRequest"]>,
  ): Promise<Parameters<MatrixClient["doRequest"]>> {
    const [method, endpoint, , body] = args;
    const match =
      this.e2ee && method === "PUT" && typeof endpoint === "string" ? ROOM_SEND.exec(endpoint) : null;
    if (!this.e2ee || !match?.[1] || !match[2] || !match[3]) return args;
    const type = decodeURIComponent(match[2]);
    if (type === "m.room.encrypted") return args;
    const encrypted = await this.e2ee.encryptSend(decodeURIComponent(match[1]), type, body);
    if (encrypted === undefined) return args;
    const request: Parameters<MatrixClient["doRequest"]> = [...args];
    request[1] = `/_matrix/client/v3/rooms/${match[1]}/send/m.room.encrypted/${match[3]}`;
    request[3] = encrypted;
    return request;
  }
}

interface Abortable {
  abort(): void;
}
type RequestFn = (params: { uri?: string }, done: (...args: unknown[]) => void) => Abortable;

/** Long-poll syncs in flight by URL, so `stop()` can end them instead of waiting up to 30 s. */
const syncsInFlight = new Map<Abortable, string>();
/** The outcome of the last sync per sync URL: connected, or why not. */
const syncStates = new Map<string, Connection>();

function noteSync(uri: string, error: unknown, statusCode: unknown): void {
  const failed =
    error !== null && error !== undefined
      ? String(error)
      : Number(statusCode) >= 400
        ? `HTTP ${String(statusCode)}`
        : undefined;
  const previous = syncStates.get(uri);
  const state = failed === undefined ? "connected" : "disconnected";
  const since = previous?.state === state ? (previous.since ?? new Date()) : new Date();
  syncStates.set(uri, { state, since, ...(failed !== undefined ? { detail: failed } : {}) });
}

let tracking = false;

/** Wraps the SDK's HTTP function (once per process) to know which sync requests are open. */
function trackSyncs(): void {
  if (tracking) return;
  tracking = true;
  const original = getRequestFn() as RequestFn;
  const wrapped: RequestFn = (params, done) => {
    const uri = params.uri ?? "";
    const req = original(params, (...args) => {
      // Only syncs are tracked; one aborted by `stop()` is gone from the map and says nothing.
      if (syncsInFlight.delete(req))
        noteSync(uri, args[0], (args[1] as { statusCode?: unknown } | undefined)?.statusCode);
      done(...args);
    });
    if (uri.endsWith("/_matrix/client/v3/sync")) syncsInFlight.set(req, uri);
    return req;
  };
  setRequestFn(wrapped);
}

/** Sync state on disk under `<dataDir>/matrix/`, or in memory for tests. */
export function storageFor(dir: string | undefined): IStorageProvider {
  return dir === undefined ? new MemoryStorageProvider() : new SyncFileStore(`${dir}/sync.json`);
}

/** One part of an SDK log line as text (the SDK already redacts tokens and passwords). */
function logText(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === "string") return part;
  try {
    return JSON.stringify(part).slice(0, 500);
  } catch {
    return String(part);
  }
}

/** Routes the SDK's own log lines into copbot's logger instead of the console. */
export function bridgeSdkLogs(log: Logger): void {
  const line = (level: "debug" | "info" | "warn", module: string, parts: unknown[]): void => {
    log[level]({ sdk: module }, parts.map(logText).join(" "));
  };
  LogService.setLogger({
    trace: (module, ...m) => line("debug", module, m),
    debug: (module, ...m) => line("debug", module, m),
    info: (module, ...m) => line("debug", module, m),
    warn: (module, ...m) => line("warn", module, m),
    // The SDK logs every failed request as an error, including expected 404s; copbot decides.
    error: (module, ...m) => line("info", module, m),
  });
}
