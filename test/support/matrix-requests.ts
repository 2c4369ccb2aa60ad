import type http from "node:http";

/** One request the stand-in received, with its parsed JSON body. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** One event the bot sent with `PUT …/send/{type}/{txn}`. */
export interface SentEvent {
  readonly roomId: string;
  readonly type: string;
  readonly body: Record<string, unknown>;
}

/** An injected failure: the next request that matches gets this answer instead. */
export interface InjectedFailure {
  readonly match: (req: RecordedRequest) => boolean;
  readonly status: number;
  readonly body: Record<string, unknown>;
}

interface Waiter {
  readonly match: (req: RecordedRequest) => boolean;
  readonly resolve: (req: RecordedRequest) => void;
}

/** Reads a request's body and records it with its path and query (JSON bodies parsed). */
export function readRequest(req: http.IncomingMessage, baseUrl: string): Promise<RecordedRequest> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", baseUrl);
      const raw = Buffer.concat(chunks);
      const isJson = (req.headers["content-type"] ?? "").includes("json");
      resolve({
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        body:
          raw.length === 0
            ? undefined
            : isJson
              ? (JSON.parse(raw.toString("utf8")) as unknown)
              : raw.toString("utf8"),
      });
    });
  });
}

/**
 * What the stand-in homeserver received: every request in order, waiting for one, and failures
 * injected for the next matching request. The homeserver itself builds on this.
 */
export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: InjectedFailure[] = [];
  private readonly waiters: Waiter[] = [];

  /** The next request matching `match` gets `status` with `body` (e.g. a 429 M_LIMIT_EXCEEDED). */
  failNext(match: (req: RecordedRequest) => boolean, status: number, body: Record<string, unknown>): void {
    this.failures.push({ match, status, body });
  }

  /** Resolves with the first request (already received or future) that matches. */
  waitForRequest(match: (req: RecordedRequest) => boolean, nth = 1): Promise<RecordedRequest> {
    const seen = this.requests.filter(match);
    const hit = seen[nth - 1];
    if (hit) return Promise.resolve(hit);
    let remaining = nth - seen.length;
    return new Promise((resolve) =>
      this.waiters.push({
        match: (req) => match(req) && --remaining === 0,
        resolve,
      }),
    );
  }

  /** Bodies of the events the bot sent (`PUT …/send/{type}/{txn}`), optionally for one room or type. */
  sent(filter: { roomId?: string; type?: string } = {}): SentEvent[] {
    return this.requests.flatMap((req) => {
      const m = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/([^/]+)\/[^/]+$/.exec(req.path);
      if (req.method !== "PUT" || !m?.[1] || !m[2]) return [];
      const roomId = decodeURIComponent(m[1]);
      const type = decodeURIComponent(m[2]);
      if (filter.roomId !== undefined && filter.roomId !== roomId) return [];
      if (filter.type !== undefined && filter.type !== type) return [];
      return [{ roomId, type, body: req.body as Record<string, unknown> }];
    });
  }

  /** The events the bot redacted (`PUT …/redact/{eventId}/{txn}`), in order, with their room. */
  redacted(): { roomId: string; eventId: string }[] {
    return this.requests.flatMap((req) => {
      const m = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/redact\/([^/]+)\/[^/]+$/.exec(req.path);
      if (req.method !== "PUT" || !m?.[1] || !m[2]) return [];
      return [{ roomId: decodeURIComponent(m[1]), eventId: decodeURIComponent(m[2]) }];
    });
  }

  /** How many sync requests arrived so far. */
  syncCount(): number {
    return this.requests.filter((r) => r.path === "/_matrix/client/v3/sync").length;
  }

  /** Records a request, wakes whoever waits for it, and hands back the failure injected for it, if any. */
  protected record(recorded: RecordedRequest): InjectedFailure | undefined {
    this.requests.push(recorded);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(recorded)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
    const failure = this.failures.find((f) => f.match(recorded));
    if (failure) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }
}
