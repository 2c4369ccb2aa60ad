import pino from "pino";
import { MatrixAdapter } from "../../adapters/matrix/matrix-adapter";
import type { MatrixConfig } from "../../adapters/matrix/config";
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

/** How to start a rig. */
export interface RigOptions {
  clock: Clock;
  handle: (event: CoreEvent) => Promise<void>;
  prepare?: (hs: FakeHomeserver) => void;
  config?: Partial<MatrixConfig>;
  /** Restart against a running stand-in (it stays up when this rig stops). */
  hs?: FakeHomeserver;
  /** How long a request to the homeserver may take (the adapter's default otherwise). */
  timeoutMs?: number;
  /** Long-poll timeout of each sync. */
  syncTimeoutMs?: number;
}

/** Gives the bot and the three people their display names on the stand-in. */
export function nameEveryone(hs: FakeHomeserver): void {
  for (const [user, name] of [
    [BOT, "copbot"],
    [ANNA, "Anna Adler"],
    [BEN, "Ben Berg"],
    [CARLA, "Carla Conrad"],
  ] as const) {
    hs.setProfile(user, { displayname: name });
  }
}

/**
 * Starts the stand-in homeserver, lets `readyFor` set up rooms and history, then starts the
 * real adapter against it. `handle` receives the translated events.
 */
export async function startMatrixRig(opts: RigOptions): Promise<MatrixRig> {
  const hs =
    opts.hs ?? (await FakeHomeserver.start({ botUserId: BOT, now: () => opts.clock.now().getTime() }));
  nameEveryone(hs);
  opts.prepare?.(hs);
  const sleeps: number[] = [];
  const adapter = new MatrixAdapter({
    config: { homeserverUrl: hs.url, accessToken: hs.accessToken, autojoin: [], ...opts.config },
    dataDir: "unused",
    inMemory: true,
    log: pino({ level: "silent" }),
    clock: opts.clock,
    lang: "de",
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.syncTimeoutMs !== undefined ? { syncTimeoutMs: opts.syncTimeoutMs } : {}),
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

/** A rig that collects the events it translated, so a test can assert what reached the core. */
export interface RecordingRig extends MatrixRig {
  readonly events: CoreEvent[];
}

/** Starts a rig that records every translated event, and waits until its first sync is handled. */
export async function startRecordingRig(opts: Omit<RigOptions, "handle">): Promise<RecordingRig> {
  const events: CoreEvent[] = [];
  const rig = await startMatrixRig({
    ...opts,
    handle: async (event) => {
      events.push(event);
    },
  });
  await settle(rig);
  return { ...rig, events };
}

/** Anna's room "fragen" with the bot and `members` joined, created at `ts`. */
export function fragenRoom(hs: FakeHomeserver, ts: number, members: readonly string[] = [BEN]): string {
  return hs.createRoom({ creator: ANNA, members, botJoined: true, name: "fragen", ts });
}

/**
 * The community room (Ben and Carla in it, Ben a moderator by power level 50) and the space
 * (the bot may manage it), created at `ts` and reachable by the aliases #fragen and #cop.
 */
export function communityAndSpace(
  hs: FakeHomeserver,
  names: { community: string; space: string },
  ts: number,
): { community: string; space: string } {
  const community = hs.createRoom({
    creator: ANNA,
    members: [BEN, CARLA],
    botJoined: true,
    name: names.community,
    powerLevels: { [BEN]: 50 },
    ts,
  });
  const space = hs.createRoom({
    creator: ANNA,
    botJoined: true,
    name: names.space,
    powerLevels: { [BOT]: 100 },
    ts,
  });
  hs.store.aliases.set("#fragen:example.org", community);
  hs.store.aliases.set("#cop:example.org", space);
  return { community, space };
}
