import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, SocketModeReceiver, webApi } from "@slack/bolt";
import pino, { type Logger } from "pino";
import { SystemClock, type Clock } from "../../src/core/clock";
import { ConfigError } from "../../src/core/errors";
import { startupError } from "./errors";
import type { CommandEvent, CoreEvent, FormSubmitEvent, UserEvent } from "../../src/core/events";
import { qualify } from "../../src/core/ids";
import type { OutgoingMessage } from "../../src/core/message";
import type { Lang } from "../../src/i18n";
import type { SlackConfig } from "./config";
import type { Adapter, AdapterHooks, Connection } from "../../src/core/port";
import { boltLogger } from "./bolt-logger";
import { guardedHttpReceiver } from "./http-receiver";
import { DEFAULT_RECONNECT, SocketConnection, type ReconnectOptions } from "./socket-connection";
import { SerialQueues } from "../../src/core/serial-queue";
import { homeOpenedBy, publishHome } from "./home";
import {
  fromBlockAction,
  fromMemberJoined,
  fromMessageEvent,
  fromReactionEvent,
  fromSlashCommand,
  type BotIdentity,
} from "./inbound";
import { answerModal, isSubmission, type ModalHandling } from "./modals";
import type { Sleep } from "./private-space";
import { SlackPort } from "./port";
import { nameMentions } from "./slack-text";
import { explainUnreachable } from "./unreachable";
import { RecentIds } from "./recent-ids";

/** The Events API event types copbot listens to (the manifest subscribes to these). */
const EVENT_TYPES =
  /^(message|app_mention|reaction_added|reaction_removed|member_joined_channel|app_home_opened)$/;

/** Socket Mode whenever an app token is set (no public URL needed); HTTP otherwise. */
export const slackMode = (config: SlackConfig): "socket" | "http" =>
  config.appToken !== undefined ? "socket" : "http";

export interface SlackAdapterOptions {
  readonly config: SlackConfig;
  readonly log?: Logger;
  /** Time for events that carry none (slash commands, modal submissions). */
  readonly clock?: Clock;
  /** The bot's ids; when both are given, no `auth.test` call is made at start. */
  readonly botId?: string;
  readonly botUserId?: string;
  /**
   * Retries inside the Web API client for network errors and 5xx. Kept short: the outbox
   * retries with its own backoff, and the client's default would block it for ~30 minutes.
   */
  readonly retryConfig?: webApi.RetryOptions;
  /** HTTP mode: the interface to listen on (default all). */
  readonly host?: string;
  /** The App Home content for a member (copbot id); without it the Home tab is left alone. */
  readonly homeView?: (userId: string) => Promise<OutgoingMessage>;
  /** The language of the adapter's own notes (e.g. "invite copbot there"); default German. */
  readonly lang?: Lang;
  /** How the port waits out a short 429 inside one call (tests pass one that does not wait). */
  readonly sleep?: Sleep;
  /** How long one Web API call or `response_url` may take before it counts as failed (default 10 s). */
  readonly timeoutMs?: number;
  /** Socket Mode: how a lost connection is opened again (tests shorten the waits). */
  readonly reconnect?: Partial<ReconnectOptions>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

type Identity = BotIdentity & { readonly botId: string };

/**
 * copbot on Slack through Bolt, in Socket Mode or over HTTP. It translates Slack payloads to
 * `CoreEvent`s (acknowledging first, then handing over) and offers a `SlackPort` for output.
 */
export class SlackAdapter implements Adapter {
  readonly port: SlackPort;
  private readonly client: webApi.WebClient;
  private readonly seen = new RecentIds();
  private readonly clock: Clock;
  private readonly log: Logger;
  private identity: Promise<Identity> | undefined;
  private app: App | undefined;
  private server: Server | undefined;
  private socket: SocketConnection | undefined;
  private state: Connection = { state: "connecting" };
  /** Events of one conversation are named one after another, in the order Slack sent them. */
  private readonly inbound: SerialQueues;
  /** Events handed to the bot and not yet handled (a stop waits for them). */
  private readonly handling = new Set<Promise<void>>();

  constructor(private readonly options: SlackAdapterOptions) {
    this.clock = options.clock ?? new SystemClock();
    this.log = options.log ?? pino({ level: "silent" });
    this.inbound = new SerialQueues((err: unknown) =>
      this.log.error({ err }, "slack: handling an event failed"),
    );
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.client = new webApi.WebClient(options.config.botToken, {
      ...this.clientOptions(),
      // copbot's own calls: a 429 becomes a RateLimitedError and a failure goes back to the
      // outbox at once (it retries with its own backoff, and looks before posting again).
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: timeoutMs,
    });
    this.port = new SlackPort({
      client: this.client,
      botUserId: async () => (await this.whoAmI()).botUserId,
      now: () => this.clock.now().getTime(),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      adminsModerate: options.config.adminsModerate ?? true,
      timeoutMs,
      connection: () => this.state,
      log: this.log,
    });
  }

  private clientOptions(): webApi.WebClientOptions {
    return {
      ...(this.options.config.apiUrl !== undefined ? { slackApiUrl: this.options.config.apiUrl } : {}),
      retryConfig: this.options.retryConfig ?? { retries: 2, minTimeout: 500, maxTimeout: 2000 },
      timeout: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      logger: boltLogger(this.log),
    };
  }

  /** Each change of the connection is logged once: lost with its reason, and back again. */
  private setState(state: Connection["state"], detail?: string): void {
    if (this.state.state === state) return;
    this.state = { state, since: this.clock.now(), ...(detail !== undefined ? { detail } : {}) };
    if (state === "connected") this.log.info({ state }, "slack: connected");
    else this.log.warn({ state, detail }, "slack: connection %s", state);
  }

  private whoAmI(): Promise<Identity> {
    const { botId, botUserId } = this.options;
    this.identity ??=
      botId !== undefined && botUserId !== undefined
        ? Promise.resolve({ botId, botUserId })
        : this.client.auth.test().then((r) => ({ botUserId: r.user_id ?? "", botId: r.bot_id ?? "" }));
    return this.identity;
  }

  /** The HTTP mode's local address once started (tests use it to find the random port). */
  get url(): string | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? `http://127.0.0.1:${address.port}` : undefined;
  }

  async start(handle: (event: CoreEvent) => Promise<void>, hooks: AdapterHooks = {}): Promise<void> {
    const bot = await this.whoAmI().catch((error: unknown) => {
      this.identity = undefined;
      throw startupError(error, "SLACK_BOT_TOKEN");
    });
    const { config } = this.options;
    const common = {
      token: config.botToken,
      botId: bot.botId,
      botUserId: bot.botUserId,
      logger: boltLogger(this.log),
      clientOptions: this.clientOptions(),
      convoStore: false as const,
    };
    if (config.appToken !== undefined) {
      const receiver = new SocketModeReceiver({
        appToken: config.appToken,
        // Each attempt's failure is not worth an error line: the connection logs its changes.
        logger: boltLogger(this.log, "debug"),
        // copbot reconnects itself (see SocketConnection), and apps.connections.open is one try each.
        autoReconnectEnabled: false,
        installerOptions: { clientOptions: { ...this.clientOptions(), retryConfig: { retries: 0 } } },
      });
      const app = new App({ ...common, receiver });
      this.register(app, bot, handle, hooks);
      this.app = app;
      this.socket = new SocketConnection(
        receiver.client,
        (state, detail) => this.setState(state, detail),
        this.log,
        { ...DEFAULT_RECONNECT, ...this.options.reconnect },
      );
      await this.socket.start();
    } else {
      if (config.signingSecret === undefined) {
        throw new ConfigError(
          "SLACK_SIGNING_SECRET: required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
        );
      }
      const receiver = guardedHttpReceiver({
        signingSecret: config.signingSecret,
        logger: boltLogger(this.log),
        log: this.log,
      });
      const app = new App({ ...common, receiver });
      this.register(app, bot, handle, hooks);
      this.app = app;
      const host = this.options.host;
      this.server = await app
        .start({ port: config.port, ...(host !== undefined ? { host } : {}) })
        .catch((error: unknown) => {
          throw startupError(error, "SLACK_PORT");
        });
      // Slack calls in over HTTP: listening is being connected.
      this.setState("connected");
    }
    this.log.info({ mode: slackMode(config) }, "slack adapter started");
  }

  private register(
    app: App,
    bot: BotIdentity,
    handle: (event: CoreEvent) => Promise<void>,
    hooks: AdapterHooks,
  ): void {
    const deliver = async (event: CoreEvent | undefined, retryNum?: number): Promise<void> => {
      // Retries and message/app_mention twins carry the same id: one effect only.
      if (event === undefined || event.kind === "timer" || event.kind === "missed") return;
      if (!this.seen.firstTime(event.id)) return;
      // A retry the first delivery of which never reached copbot: its answer comes late.
      const arrived = retryNum !== undefined && retryNum > 0 ? { ...event, late: true } : event;
      // Naming waits for Slack on a member's first event, so it is queued per channel; the bot
      // keeps the order it is handed events in, so this queue does not wait for the handling
      // (the events of one moment are then checked for duplicates in one commit).
      let handled: Promise<void> | undefined;
      await this.inbound.run(event.channelId, async () => {
        handled = this.track(handle(await this.withName(arrived)));
      });
      await handled;
    };
    const now = () => this.clock.now();

    const translate: Record<string, (event: unknown, body: unknown) => CoreEvent | undefined> = {
      message: (event) => fromMessageEvent(event, bot),
      app_mention: (event) => fromMessageEvent(event, bot),
      reaction_added: (event) => fromReactionEvent(event, bot),
      reaction_removed: (event) => fromReactionEvent(event, bot),
      member_joined_channel: (event, body) => fromMemberJoined(event, bot, body, now()),
    };
    const modals: ModalHandling = {
      now,
      hooks,
      log: this.log,
      deliverAndExplain: async (event) => {
        const mark = this.port.unreachable.mark();
        await deliver(event);
        if (event) await this.explainUnreachable(event, mark, [event.values["__context"] ?? ""]);
      },
    };
    // One global middleware instead of a listener per kind: Bolt runs every listener's filters
    // for every request, which cost more per event than copbot's own dispatch below.
    app.use(async (args) => {
      if ("event" in args) {
        const { event, body, context } = args;
        if (!EVENT_TYPES.test(event.type)) return;
        if (event.type === "app_home_opened") return this.publishHome(homeOpenedBy(event));
        return deliver(translate[event.type]?.(event, body), context.retryNum);
      }
      // Acknowledge first (Slack gives 3 s), then work; answers come through the port.
      if ("command" in args) {
        if (!/^\/.+/.test(args.command.command)) return;
        await args.ack();
        const event = fromSlashCommand(args.body, now());
        if (event?.triggerId !== undefined) this.port.rememberTrigger(event.triggerId, event.channelId);
        const mark = this.port.unreachable.mark();
        await deliver(event);
        if (event) await this.explainUnreachable(event, mark, [event.channelId, event.text]);
        return;
      }
      if ("action" in args && args.body.type === "block_actions") {
        await args.ack();
        const event = fromBlockAction(args.body);
        if (event?.triggerId !== undefined) this.port.rememberTrigger(event.triggerId, event.channelId);
        await deliver(event);
        return;
      }
      if ("view" in args && isSubmission(args)) await answerModal(args, modals);
    });
    app.error(async (err) => {
      this.log.error({ err }, "slack: Bolt reported an error");
    });
  }

  /** Keeps `work` in `handling` until it settles; its failure is logged, never thrown. */
  private track(work: Promise<void>): Promise<void> {
    const tracked = work.catch((err: unknown) => this.log.error({ err }, "slack: handling an event failed"));
    this.handling.add(tracked);
    void tracked.then(() => this.handling.delete(tracked));
    return tracked;
  }

  /**
   * Adds the member's Slack display name (payloads carry ids, at most a legacy handle), so
   * profiles show the name people know each other by; mentions in a message's text become
   * `@Name` the same way (see `fromSlackText`).
   */
  private async withName(event: UserEvent): Promise<UserEvent> {
    const named =
      event.kind === "message" || event.kind === "message_edited"
        ? { ...event, text: await nameMentions(event.text, (id) => this.port.nameOf(qualify("slack", id))) }
        : event;
    const userName = (await this.port.nameOf(event.userId)) ?? event.userName;
    return userName === undefined ? named : { ...named, userName };
  }

  /** Tells the person behind `event` about channels its posts could not reach (see `explainUnreachable`). */
  private explainUnreachable(
    event: CommandEvent | FormSubmitEvent,
    mark: number,
    where: readonly string[],
  ): Promise<void> {
    return explainUnreachable(
      { port: this.port, lang: this.options.lang ?? "de", log: this.log },
      { event, mark, where },
    );
  }

  /** Publishes the Home tab the core composes for this member (see `publishHome`). */
  private async publishHome(user: string | undefined): Promise<void> {
    const build = this.options.homeView;
    if (user === undefined || build === undefined) return;
    await publishHome(this.client, user, () => build(qualify("slack", user)), {
      sleep: this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
      log: this.log,
      running: () => this.app !== undefined,
    });
  }

  async stop(): Promise<void> {
    const app = this.app;
    const socket = this.socket;
    this.app = undefined;
    this.server = undefined;
    this.socket = undefined;
    // Socket Mode: the connection closes; envelopes not acknowledged by then Slack sends again.
    if (socket) await socket.close();
    else await app?.stop();
    // Events already taken in are handled to the end (their answers wait in the outbox).
    await this.inbound.idle();
    await Promise.all(this.handling);
    this.setState("disconnected");
  }
}
