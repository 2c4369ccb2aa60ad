import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { ConsoleAdapter } from "../adapters/console/console-adapter";
import { openDatabase, type Db } from "../db/open";
import { loadConfig, type Config } from "./config";
import { createBot, type Bot } from "./core/bot";
import { SystemClock, VirtualClock, type Clock } from "./core/clock";
import { ConfigError, CopbotError } from "./core/errors";
import type { Adapter } from "./core/port";
import { advanceVirtualClock, SystemRuntime } from "./core/runtime";
import { SettingsRepo } from "./core/settings";
import { loadEnvFile } from "./env-file";
import { features } from "./features";
import { createLogger } from "./log";

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
 * `handle`; `afterEvent` lets the runtime re-arm its outbox timer (a send held by a rate limit).
 */
export async function attach(app: App, adapter: Adapter, afterEvent?: () => void): Promise<void> {
  app.bot.services.ports.add(adapter.port);
  await adapter.start(
    async (event) => {
      await app.bot.handle(event);
      afterEvent?.();
    },
    { validateForm: (event) => app.bot.validateForm(event) },
  );
}

async function runConsole(app: App): Promise<void> {
  const adapter = consoleAdapter(app, (line) => process.stdout.write(`${line}\n`));
  const runtime = app.clock instanceof VirtualClock ? undefined : new SystemRuntime(app.bot);
  await attach(app, adapter, () => runtime?.armWake());
  runtime?.start();
  // Jobs that came due while copbot was stopped run now (late, or reported as missed).
  if (!runtime) await app.bot.tick();
  const input = createInterface({ input: process.stdin, terminal: false });
  // Ctrl-C or a service stop ends the session like end of input: pending output is written
  // and the database is closed cleanly.
  const stop = () => input.close();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for await (const line of input) {
    if (!(await adapter.line(line))) break;
  }
  input.close();
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  await runtime?.stop();
  await app.bot.services.outbox.drain();
  await adapter.stop();
}

/**
 * The chat platforms the configuration names; none means the console. Each platform's SDK is
 * loaded only when it is configured: together they take some 50 MB of memory.
 */
async function platformAdapters(app: App, log: Logger): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const { slack, matrix, dataDir, lang } = app.config;
  if (slack) {
    const { SlackAdapter } = await import("../adapters/slack");
    adapters.push(
      new SlackAdapter({
        config: slack,
        clock: app.clock,
        log: log.child({ adapter: "slack" }),
        homeView: (userId) => app.bot.home(userId),
        lang,
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
      }),
    );
  }
  return adapters;
}

/** Serves the chat platforms until SIGINT/SIGTERM, with the scheduler on the system clock. */
async function runPlatforms(app: App, adapters: readonly Adapter[], log: Logger): Promise<void> {
  const runtime = new SystemRuntime(app.bot);
  const started: Adapter[] = [];
  try {
    for (const adapter of adapters) {
      await attach(app, adapter, () => runtime.armWake());
      started.push(adapter);
    }
  } catch (error) {
    // One platform failing to start must not leave the others running without a scheduler.
    for (const adapter of started) await adapter.stop();
    throw startFailure(adapters[started.length]?.port.platform, error);
  }
  runtime.start();
  log.info({ platforms: adapters.map((a) => a.port.platform) }, "copbot running");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await runtime.stop();
  await app.bot.services.outbox.drain();
  for (const adapter of adapters) await adapter.stop();
}

/** A start-up failure as one clear line that points at the platform's settings. */
function startFailure(platform: string | undefined, error: unknown): unknown {
  if (error instanceof CopbotError || platform === undefined) return error;
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new ConfigError(
    `${platform.toUpperCase()}_*: could not start the ${platform} adapter: ${reason} (check the URL, token and network)`,
  );
}

async function main(): Promise<void> {
  loadEnvFile(process.env["COPBOT_ENV_FILE"] ?? ".env", process.env);
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const app = buildApp(config, log);
  try {
    const adapters = await platformAdapters(app, log);
    if (adapters.length > 0) {
      await runPlatforms(app, adapters, log);
    } else {
      log.info({ db: config.dbPath, clock: config.clock.kind }, "copbot starting (console)");
      await runConsole(app);
    }
  } finally {
    app.db.close();
  }
}

if (require.main === module) {
  main().then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      const line = error instanceof CopbotError ? error.message : String((error as Error).stack ?? error);
      process.stderr.write(`copbot: ${line}\n`);
      process.exitCode = error instanceof CopbotError ? 2 : 1;
    },
  );
}
