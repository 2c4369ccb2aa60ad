import pino from "pino";
import type { SlackConfig } from "../../adapters/slack/config";
import { VirtualClock, type Clock } from "../../src/core/clock";
import { buildApp, loadConfig, type App } from "../../src/app";
import type { CoreEvent } from "../../src/core/events";
import type { AdapterHooks } from "../../src/core/port";
import type { Sleep } from "../../adapters/slack/private-space";
import { SlackAdapter, type SlackAdapterOptions } from "../../adapters/slack/slack-adapter";
import { SlackApiStandIn } from "./slack-web-api";
import { postSigned, SIGNING_SECRET } from "./slack-signing";
import type { HttpBody } from "./slack-payloads";

export const BOT = { botUserId: "UCOPBOT", botId: "BCOPBOT" };

/**
 * The real adapter (real Bolt app) wired to a local Slack stand-in. `events` collects what
 * reaches the core; `onEvent` lets a test act like the core (e.g. reply through the port).
 */
export class SlackHarness {
  readonly events: CoreEvent[] = [];
  /** Events whose handling has finished (the core drains its outbox before that). */
  handled = 0;
  onEvent: (event: CoreEvent, adapter: SlackAdapter) => Promise<void> | void = () => {};
  private waiters: (() => void)[] = [];

  private constructor(
    readonly api: SlackApiStandIn,
    readonly adapter: SlackAdapter,
  ) {}

  /** Starts the stand-in first (the App needs its URL), then the adapter. */
  static async start(
    mode: "http" | "socket",
    opts: {
      handle?: (event: CoreEvent) => Promise<void>;
      clock?: Clock;
      attach?: (adapter: SlackAdapter) => void;
      homeView?: SlackAdapterOptions["homeView"];
      hooks?: AdapterHooks;
      sleep?: Sleep;
      config?: Partial<SlackConfig>;
      timeoutMs?: number;
      /** The stand-in's clock for message timestamps (see `SlackApiStandIn`). */
      now?: () => number;
      reconnect?: SlackAdapterOptions["reconnect"];
    } = {},
  ): Promise<SlackHarness> {
    const api = await new SlackApiStandIn(BOT, opts.now).start();
    const config: SlackConfig =
      mode === "http"
        ? { botToken: "xoxb-test-token", signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.apiUrl }
        : { botToken: "xoxb-test-token", appToken: "xapp-test-token", port: 3000, apiUrl: api.apiUrl };
    const adapter = new SlackAdapter({
      config: { ...config, ...opts.config },
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.homeView ? { homeView: opts.homeView } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.reconnect ? { reconnect: opts.reconnect } : {}),
      ...BOT,
      host: "127.0.0.1",
      // The client's default retries a 500 for ~30 minutes.
      retryConfig: { retries: 0 },
    });
    const harness = new SlackHarness(api, adapter);
    opts.attach?.(adapter);
    await adapter.start(async (event) => {
      harness.events.push(event);
      try {
        await (opts.handle ? opts.handle(event) : harness.onEvent(event, adapter));
      } finally {
        harness.handled += 1;
        for (const w of harness.waiters.splice(0)) w();
      }
    }, opts.hooks);
    return harness;
  }

  get eventsUrl(): string {
    return `${this.adapter.url ?? ""}/slack/events`;
  }

  /** Sends a correctly signed request to the app's HTTP endpoint. */
  post(
    body: HttpBody,
    extra: { headers?: Record<string, string>; timestamp?: number } = {},
  ): Promise<Response> {
    return postSigned({ url: this.eventsUrl, body: body.body, contentType: body.contentType, ...extra });
  }

  /** Posts a signed request and waits until the event it carries has been fully handled. */
  async act(body: HttpBody): Promise<void> {
    const target = this.handled + 1;
    const res = await this.post(body);
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
    await this.until(() => this.handled >= target, "the event to be handled");
  }

  /** Sends a Socket Mode envelope and waits until the event it carries has been fully handled. */
  async actViaSocket(envelope: Record<string, unknown>): Promise<void> {
    const target = this.handled + 1;
    await this.api.sendEnvelope(envelope);
    await this.until(() => this.handled >= target, "the event to be handled");
  }

  private async until(check: () => boolean, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Waits until `count` events reached the core. */
  async waitForEvents(count: number, ms = 5000): Promise<CoreEvent[]> {
    await this.until(() => this.events.length >= count, `${count} events (got ${this.events.length})`, ms);
    return this.events;
  }

  /** Lets in-flight work settle, to prove that nothing (more) happens. */
  async settle(ms = 150): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  async stop(): Promise<void> {
    await this.adapter.stop();
    await this.api.stop();
  }
}

/**
 * Starts a bare harness over `mode` before each test of the enclosing `describe` and stops it
 * after; `use` receives each new one, e.g. `(h) => (slack = h)`.
 */
export function harnessForEachTest(mode: "http" | "socket", use: (harness: SlackHarness) => void): void {
  let current: SlackHarness | undefined;
  beforeEach(async () => {
    current = await SlackHarness.start(mode);
    use(current);
  });
  afterEach(async () => {
    await current?.stop();
  });
}

/**
 * copbot as `npm start` builds it (all features, in-memory SQLite, virtual clock) behind the Slack
 * adapter.
 */
export interface SlackCopbot {
  readonly app: App;
  readonly clock: VirtualClock;
  readonly slack: SlackHarness;
  stop(): Promise<void>;
}

/**
 * Starts the real core on Monday 2026-11-30 09:00 Berlin with `slack:U0ADMIN` as admin, reached
 * over Slack.
 */
export async function startSlackCopbot(
  mode: "http" | "socket",
  opts: { timeoutMs?: number; reconnect?: SlackAdapterOptions["reconnect"] } = {},
): Promise<SlackCopbot> {
  const config = loadConfig({
    COPBOT_CLOCK: "virtual",
    COPBOT_START: "2026-11-30T09:00:00+01:00",
    COPBOT_DB: ":memory:",
    COPBOT_ADMINS: "slack:U0ADMIN",
  });
  const app = buildApp(config, pino({ level: "silent" }));
  const clock = app.clock;
  if (!(clock instanceof VirtualClock)) throw new Error("the Slack story needs the virtual clock");
  const slack = await SlackHarness.start(mode, {
    clock,
    // Slack's timestamps follow the story's clock: copbot looks posts in doubt up by time.
    now: () => clock.now().getTime(),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.reconnect ? { reconnect: opts.reconnect } : {}),
    handle: (event) => app.bot.handle(event),
    attach: (adapter) => app.bot.services.ports.add(adapter.port),
    homeView: (userId) => app.bot.home(userId),
    hooks: { validateForm: (event) => app.bot.validateForm(event) },
  });
  return {
    app,
    clock,
    slack,
    async stop() {
      await slack.stop();
      app.db.close();
    },
  };
}
