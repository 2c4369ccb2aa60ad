import pino from "pino";
import { MatrixAdapter, type MatrixAdapterOptions } from "../../adapters/matrix/matrix-adapter";
import { VirtualClock } from "../../src/core/clock";
import { advanceVirtualClock } from "../../src/core/runtime";
import { attach, buildApp, type App, loadConfig } from "../../src/app";
import { BOT, nameEveryone } from "./matrix-harness";
import { FakeHomeserver } from "./matrix-homeserver";

/** copbot's real core on a virtual clock, connected through the Matrix adapter to a stand-in homeserver. */
export interface MatrixApp {
  readonly hs: FakeHomeserver;
  readonly app: App;
  readonly clock: VirtualClock;
  readonly adapter: MatrixAdapter;
  /** Waits until everything the stand-in sent so far has been handled and answered. */
  settle(): Promise<void>;
  /** Moves the virtual clock, running due jobs and sends in order. */
  advance(to: Date): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole bot as `npm start` wires it for Matrix, against a stand-in homeserver whose
 * event timestamps follow the bot's virtual clock. `readyFor` creates rooms before start-up.
 */
export async function startMatrixApp(opts: {
  start: string;
  prepare: (hs: FakeHomeserver) => Record<string, string>;
  env?: Record<string, string>;
  /** Keep the database, the sync position and the crypto state in this folder (for restarts). */
  dataDir?: string;
  /** Start against this running stand-in (a restart); it stays up when the app stops. */
  hs?: FakeHomeserver;
  /** How the sync loop waits after a failed sync (the adapter's default otherwise). */
  syncBackoff?: MatrixAdapterOptions["syncBackoff"];
}): Promise<MatrixApp & { rooms: Record<string, string> }> {
  // The stand-in stamps events with the bot's virtual time, which exists only once the app is built.
  const clockRef: { current?: VirtualClock } = {};
  const startAt = new Date(opts.start).getTime();
  const hs =
    opts.hs ??
    (await FakeHomeserver.start({
      botUserId: BOT,
      now: () => clockRef.current?.now().getTime() ?? startAt,
    }));
  if (opts.hs) hs.store.setClock(() => clockRef.current?.now().getTime() ?? startAt);
  nameEveryone(hs);
  const rooms = opts.prepare(hs);
  const config = loadConfig({
    COPBOT_CLOCK: "virtual",
    COPBOT_START: opts.start,
    COPBOT_DB: opts.dataDir === undefined ? ":memory:" : `${opts.dataDir}/copbot.db`,
    ...(opts.dataDir === undefined ? {} : { COPBOT_DATA_DIR: opts.dataDir }),
    MATRIX_HOMESERVER_URL: hs.url,
    MATRIX_ACCESS_TOKEN: hs.accessToken,
    ...opts.env,
  });
  const log = pino({ level: "silent" });
  const app = buildApp(config, log);
  if (!(app.clock instanceof VirtualClock) || !config.matrix)
    throw new Error("needs the virtual clock and Matrix");
  const virtual = app.clock;
  clockRef.current = virtual;
  const adapter = new MatrixAdapter({
    config: config.matrix,
    dataDir: config.dataDir,
    lang: config.lang,
    clock: virtual,
    log,
    inMemory: opts.dataDir === undefined,
    ...(opts.syncBackoff ? { syncBackoff: opts.syncBackoff } : {}),
  });
  await attach(app, adapter);
  const settle = async (): Promise<void> => {
    await hs.caughtUp();
    await adapter.whenIdle();
  };
  await settle();
  return {
    hs,
    app,
    clock: virtual,
    adapter,
    rooms,
    settle,
    async advance(to) {
      await advanceVirtualClock(app.bot, virtual, to);
      await settle();
    },
    async stop() {
      await adapter.stop();
      if (!opts.hs) await hs.close();
      app.db.close();
    },
  };
}
