import pino from "pino";
import { Checkpointer } from "../db/checkpointer";
import { openDatabase, type Db } from "../db/open";
import { VirtualClock } from "../src/core/clock";
import type { OutgoingMessage, PostedRef, Target } from "../src/core/message";
import { buildApp, loadConfig, type App } from "../src/app";
import { RecordingPort } from "../test/support/recording-port";
import { NOW } from "./dataset/generate";

/**
 * A chat port that behaves like a network one: each call returns only after the event loop
 * turned once (as an HTTP call would), and it counts instead of keeping what was sent.
 */
export class BenchPort extends RecordingPort {
  posts = 0;
  /** Posts into a thread, i.e. copbot's replies to questions. */
  threadPosts = 0;
  private sequence = 0;

  constructor(private readonly yieldEachCall = true) {
    super("console");
  }

  private turn(): Promise<void> {
    return this.yieldEachCall ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve();
  }

  override async post(target: Target, _message: OutgoingMessage): Promise<PostedRef> {
    await this.turn();
    this.posts += 1;
    if (target.kind === "channel" && target.threadId !== undefined) this.threadPosts += 1;
    const channelId = target.kind === "dm" ? "console:dm" : target.channelId;
    return { channelId, messageId: `bench${++this.sequence}` };
  }

  override async update(): Promise<void> {
    await this.turn();
  }

  override async pin(): Promise<void> {
    await this.turn();
  }
}

/** A checkpoint of the worker on this thread's `performance.now()` clock: from `start`, `ms` long. */
export interface CheckpointSpan {
  readonly start: number;
  readonly ms: number;
}

/**
 * copbot as `npm start` builds it (every feature), on a database file and a virtual clock at
 * `NOW`; `checkpoints` fills with the checkpoint worker's checkpoints as they are reported.
 */
export function openCommunity(
  path: string,
  opts: { start?: Date; yieldEachCall?: boolean; onOpen?: (db: Db) => void } = {},
): { app: App; port: BenchPort; checkpoints: CheckpointSpan[] } {
  const config = loadConfig({
    COPBOT_CLOCK: "virtual",
    COPBOT_START: (opts.start ?? NOW).toISOString(),
    COPBOT_DB: path,
  });
  const db = openDatabase(path);
  // As `npm start` runs (src/main.ts) once copbot is busy, as the benchmark's community is:
  // the worker runs from the start (copbot starts it when the log grows); closing the database
  // ends it.
  const checkpoints: CheckpointSpan[] = [];
  Checkpointer.start(db, path, {
    startPages: 0,
    onReport: (report) => {
      if (report.type === "checkpointed")
        checkpoints.push({ start: report.startedAt - performance.timeOrigin, ms: report.ms });
    },
  });
  opts.onOpen?.(db);
  const app = buildApp(config, pino({ level: "silent" }), db);
  const port = new BenchPort(opts.yieldEachCall ?? true);
  app.bot.services.ports.add(port);
  return { app, port, checkpoints };
}

/** The app's virtual clock (benchmarks move time themselves). */
export function virtualClock(app: App): VirtualClock {
  if (!(app.clock instanceof VirtualClock)) throw new Error("the benchmark needs the virtual clock");
  return app.clock;
}
