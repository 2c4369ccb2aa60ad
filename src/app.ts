import type { Logger } from "pino";
import { commands } from "../commands";
import { ConsoleAdapter } from "../adapters/console/console-adapter";
import { openDatabase, type Db } from "../db/open";
import type { Config } from "./config";
import { createBot, type Bot } from "./core/bot";
import { SystemClock, VirtualClock, type Clock } from "./core/clock";
import type { Feature } from "./core/feature";
import type { Adapter } from "./core/port";
import { advanceVirtualClock } from "./core/runtime";
import { SettingsRepo } from "./core/settings-repo";
import { groupsFeature } from "./groups/feature";
import { meetingsFeature } from "./meetings/feature";
import { qaFeature } from "./qa/feature";

/** The capabilities copbot runs, in the order they build the home and the meeting agenda. */
export const features: readonly Feature[] = [qaFeature, groupsFeature, meetingsFeature];

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
  const bot = createBot({ db, clock, config, log, features, commands });
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
