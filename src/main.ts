import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { Checkpointer } from "../db/checkpointer";
import { leaseOf } from "../db/lease";
import { adapterContext, attach, buildApp, consoleAdapter, loadConfig, type App } from "./app";
import { healthPort } from "./config";
import { VirtualClock } from "./core/clock";
import { ensurePrivateDir } from "../db/private-file";
import { redactSecrets, secretValues, withSecretFiles } from "./core/env";
import { ConfigError, CopbotError, DatabaseError } from "./core/errors";
import { OpsServer } from "./core/ops-server";
import type { Adapter } from "./core/port";
import { SystemRuntime } from "./core/runtime";
import { t } from "./i18n";
import { formatDateTime } from "./i18n/format";
import { loadEnvFile } from "./env-file";
import { createLogger } from "./log";
import { metricsRoute } from "./metrics";
import { registerProbes } from "./probes";
import { exitWithin, STOP_DEADLINE_MS, StopSignal, within, type StopReason } from "./shutdown";

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
  // A prompt only for a person at a terminal: piped input keeps stdout a clean transcript.
  const interactive = process.stdin.isTTY === true;
  const input = interactive
    ? createInterface({ input: process.stdin, output: process.stdout, prompt: "> " })
    : createInterface({ input: process.stdin, terminal: false });
  // Iterating from here buffers every line: the catch-up tick below yields to the event loop
  // (due jobs and pruning run in slices), and a line read meanwhile must not be lost.
  const lines = input[Symbol.asyncIterator]();
  try {
    // Jobs that came due while copbot was stopped run now (late, or reported as missed).
    if (!runtime) await app.bot.tick();
    process.stderr.write(`${readyLine(app)}\n`);
    // Ctrl-C, a service stop or a broken database end the session like end of input.
    stop.onStop(() => input.close());
    if (interactive) input.prompt();
    for await (const line of lines) {
      if (stop.current || !(await adapter.line(line))) break;
      if (interactive) input.prompt();
    }
  } finally {
    // No timer may outlive the session, whatever ended it.
    input.close();
    await runtime?.stop();
  }
  // Pending output is written, unless the database broke (nothing can be read from it then).
  if (!stop.current || stop.current.kind === "signal") await app.bot.services.outbox.drain();
  await app.bot.services.outbox.stop(0);
  await adapter.stop();
}

/** The console's one line saying it is ready: which database, which clock, how to begin. */
function readyLine(app: App): string {
  const { config } = app;
  const clock =
    config.clock.kind === "virtual"
      ? t(config.lang, "core.console.clock.virtual", {
          start: formatDateTime(config.clock.start, config.timeZone, config.lang),
        })
      : t(config.lang, "core.console.clock.system");
  return t(config.lang, "core.console.ready", { db: config.dbPath, clock });
}

/** Connects every configured chat platform (their SDKs load only now). */
async function connectPlatforms(app: App, log: Logger): Promise<Adapter[]> {
  const started: Adapter[] = [];
  const ctx = adapterContext(app, log);
  for (const platform of app.config.chat) {
    try {
      const adapter = await platform.connect(ctx);
      await attach(app, adapter);
      started.push(adapter);
    } catch (error) {
      // One platform failing to start must not leave the others running without a scheduler.
      for (const adapter of started) await adapter.stop();
      throw startFailure(platform.platform, error);
    }
  }
  return started;
}

/**
 * Serves the chat platforms until a signal or a broken database. Stopping takes new events
 * no more at once (readiness turns false), lets the calls in flight finish, leaves the rest
 * of the outbox for the next start and ends within the deadline.
 */
async function runPlatforms(app: App, log: Logger, stop: StopSignal): Promise<void> {
  const runtime = new SystemRuntime(app.bot);
  const adapters = await connectPlatforms(app, log);
  registerProbes(app, adapters);
  runtime.start();
  log.info({ platforms: app.config.chat.map((p) => p.platform) }, "copbot running");
  const reason = await stop.reason;
  app.bot.services.health.markStopping();
  log.info({ reason: reason.kind }, "copbot stopping");
  await runtime.stop();
  await within(ADAPTER_STOP_MS, Promise.all(adapters.map((a) => a.stop())));
  const left = await app.bot.services.outbox.stop(IN_FLIGHT_GRACE_MS);
  if (left > 0) log.warn({ inFlight: left }, "calls still in flight at stop; the next start checks them");
}

/** A start-up failure as one clear line that points at the platform's settings. */
function startFailure(platform: string, error: unknown): unknown {
  if (error instanceof CopbotError) return error;
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new ConfigError(
    `${platform.toUpperCase()}_*: could not start the ${platform} adapter: ${reason} (check the URL, token and network)`,
  );
}

/** This run's secret values: scrubbed from every log line and from the last error line. */
let secrets: readonly string[] = [];

/** Keeps the database lease while running; a lease that cannot be renewed stops copbot. */
function keepLease(app: App): void {
  const { health } = app.bot.services;
  leaseOf(app.db)?.startRenewing((error) => {
    if (health.fatal(error)) return;
    const reason = error instanceof Error ? error.message : String(error);
    health.fatal(
      new DatabaseError(
        `COPBOT_DB ${app.config.dbPath}: the lease could not be renewed (${reason}); this copbot stops`,
        { fatal: true },
      ),
    );
  });
}

/**
 * Starts `/healthz`, `/readyz` and `/metrics` when a port is configured (by default whenever a
 * platform runs).
 */
async function startOps(app: App, log: Logger): Promise<OpsServer | undefined> {
  const port = healthPort(app.config, app.config.chat.length > 0);
  if (port === undefined) return undefined;
  const ops = new OpsServer(app.bot.services.health).route("/metrics", metricsRoute(app));
  const listening = await ops.listen(port).catch((error: unknown) => {
    throw new ConfigError(`COPBOT_HEALTH_PORT: cannot listen on ${port} (${String(error)})`);
  });
  log.info({ port: listening }, "ops endpoints /healthz, /readyz and /metrics listening");
  return ops;
}

async function main(): Promise<StopReason | undefined> {
  loadEnvFile(process.env["COPBOT_ENV_FILE"] ?? ".env", process.env);
  secrets = secretValues(process.env);
  const config = loadConfig(process.env);
  // Secrets read from `NAME_FILE` files are known once the configuration has read them.
  secrets = secretValues(withSecretFiles(process.env));
  const log = createLogger(config.logLevel, undefined, secrets);
  ensurePrivateDir(config.dataDir);
  const app = buildApp(config, log);
  // WAL checkpoints run in a worker thread, not in the main thread's commits (db/checkpointer.ts).
  const checkpointer =
    config.dbPath === ":memory:" ? undefined : Checkpointer.start(app.db, config.dbPath, { log });
  const stop = new StopSignal(app.bot.services.health);
  stop.onStop((reason) => exitWithin(STOP_DEADLINE_MS, () => (reason.kind === "fatal" ? 2 : 0), log));
  let ops: OpsServer | undefined;
  try {
    keepLease(app);
    ops = await startOps(app, log);
    if (app.config.chat.length > 0) {
      await runPlatforms(app, log, stop);
    } else {
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
    await checkpointer?.stop();
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
      process.stderr.write(`copbot: ${redactSecrets(line, secrets)}\n`);
      exit(error instanceof CopbotError ? 2 : 1);
    },
  );
}
