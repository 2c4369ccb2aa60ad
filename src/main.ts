import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { adapterContext, attach, buildApp, consoleAdapter, loadConfig, type App } from "./app";
import { VirtualClock } from "./core/clock";
import { ensurePrivateDir } from "../db/private-file";
import { redactSecrets, secretValues, withSecretFiles } from "./core/env";
import { ConfigError, CopbotError } from "./core/errors";
import type { Adapter } from "./core/port";
import { SystemRuntime } from "./core/runtime";
import { loadEnvFile } from "./env-file";
import { createLogger } from "./log";

async function runConsole(app: App): Promise<void> {
  const adapter = consoleAdapter(
    app,
    (line) => process.stdout.write(`${line}\n`),
    join(app.config.dataDir, "files"),
  );
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

/** Serves the chat platforms until SIGINT/SIGTERM, with the scheduler on the system clock. */
async function runPlatforms(app: App, log: Logger): Promise<void> {
  const runtime = new SystemRuntime(app.bot);
  const started: Adapter[] = [];
  const ctx = adapterContext(app, log);
  for (const platform of app.config.chat) {
    try {
      const adapter = await platform.connect(ctx);
      await attach(app, adapter, () => runtime.armWake());
      started.push(adapter);
    } catch (error) {
      // One platform failing to start must not leave the others running without a scheduler.
      for (const adapter of started) await adapter.stop();
      throw startFailure(platform.platform, error);
    }
  }
  runtime.start();
  log.info({ platforms: app.config.chat.map((p) => p.platform) }, "copbot running");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await runtime.stop();
  await app.bot.services.outbox.drain();
  for (const adapter of started) await adapter.stop();
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

async function main(): Promise<void> {
  loadEnvFile(process.env["COPBOT_ENV_FILE"] ?? ".env", process.env);
  secrets = secretValues(process.env);
  const config = loadConfig(process.env);
  // Secrets read from `NAME_FILE` files are known once the configuration has read them.
  secrets = secretValues(withSecretFiles(process.env));
  const log = createLogger(config.logLevel, undefined, secrets);
  ensurePrivateDir(config.dataDir);
  const app = buildApp(config, log);
  try {
    if (app.config.chat.length > 0) {
      await runPlatforms(app, log);
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
      process.stderr.write(`copbot: ${redactSecrets(line, secrets)}\n`);
      process.exitCode = error instanceof CopbotError ? 2 : 1;
    },
  );
}
