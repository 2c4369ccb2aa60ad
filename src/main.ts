import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { ConsoleAdapter } from "../adapters/console/console-adapter";
import { leaseOf } from "../db/lease";
import { openDatabase, type Db } from "../db/open";
import { loadConfig, type Config } from "./config";
import { createBot, type Bot } from "./core/bot";
import { SystemClock, VirtualClock, type Clock } from "./core/clock";
import { ConfigError, CopbotError, DatabaseError } from "./core/errors";
import { OpsServer } from "./core/ops-server";
import type { Adapter } from "./core/port";
import { advanceVirtualClock, SystemRuntime } from "./core/runtime";
import { SettingsRepo } from "./core/settings";
import { loadEnvFile } from "./env-file";
import { features } from "./features";
import { createLogger } from "./log";
import { registerProbes } from "./probes";
import { exitWithin, STOP_DEADLINE_MS, StopSignal, within, type StopReason } from "./shutdown";

/** A bot with its clock, ready for adapters. */
export interface App {
  readonly bot: Bot;
  readonly clock: Clock;
  readonly db: Db;
  readonly config: Config;
}

/** Opens the database and builds the bot with every feature. */
export function buildApp(config: Config, log: Logger, db = openDatabase(config.dbPath)): App {
  const clock = config.clock.kind === "virtual" ? new VirtualClock(config.clock.start) : new SystemClock();
  const bot = createBot({ db, clock, config, log, features });
  return { bot, clock, db, config };
}

/** The console adapter wired to an app (also used by the tests' in-process harness). */
export function consoleAdapter(app: App, write: (line: string) => void): ConsoleAdapter {
  const { bot, clock, config, db } = app;
  return new ConsoleAdapter({
    settings: new SettingsRepo(db),
    clock,
    timeZone: config.timeZone,
    write,
    ...(clock instanceof VirtualClock
      ? {
          advanceClock: (to: Date, onStep: (at: Date) => void) => advanceVirtualClock(bot, clock, to, onStep),
        }
      : {}),
  });
}

/**
 * Connects an adapter to the bot: its port serves outgoing messages, its events go to
 * `handle`; `afterEvent` runs after each (the console waits for all output there).
 */
export async function attach(app: App, adapter: Adapter, afterEvent?: () => Promise<void>): Promise<void> {
  app.bot.services.ports.add(adapter.port);
  await adapter.start(
    async (event) => {
      await app.bot.handle(event);
      await afterEvent?.();
    },
    { validateForm: (event) => app.bot.validateForm(event) },
  );
}

/** Time given to calls in flight when copbot stops; what is left stays queued for the next start. */
const IN_FLIGHT_GRACE_MS = 5_000;
/** Time given to adapters to stop taking events. */
const ADAPTER_STOP_MS = 2_000;

async function runConsole(app: App, stop: StopSignal): Promise<void> {
  const adapter = consoleAdapter(app, (line) => process.stdout.write(`${line}\n`));
  const runtime = app.clock instanceof VirtualClock ? undefined : new SystemRuntime(app.bot);
  // The console is a local transcript: each line's output, bulk included, is printed before the next.
  await attach(app, adapter, () => app.bot.services.outbox.drain());
  runtime?.start();
  // Jobs that came due while copbot was stopped run now (late, or reported as missed).
  if (!runtime) await app.bot.tick();
  const input = createInterface({ input: process.stdin, terminal: false });
  // Ctrl-C, a service stop or a broken database end the session like end of input.
  stop.onStop(() => input.close());
  for await (const line of input) {
    if (stop.current || !(await adapter.line(line))) break;
  }
  input.close();
  await runtime?.stop();
  // Pending output is written, unless the database broke (nothing can be read from it then).
  if (!stop.current || stop.current.kind === "signal") await app.bot.services.outbox.drain();
  await app.bot.services.outbox.stop(0);
  await adapter.stop();
}

/** The chat platforms the configuration names (their SDKs load only then); none means the console. */
async function platformAdapters(app: App, log: Logger): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const { slack, matrix, dataDir, lang, callTimeoutMs } = app.config;
  if (slack) {
    const { SlackAdapter } = await import("../adapters/slack");
    adapters.push(
      new SlackAdapter({
        config: slack,
        clock: app.clock,
        log: log.child({ adapter: "slack" }),
        homeView: (userId) => app.bot.home(userId),
        lang,
        timeoutMs: callTimeoutMs,
      }),
    );
  }
  if (matrix) {
    const { MatrixAdapter } = await import("../adapters/matrix/matrix-adapter");
    adapters.push(
      new MatrixAdapter({
        config: matrix,
        dataDir,
        lang,
        clock: app.clock,
        log: log.child({ adapter: "matrix" }),
        timeoutMs: callTimeoutMs,
      }),
    );
  }
  return adapters;
}

/**
 * Serves the chat platforms until a signal or a broken database. Stopping takes new events
 * no more at once (readiness turns false), lets the calls in flight finish, leaves the rest
 * of the outbox for the next start and ends within the deadline.
 */
async function runPlatforms(
  app: App,
  adapters: readonly Adapter[],
  log: Logger,
  stop: StopSignal,
): Promise<void> {
  const runtime = new SystemRuntime(app.bot);
  const started: Adapter[] = [];
  try {
    for (const adapter of adapters) {
      await attach(app, adapter);
      started.push(adapter);
    }
  } catch (error) {
    // One platform failing to start must not leave the others running without a scheduler.
    for (const adapter of started) await adapter.stop();
    throw startFailure(adapters[started.length]?.port.platform, error);
  }
  runtime.start();
  log.info({ platforms: adapters.map((a) => a.port.platform) }, "copbot running");
  const reason = await stop.reason;
  app.bot.services.health.markStopping();
  log.info({ reason: reason.kind }, "copbot stopping");
  await within(ADAPTER_STOP_MS, Promise.all(adapters.map((a) => a.stop())));
  await runtime.stop();
  const left = await app.bot.services.outbox.stop(IN_FLIGHT_GRACE_MS);
  if (left > 0) log.warn({ inFlight: left }, "calls still in flight at stop; the next start checks them");
}

/** A start-up failure as one clear line that points at the platform's settings. */
function startFailure(platform: string | undefined, error: unknown): unknown {
  if (error instanceof CopbotError || platform === undefined) return error;
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new ConfigError(
    `${platform.toUpperCase()}_*: could not start the ${platform} adapter: ${reason} (check the URL, token and network)`,
  );
}

/** Keeps the database lease while running; a lease that cannot be renewed stops copbot. */
function keepLease(app: App): void {
  const { health } = app.bot.services;
  leaseOf(app.db)?.startRenewing((error) => {
    if (health.fatal(error)) return;
    const reason = error instanceof Error ? error.message : String(error);
    health.fatal(
      new DatabaseError(
        `COPBOT_DB ${app.config.dbPath}: the lease could not be renewed (${reason}); this copbot stops`,
        {
          fatal: true,
        },
      ),
    );
  });
}

async function main(): Promise<StopReason | undefined> {
  loadEnvFile(process.env["COPBOT_ENV_FILE"] ?? ".env", process.env);
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const app = buildApp(config, log);
  const stop = new StopSignal(app.bot.services.health);
  stop.onStop((reason) => exitWithin(STOP_DEADLINE_MS, () => (reason.kind === "fatal" ? 2 : 0), log));
  const ops = config.healthPort === undefined ? undefined : new OpsServer(app.bot.services.health);
  try {
    keepLease(app);
    const adapters = await platformAdapters(app, log);
    registerProbes(app, adapters);
    if (ops && config.healthPort !== undefined) {
      const port = await ops.listen(config.healthPort).catch((error: unknown) => {
        throw new ConfigError(`COPBOT_HEALTH_PORT: cannot listen on ${config.healthPort} (${String(error)})`);
      });
      log.info({ port }, "health endpoints /healthz and /readyz listening");
    }
    if (adapters.length > 0) {
      await runPlatforms(app, adapters, log, stop);
    } else {
      log.info({ db: config.dbPath, clock: config.clock.kind }, "copbot starting (console)");
      await runConsole(app, stop);
    }
    return stop.current;
  } catch (error) {
    // A broken database surfacing anywhere (an adapter's own bookkeeping too) gets its clear line.
    const { health } = app.bot.services;
    throw health.fatal(error) ? (health.broken ?? error) : error;
  } finally {
    stop.dispose();
    leaseOf(app.db)?.stopRenewing();
    await ops?.close();
    app.db.close();
  }
}

/**
 * Ends the process once copbot has stopped: the database is closed and what is left waits in
 * the outbox, so a call that still hangs (and holds the event loop) must not delay the exit.
 */
function exit(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 100).unref();
}

if (require.main === module) {
  main().then(
    (reason) => {
      if (reason?.kind === "fatal") {
        process.stderr.write(`copbot: ${reason.error.message}\n`);
        exit(2);
      } else {
        exit(0);
      }
    },
    (error: unknown) => {
      const line = error instanceof CopbotError ? error.message : String((error as Error).stack ?? error);
      process.stderr.write(`copbot: ${line}\n`);
      exit(error instanceof CopbotError ? 2 : 1);
    },
  );
}
