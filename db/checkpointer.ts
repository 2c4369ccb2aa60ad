import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type Database from "better-sqlite3";
import type { CheckpointReport, CheckpointRequest, CheckpointWorkerData } from "./checkpoint-worker";
import { leaseOf } from "./lease";
import { walFilePages } from "./wal-file";

type Db = Database.Database;

/** SQLite's own default: what the main connection falls back to while no worker runs. */
export const AUTOCHECKPOINT_PAGES = 1_000;
/** The worker copies the log once this many of its pages are not in the main file (SQLite's default). */
const THRESHOLD_PAGES = 1_000;
const POLL_MS = 250;
/**
 * A log unchanged this long is idle: the worker copies what is left, then empties a log file
 * a burst left large (SQLite would otherwise keep it at its largest size while copbot runs).
 */
const IDLE_MS = 1_000;
/**
 * The worker starts once the log's file has reached this many pages, looked at every
 * `WATCH_MS`. A copbot with little to write — idle, its lease renewed every 2 s and copied at
 * once, which keeps the log at a page or two — would pay the thread's memory (about 10 MiB)
 * for nothing; one under load reaches it within a second, long before the main connection's
 * own checkpoint at 1,000 pages.
 */
const START_PAGES = 256;
const WATCH_MS = 1_000;
/** A clean stop waits this long for the worker to close its connection, then ends it. */
const STOP_WAIT_MS = 1_000;

/**
 * The worker's heap: it holds one connection and a timer. A small young generation keeps it at
 * the cost of a bare thread (about 10 MiB on Node 20, whatever the old generation's limit); the
 * old generation's limit leaves room for Node 24's start-up with tsx loaded (tests, `npm run
 * dev`), which 8 MiB did not always. Exceeding them ends the worker, which the fallback
 * handles like any death.
 */
const RESOURCE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 32,
  maxYoungGenerationSizeMb: 1,
  codeRangeSizeMb: 4,
  stackSizeMb: 1,
};

/** Where the checkpointer reports what happened to its worker (copbot's logger fits). */
export interface CheckpointerLog {
  warn(details: object, message: string): void;
}

export interface CheckpointerOptions {
  readonly log?: CheckpointerLog;
  readonly thresholdPages?: number;
  readonly pollMs?: number;
  readonly idleMs?: number;
  /** The worker starts once the log's file holds this many pages (0: at once). */
  readonly startPages?: number;
  /** How often the log's size is looked at until the worker starts. */
  readonly watchMs?: number;
  /** The wait before the n-th restart in a row (n from 1). */
  readonly restartDelayMs?: (attempt: number) => number;
  /** Starts the worker thread (tests wrap it to end a real worker or start a broken one). */
  readonly spawn?: (data: CheckpointWorkerData, limits: ResourceLimits) => Worker;
  /** Hears every report of the worker, and each fallback (tests wait on these instead of sleeping). */
  readonly onReport?: (
    report: CheckpointReport | { readonly type: "fallback"; readonly error: unknown },
  ) => void;
}

const restartDelay = (attempt: number): number => Math.min(60_000, 1_000 * 2 ** (attempt - 1));

/**
 * Starts the worker from the compiled build or from the TypeScript source. In the build
 * (`npm start`) the worker is a bundle of its own next to the command's (scripts/build.cjs),
 * and this module is inside dist/src/, so its file is beside `__dirname`. Run from the sources
 * (tests, `npm run dev`, the benchmark: tsx), a worker thread gets no module hooks of its own
 * on Node 20 (tsx's are registered for the main thread only), so the thread first registers
 * tsx's CommonJS hooks, then loads the same typed file. One typed file serves both, rather
 * than a code string the type checker cannot see.
 */
export function spawnCheckpointWorker(data: CheckpointWorkerData, resourceLimits: ResourceLimits): Worker {
  const built = join(__dirname, "checkpoint-worker.js");
  const options = { workerData: data, resourceLimits, stdout: false, stderr: false };
  if (!__filename.endsWith(".ts") && existsSync(built)) return new Worker(built, options);
  const source = join(__dirname, "checkpoint-worker.ts");
  const tsx = require.resolve("tsx/cjs");
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, {
    ...options,
    eval: true,
  });
}

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread with its own
 * connection, so no commit on the main thread pays for a checkpoint (10–14 ms of CPU and an
 * fsync every ~1,000 pages, issue #12). While the worker runs, the main connection's
 * autocheckpoint is off; whenever it does not (not yet started, failed to start, died), the
 * main connection checkpoints itself as SQLite does by default — the log never grows without
 * bound — and the worker is started again after a growing wait. The lease's renewals are
 * copied into the main file by the worker too (`DatabaseLease.publishVia`).
 */
export class Checkpointer {
  private worker: Worker | undefined;
  private ready = false;
  private stopped = false;
  private attempt = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private watchTimer: NodeJS.Timeout | undefined;
  private readonly data: CheckpointWorkerData;

  private constructor(
    private readonly db: Db,
    path: string,
    private readonly options: CheckpointerOptions,
  ) {
    this.data = {
      path,
      thresholdPages: options.thresholdPages ?? THRESHOLD_PAGES,
      pollMs: options.pollMs ?? POLL_MS,
      idleMs: options.idleMs ?? IDLE_MS,
    };
  }

  /**
   * Checkpoints `db` (a file database opened by `openDatabase`) in a worker thread, started
   * once its log has grown (`options.startPages`); until then SQLite checkpoints as by default.
   */
  static start(db: Db, path: string, options: CheckpointerOptions = {}): Checkpointer {
    const checkpointer = new Checkpointer(db, path, options);
    // Closing the database ends the worker too, whoever closes it (copbot awaits `stop` first).
    const close = db.close.bind(db);
    db.close = () => {
      void checkpointer.stop();
      return close();
    };
    const startPages = options.startPages ?? START_PAGES;
    if (startPages > 0) checkpointer.watch(startPages);
    else checkpointer.spawn();
    return checkpointer;
  }

  /** Whether the worker runs and the main connection's autocheckpoint is off. */
  get running(): boolean {
    return this.ready;
  }

  /** Asks for a checkpoint now; false when no worker runs (the caller checkpoints itself). */
  request(): boolean {
    if (!this.ready || !this.worker) return false;
    this.worker.postMessage({ type: "checkpoint" } satisfies CheckpointRequest);
    return true;
  }

  /** Ends the worker (it closes its connection) and gives the main connection its autocheckpoint back. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.watchTimer);
    this.fallBack();
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.postMessage({ type: "stop" } satisfies CheckpointRequest);
    const timer = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Starts the worker once the log has grown (`START_PAGES`); until then SQLite checkpoints as by default. */
  private watch(startPages: number): void {
    const pageSize = Number(this.db.pragma("page_size", { simple: true }));
    this.watchTimer = setInterval(() => {
      if (walFilePages(this.data.path, pageSize) < startPages) return;
      clearInterval(this.watchTimer);
      this.spawn();
    }, this.options.watchMs ?? WATCH_MS);
    this.watchTimer.unref();
  }

  private spawn(): void {
    let worker: Worker;
    try {
      worker = (this.options.spawn ?? spawnCheckpointWorker)(this.data, RESOURCE_LIMITS);
    } catch (error) {
      this.failed(error);
      return;
    }
    this.worker = worker;
    // The worker never keeps copbot running; a stop ends it, and so does the process's exit.
    worker.unref();
    worker.on("message", (report: CheckpointReport) => {
      if (report.type === "ready" && !this.stopped) {
        this.db.pragma("wal_autocheckpoint = 0");
        this.ready = true;
        leaseOf(this.db)?.publishVia(() => this.request());
      }
      if (report.type === "checkpointed") this.attempt = 0;
      this.options.onReport?.(report);
    });
    worker.on("error", (error) => this.died(worker, error));
    worker.on("exit", (code) => this.died(worker, new Error(`the checkpoint worker exited (code ${code})`)));
  }

  private died(worker: Worker, error: unknown): void {
    if (this.worker !== worker || this.stopped) return;
    this.worker = undefined;
    void worker.terminate();
    this.failed(error);
  }

  private failed(error: unknown): void {
    this.fallBack();
    this.attempt += 1;
    const delayMs = (this.options.restartDelayMs ?? restartDelay)(this.attempt);
    this.options.log?.warn(
      { err: error, restartInMs: delayMs },
      "the WAL checkpoint worker failed; the main thread checkpoints until it runs again",
    );
    this.options.onReport?.({ type: "fallback", error });
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) this.spawn();
    }, delayMs);
    this.restartTimer.unref();
  }

  /** The main connection checkpoints itself again, the lease's renewals included. */
  private fallBack(): void {
    this.ready = false;
    if (!this.db.open) return;
    this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    leaseOf(this.db)?.publishVia(undefined);
  }
}
