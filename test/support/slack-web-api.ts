import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { SlackConversations, type StoredMessage } from "./slack-messages";

/** One request that reached the stand-in. `args` has JSON fields (`blocks`, `view`) decoded. */
export interface RecordedCall {
  readonly method: string;
  readonly token: string | undefined;
  readonly args: Record<string, unknown>;
  /** The JSON body the stand-in answered (e.g. the `ts` of a posted message). */
  result?: Record<string, unknown>;
}

export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** Computes the JSON body of a successful answer from the call's arguments. */
type Responder = (args: Record<string, unknown>) => Record<string, unknown>;

/**
 * What a test decides for one incoming call before the stand-in answers: a scripted answer,
 * "hang" (take the call, act on it, never answer: a stuck Slack), "drop" (cut the connection
 * without an answer: an unreachable Slack), `{ delayMs }` (the normal answer, late: a slow
 * Slack), or undefined for the normal answer.
 */
export type Interceptor = (call: {
  method: string;
  args: Record<string, unknown>;
}) => ScriptedResponse | "hang" | "drop" | { readonly delayMs: number } | undefined;

/** Fields the Web API client sends JSON-encoded inside form data. */
const JSON_FIELDS = new Set(["blocks", "view", "attachments", "files", "metadata"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}

/**
 * A local stand-in for the Slack Web API (`slackApiUrl`), for `response_url`s and for Socket
 * Mode's WebSocket. It answers like Slack does, records every call in order, and lets a test
 * script single answers (a 429 with `Retry-After`, a `name_taken`, …).
 */
export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  private readonly scripted = new Map<string, ScriptedResponse[]>();
  private readonly responders = new Map<string, Responder>();
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets: WebSocket[] = [];
  private tsCounter = 0;
  private readonly uploads = new Map<string, string>();
  readonly acks: Record<string, unknown>[] = [];
  /** Every message posted, by channel (DMs under their `D…` id), in order. */
  readonly conversations = new SlackConversations();
  /** Runs before every Web API call (not `response_url`); see `Interceptor`. */
  intercept: Interceptor = () => undefined;
  /** Runs before every `response_url` request. */
  interceptResponseUrl: Interceptor = () => undefined;
  base = "";

  /**
   * `now` sets the clock of message timestamps (default: a fixed day, so tests can name
   * them); pass the test's clock where copbot looks messages up by time.
   */
  constructor(
    private readonly identity = { botUserId: "UCOPBOT", botId: "BCOPBOT" },
    private readonly now?: () => number,
  ) {
    this.defaults();
  }

  /** The URL to pass as `slackApiUrl` / `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A `response_url` for a slash command or button press. */
  responseUrl(id = "r1"): string {
    return `${this.base}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: "/socket" });
    this.wss.on("connection", (socket) => {
      this.sockets.push(socket);
      socket.on("message", (data) => {
        const ack = JSON.parse(String(data)) as Record<string, unknown>;
        this.acks.push(ack);
        this.notify();
      });
      socket.send(
        JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0COPBOT" } }),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Let the app finish its close handshake, so its client clears its own timers.
    await Promise.all(
      this.sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              socket.terminate();
              resolve();
            }, 1000);
            socket.once("close", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** How many Socket Mode connections are open now. */
  get openSockets(): number {
    return this.sockets.filter((s) => s.readyState === s.OPEN).length;
  }

  /** Cuts every Socket Mode connection at once, without a close handshake (a network failure). */
  dropSockets(): void {
    for (const socket of this.sockets) socket.terminate();
    this.sockets = [];
  }

  /** The next call of `method` gets this answer instead of the default. */
  script(method: string, response: ScriptedResponse): void {
    const queue = this.scripted.get(method) ?? [];
    queue.push(response);
    this.scripted.set(method, queue);
  }

  /** Replaces the default answer (body) of `method`. */
  respond(method: string, responder: Responder): void {
    this.responders.set(method, responder);
  }

  /**
   * Answers `users.info` with the name people know each other by (the id without its `U0`,
   * lower case) and an empty profile, plus the `fields` a test needs for that user.
   */
  respondWithNames(fields: (user: string) => Record<string, unknown>): void {
    this.respond("users.info", (a) => ({
      ok: true,
      user: {
        id: a.user,
        name: String(a.user).slice(2).toLowerCase(),
        ...fields(String(a.user)),
        profile: {},
      },
    }));
  }

  /** Calls of one method, in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `method` has been called `count` times (fails the test after `ms`). */
  async waitFor(method: string, count = 1, ms = 5000): Promise<RecordedCall[]> {
    await this.until(() => this.callsOf(method).length >= count, `${count}× ${method}`, ms);
    return this.callsOf(method);
  }

  /** Sends a Socket Mode envelope and waits for the app's ack of it. */
  async sendEnvelope(envelope: Record<string, unknown>, ms = 5000): Promise<Record<string, unknown>> {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error("no Socket Mode connection");
    socket.send(JSON.stringify(envelope));
    const id = envelope.envelope_id;
    await this.until(() => this.acks.some((a) => a.envelope_id === id), `ack of ${String(id)}`, ms);
    return this.acks.find((a) => a.envelope_id === id) ?? {};
  }

  private until(check: () => boolean, what: string, ms: number): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.calls.map((c) => c.method).join(", ");
        reject(new Error(`stand-in: waited ${ms} ms for ${what}; calls so far: ${seen || "none"}`));
      }, ms);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** A fresh message timestamp, as Slack assigns them (seconds, then a counter). */
  nextTs(): string {
    this.tsCounter += 1;
    const seconds = this.now ? Math.floor(this.now() / 1000) : 1764000000;
    return `${seconds}.${String(this.tsCounter % 1_000_000).padStart(6, "0")}`;
  }

  /** The messages copbot posted into a conversation (a DM by the member's user id), in order. */
  postedIn(channel: string): StoredMessage[] {
    return this.conversations.postedIn(channel);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = req.url ?? "/";
    const send = (r: ScriptedResponse) => {
      res.writeHead(r.status ?? 200, { "content-type": "application/json", ...(r.headers ?? {}) });
      res.end(JSON.stringify(r.body));
    };
    if (url.startsWith("/response/")) {
      const args = { url: url.slice("/response/".length), ...decode(raw, "application/json") };
      const intercepted = this.interceptResponseUrl({ method: "response_url", args });
      this.record("response_url", undefined, args);
      if (intercepted === "hang") return;
      if (intercepted === "drop") return void req.socket.destroy();
      const scripted = intercepted !== undefined && "body" in intercepted ? intercepted : undefined;
      return send(scripted ?? this.scripted.get("response_url")?.shift() ?? { body: { ok: true } });
    }
    if (url.startsWith("/upload/")) {
      this.record("upload", undefined, { file: url.slice("/upload/".length), content: raw });
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("OK - 1");
      return;
    }
    const method = url.replace(/^\/api\//, "").split("?")[0] ?? "";
    const auth = req.headers.authorization;
    const args = decode(raw, req.headers["content-type"]);
    const intercepted = this.intercept({ method, args });
    if (intercepted === "drop") {
      this.record(method, auth?.replace(/^Bearer /, ""), args);
      req.socket.destroy();
      return;
    }
    const responder = this.responders.get(method);
    const answer =
      intercepted !== undefined && intercepted !== "hang" && "body" in intercepted
        ? intercepted
        : (this.scripted.get(method)?.shift() ?? {
            body: responder ? responder(args) : { ok: false, error: "unknown_method" },
          });
    this.record(method, auth?.replace(/^Bearer /, ""), args, answer.body);
    // A hanging Slack did the work but never says so; a slow one says so late.
    if (intercepted === "hang") return;
    if (intercepted !== undefined && "delayMs" in intercepted)
      setTimeout(() => send(answer), intercepted.delayMs);
    else send(answer);
  }

  private record(
    method: string,
    token: string | undefined,
    args: Record<string, unknown>,
    result?: Record<string, unknown>,
  ): void {
    this.calls.push({ method, token, args, ...(result ? { result } : {}) });
    this.notify();
  }

  private defaults(): void {
    const ok =
      (extra: Record<string, unknown> = {}) =>
      () => ({ ok: true, ...extra });
    this.respond(
      "auth.test",
      ok({ user_id: this.identity.botUserId, bot_id: this.identity.botId, team_id: "T0001" }),
    );
    this.respond("apps.connections.open", () => ({
      ok: true,
      url: `${this.base.replace("http", "ws")}/socket`,
    }));
    this.respond("chat.postMessage", (a) => {
      // A user id as channel posts into the app's DM with that person.
      const channel = /^[UW]/.test(String(a.channel)) ? `D${String(a.channel)}` : String(a.channel);
      const ts = this.nextTs();
      this.conversations.store({
        ts,
        channel,
        text: String(a.text ?? ""),
        ...(typeof a.thread_ts === "string" ? { threadTs: a.thread_ts } : {}),
        ...(a.metadata !== undefined ? { metadata: a.metadata } : {}),
      });
      return { ok: true, channel, ts };
    });
    this.respond("conversations.history", (a) =>
      this.conversations.page(a, (m) => m.threadTs === undefined, true),
    );
    this.respond("conversations.replies", (a) =>
      this.conversations.page(a, (m) => m.ts === a.ts || m.threadTs === a.ts, false),
    );
    this.respond("chat.postEphemeral", () => ({ ok: true, message_ts: this.nextTs() }));
    this.respond("chat.update", (a) => ({ ok: true, channel: a.channel, ts: a.ts }));
    this.respond("chat.getPermalink", (a) => ({
      ok: true,
      permalink: `https://copbot-test.slack.com/archives/${String(a.channel)}/p${String(a.message_ts).replace(".", "")}`,
    }));
    this.respond("conversations.open", (a) => ({ ok: true, channel: { id: `D${String(a.users)}` } }));
    this.respond("conversations.create", (a) => ({ ok: true, channel: { id: "GNEWGROUP1", name: a.name } }));
    for (const m of ["conversations.invite", "conversations.setTopic", "conversations.archive", "pins.add"]) {
      this.respond(m, ok());
    }
    this.respond("views.open", (a) => ({ ok: true, view: { id: "V0001", ...(a.view as object) } }));
    this.respond("users.info", (a) => ({
      ok: true,
      user: {
        id: a.user,
        name: String(a.user).toLowerCase(),
        tz: "Europe/Berlin",
        profile: { display_name: "" },
      },
    }));
    this.respond("users.list", ok({ members: [], response_metadata: { next_cursor: "" } }));
    this.respond("conversations.list", ok({ channels: [], response_metadata: { next_cursor: "" } }));
    this.respond("files.getUploadURLExternal", (a) => {
      const id = `F${String(this.uploads.size + 1).padStart(4, "0")}`;
      this.uploads.set(id, String(a.filename));
      return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
    });
    this.respond("files.completeUploadExternal", (a) => {
      const ids = Array.isArray(a.files)
        ? a.files.flatMap((f: unknown) =>
            typeof f === "object" && f !== null && "id" in f ? [String(f.id)] : [],
          )
        : [];
      if (typeof a.channel_id === "string") {
        this.conversations.store({
          ts: this.nextTs(),
          channel: a.channel_id,
          text: "",
          ...(typeof a.thread_ts === "string" ? { threadTs: a.thread_ts } : {}),
          files: ids.map((id) => ({ name: this.uploads.get(id) ?? "" })),
        });
      }
      return { ok: true, files: ids.map((id) => ({ id })) };
    });
  }
}
