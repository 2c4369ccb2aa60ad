import type { SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "pino";
import { backoffDelay, RECONNECT_BACKOFF, type BackoffPolicy } from "../../src/core/backoff";
import type { Connection } from "../../src/core/port";
import { startupError } from "./errors";

type SocketClient = SocketModeReceiver["client"];

/** How the Socket Mode connection waits between attempts; tests shorten or record the waits. */
export interface ReconnectOptions {
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  /** Waits `ms`, or less when `cancelled` resolves first (copbot stops). */
  readonly wait: (ms: number, cancelled: Promise<void>) => Promise<void>;
  /** An attempt that has neither connected nor failed after this long is abandoned. */
  readonly attemptTimeoutMs: number;
}

export const DEFAULT_RECONNECT: ReconnectOptions = {
  backoff: RECONNECT_BACKOFF,
  random: Math.random,
  wait: (ms, cancelled) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      void cancelled.then(() => {
        clearTimeout(timer);
        resolve();
      });
    }),
  attemptTimeoutMs: 30_000,
};

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Keeps copbot's Socket Mode connection up for as long as it runs. The SDK client's own
 * reconnect gives up (and rejects where nobody listens) when `apps.connections.open` answers
 * 5xx or cannot be reached; so the client runs with its reconnect off, and this loop opens
 * the connection again after every loss, with capped backoff and jitter, forever. Only the
 * first connection at start-up may fail for good (a refused token stops copbot with one line).
 */
export class SocketConnection {
  private stopped = false;
  private failures = 0;
  private loop: Promise<void> = Promise.resolve();
  private readonly stopping: Promise<void>;
  private stop: () => void = () => {};
  /** Resolves when the current connection ends. */
  private lost: Promise<void> = Promise.resolve();
  private markLost: () => void = () => {};

  constructor(
    private readonly client: SocketClient,
    private readonly onState: (state: Connection["state"], detail?: string) => void,
    private readonly log: Logger,
    private readonly opts: ReconnectOptions = DEFAULT_RECONNECT,
  ) {
    this.stopping = new Promise<void>((resolve) => (this.stop = resolve));
    client.on("disconnected", () => this.markLost());
  }

  /** Opens the first connection (a refused token throws a `ConfigError`), then keeps it open. */
  async start(): Promise<void> {
    this.onState("connecting");
    await this.attempt().catch((error: unknown) => {
      throw startupError(error, "SLACK_APP_TOKEN");
    });
    this.loop = this.keepOpen();
  }

  /** Ends the connection and the loop; nothing reconnects afterwards. */
  async close(): Promise<void> {
    this.stopped = true;
    this.stop();
    await this.client.disconnect().catch(() => undefined);
    await this.loop;
  }

  /** One connection attempt: resolves once Slack said hello, rejects on any failure. */
  private async attempt(): Promise<void> {
    this.lost = new Promise<void>((resolve) => (this.markLost = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        // A half-open connection that never says hello: end it, so the next attempt can start.
        void this.client.disconnect().catch(() => undefined);
        reject(new Error(`no Socket Mode connection after ${this.opts.attemptTimeoutMs} ms`));
      }, this.opts.attemptTimeoutMs);
    });
    try {
      await Promise.race([this.client.start(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.failures = 0;
    this.onState("connected");
  }

  private async keepOpen(): Promise<void> {
    while (!this.stopped) {
      await Promise.race([this.lost, this.stopping]);
      if (this.stopped) return;
      this.onState("connecting", "the connection to Slack was lost");
      // A connection that ended after working is reopened at once; failures back off.
      while (!this.stopped) {
        try {
          await this.attempt();
          break;
        } catch (error) {
          if (this.stopped) return;
          this.failures += 1;
          const delay = backoffDelay(this.failures, this.opts.backoff, this.opts.random);
          this.onState("disconnected", reason(error));
          this.log.debug({ err: error, attempt: this.failures, retryInMs: delay }, "slack: reconnect failed");
          await this.opts.wait(delay, this.stopping);
        }
      }
    }
  }
}
