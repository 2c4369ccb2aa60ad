import pino from "pino";
import { MatrixAdapter } from "../../adapters/matrix/matrix-adapter";
import type { MatrixConfig } from "../../src/config";
import type { Clock } from "../../src/core/clock";
import type { CoreEvent } from "../../src/core/events";
import { FakeHomeserver } from "./matrix-homeserver";

export const BOT = "@copbot:example.org";
export const ANNA = "@anna:example.org";
export const BEN = "@ben:example.org";
export const CARLA = "@carla:example.org";

/** A running adapter against a stand-in homeserver, with the delays the client waited out. */
export interface MatrixRig {
  readonly hs: FakeHomeserver;
  readonly adapter: MatrixAdapter;
  /** Every `retry_after_ms` the client slept for. */
  readonly sleeps: number[];
  stop(): Promise<void>;
}

/**
 * Starts the stand-in homeserver, lets `prepare` set up rooms and history, then starts the
 * real adapter against it. `handle` receives the translated events.
 */
export async function startMatrixRig(opts: {
  clock: Clock;
  handle: (event: CoreEvent) => Promise<void>;
  prepare?: (hs: FakeHomeserver) => void;
  config?: Partial<MatrixConfig>;
  /** Restart against a running stand-in (it stays up when this rig stops). */
  hs?: FakeHomeserver;
}): Promise<MatrixRig> {
  const hs =
    opts.hs ?? (await FakeHomeserver.start({ botUserId: BOT, now: () => opts.clock.now().getTime() }));
  for (const [user, name] of [
    [BOT, "copbot"],
    [ANNA, "Anna Adler"],
    [BEN, "Ben Berg"],
    [CARLA, "Carla Conrad"],
  ] as const) {
    hs.setProfile(user, { displayname: name });
  }
  opts.prepare?.(hs);
  const sleeps: number[] = [];
  const adapter = new MatrixAdapter({
    config: { homeserverUrl: hs.url, accessToken: hs.accessToken, autojoin: [], ...opts.config },
    dataDir: "unused",
    inMemory: true,
    log: pino({ level: "silent" }),
    clock: opts.clock,
    lang: "de",
    retry: {
      maxAttempts: 5,
      maxInlineWaitMs: 10_000,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
  });
  await adapter.start(opts.handle);
  return {
    hs,
    adapter,
    sleeps,
    async stop() {
      await adapter.stop();
      if (!opts.hs) await hs.close();
    },
  };
}

/** Waits until the adapter has handled everything the stand-in has sent so far. */
export async function settle(rig: MatrixRig): Promise<void> {
  await rig.hs.caughtUp();
  await rig.adapter.whenIdle();
}
