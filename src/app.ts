import { dirname, join } from "node:path";
import type { Logger } from "pino";
import { ConsoleAdapter } from "../adapters/console/console-adapter";
import { consolePlatform } from "../adapters/console";
import { matrixPlatform } from "../adapters/matrix";
import { slackPlatform } from "../adapters/slack";
import { commands } from "../commands";
import { openDatabase, type Db } from "../db/open";
import { loadConfig as loadCoreConfig, type Config } from "./config";
import { createBot, type Bot } from "./core/bot";
import { SystemClock, VirtualClock, type Clock } from "./core/clock";
import type { Feature } from "./core/feature";
import { withSecretFiles } from "./core/env";
import type { AdapterContext, PlatformDescriptor, PlatformInfo } from "./core/platform";
import type { Adapter } from "./core/port";
import { advanceVirtualClock } from "./core/runtime";
import { SettingsRepo } from "./core/settings-repo";
import { digestFeature } from "./digest/feature";
import { groupsFeature } from "./groups/feature";
import { introsFeature } from "./intros/feature";
import { meetingsFeature } from "./meetings/feature";
import { privacyFeature } from "./privacy/feature";
import { qaFeature } from "./qa/feature";

/** The capabilities copbot runs, in the order they build the home and the meeting agenda. */
export const features: readonly Feature[] = [
  qaFeature,
  groupsFeature,
  meetingsFeature,
  introsFeature,
  digestFeature,
  privacyFeature,
];

/** The chat platforms copbot can serve; adding one is adding its descriptor here. */
export const chatPlatforms = [slackPlatform, matrixPlatform] as const;

/** Every platform whose ids copbot may meet (the console one included), for command prefixes. */
export const platforms: readonly PlatformInfo[] = [consolePlatform, ...chatPlatforms];

type ChatPlatform = (typeof chatPlatforms)[number];
type ConfigOf<D> = D extends PlatformDescriptor<infer C, string> ? C : never;

/** A configured chat platform, bound to its settings and ready to connect. */
export interface ConfiguredPlatform {
  readonly platform: string;
  readonly config: unknown;
  connect(ctx: AdapterContext): Promise<Adapter>;
}

/** The core's settings; each configured chat platform's under its name; all of those, ready to connect. */
export type AppConfig = Config & {
  readonly [D in ChatPlatform as D["platform"]]?: ConfigOf<D>;
} & { readonly chat: readonly ConfiguredPlatform[] };

function configure<C, P extends string>(
  descriptor: PlatformDescriptor<C, P>,
  env: NodeJS.ProcessEnv,
): ConfiguredPlatform[] {
  const config = descriptor.configFromEnv(env);
  if (config === undefined) return [];
  return [{ platform: descriptor.platform, config, connect: (ctx) => descriptor.create(config, ctx) }];
}

/**
 * Reads the environment: secrets given as files (`NAME_FILE`), the core's variables, then each
 * chat platform's through its descriptor. Throws a one-line `ConfigError` naming the first bad
 * variable, which never shows a secret.
 */
export function loadConfig(given: NodeJS.ProcessEnv): AppConfig {
  const env = withSecretFiles(given);
  const core = loadCoreConfig(env);
  const chat = chatPlatforms.flatMap((descriptor) =>
    configure<ConfigOf<ChatPlatform>, ChatPlatform["platform"]>(descriptor, env),
  );
  // Each entry holds its own descriptor's settings, so by name they have the AppConfig shape.
  const byName = Object.fromEntries(chat.map((c) => [c.platform, c.config])) as Omit<
    AppConfig,
    keyof Config | "chat"
  >;
  return { ...core, ...byName, chat };
}

/** A bot with its clock, ready for adapters. */
export interface App {
  readonly bot: Bot;
  readonly clock: Clock;
  readonly db: Db;
  readonly config: AppConfig;
}

/** Opens the database and builds the bot with every feature, without loading any platform SDK. */
export function buildApp(config: AppConfig, log: Logger, db = openDatabase(config.dbPath)): App {
  const clock = config.clock.kind === "virtual" ? new VirtualClock(config.clock.start) : new SystemClock();
  const bot = createBot({ db, clock, config, log, features, commands, platforms });
  return { bot, clock, db, config };
}

/** What adapters get from the app when they connect. */
export function adapterContext(app: App, log: Logger): AdapterContext {
  return {
    clock: app.clock,
    log,
    lang: app.config.lang,
    dataDir: app.config.dataDir,
    timeoutMs: app.config.callTimeoutMs,
    home: (userId) => app.bot.home(userId),
  };
}

/**
 * The console adapter wired to an app (also used by the tests' in-process harness); `filesDir`
 * is where attachments are saved (without it they are printed in full).
 */
export function consoleAdapter(app: App, write: (line: string) => void, filesDir?: string): ConsoleAdapter {
  const { bot, clock, config, db } = app;
  return new ConsoleAdapter({
    settings: new SettingsRepo(db),
    clock,
    timeZone: config.timeZone,
    write,
    // Files (exports, report charts and tables, calendar files) land next to the database.
    ...(filesDir !== undefined
      ? { filesDir }
      : config.dbPath === ":memory:"
        ? {}
        : { filesDir: join(dirname(config.dbPath), "files") }),
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
