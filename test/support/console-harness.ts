import pino, { type Logger } from "pino";
import type { ConsoleAdapter } from "../../adapters/console/console-adapter";
import { VirtualClock } from "../../src/core/clock";
import { attach, buildApp, consoleAdapter, type App, loadConfig } from "../../src/app";

/** An in-process console session on a virtual clock: feed lines, read the transcript. */
export interface ConsoleHarness {
  /** Feeds input lines in order; returns the lines printed while handling them. */
  send(...lines: string[]): Promise<string[]>;
  /** Everything printed so far. */
  readonly transcript: string[];
  readonly app: App;
  readonly clock: VirtualClock;
  readonly adapter: ConsoleAdapter;
  /** Closes the database (the file stays for a restart test). */
  close(): void;
}

/**
 * Starts copbot's console in-process, exactly as `npm start` wires it, on a virtual clock.
 * `start` is an ISO time (default Monday 2026-11-30 09:00 Berlin); `dbPath` a file for restart
 * tests (default in-memory); `env` adds or overrides environment variables; `filesDir` saves
 * attachments there, as `npm start` does, instead of printing them in full; `log` receives the
 * logs (default: none).
 */
export async function startConsole(
  opts: {
    start?: string;
    dbPath?: string;
    env?: Record<string, string>;
    filesDir?: string;
    log?: Logger;
  } = {},
): Promise<ConsoleHarness> {
  const config = loadConfig({
    COPBOT_CLOCK: "virtual",
    COPBOT_START: opts.start ?? "2026-11-30T09:00:00+01:00",
    COPBOT_DB: opts.dbPath ?? ":memory:",
    ...opts.env,
  });
  const app = buildApp(config, opts.log ?? pino({ level: "silent" }));
  const transcript: string[] = [];
  const adapter = consoleAdapter(app, (line) => transcript.push(line), opts.filesDir);
  await attach(app, adapter);
  await app.bot.tick();
  const clock = app.clock;
  if (!(clock instanceof VirtualClock)) throw new Error("the harness needs the virtual clock");
  return {
    transcript,
    app,
    clock,
    adapter,
    async send(...lines) {
      const from = transcript.length;
      for (const line of lines) await adapter.line(line);
      return transcript.slice(from);
    },
    close: () => app.db.close(),
  };
}
