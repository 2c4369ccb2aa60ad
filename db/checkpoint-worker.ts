/*
 * The checkpointer's thread (see checkpointer.ts): its own connection to copbot's database
 * file copies the WAL into the main file, so the main thread's commits never do.
 *
 * It loads nothing but better-sqlite3 and the log file's layout (wal-file.ts; a worker's memory
 * is its own heap plus every module it loads): no zod, no logger; what goes wrong is thrown and reported by the main thread, which
 * owns the logging and the fallback.
 */
import Database from "better-sqlite3";
import { closeSync, openSync, readSync } from "node:fs";
import { endianness } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { walFilePages } from "./wal-file";

/** What the main thread gives the worker (`workerData`). */
export interface CheckpointWorkerData {
  readonly path: string;
  /** Checkpoint when this many of the log's pages are not in the main file yet. */
  readonly thresholdPages: number;
  /** How often the WAL index is looked at. */
  readonly pollMs: number;
  /** A log unchanged this long is idle: what is left is copied, and a large log file cut back. */
  readonly idleMs: number;
}

/** What the main thread sends: a checkpoint now (the lease's renewal), or stop. */
export type CheckpointRequest = { readonly type: "checkpoint" } | { readonly type: "stop" };

/** What the worker reports. */
export type CheckpointReport =
  | { readonly type: "ready" }
  | {
      readonly type: "checkpointed";
      readonly reason: "asked" | "grown" | "idle" | "truncated";
      /** Frames in the WAL, and how many of them are now in the main file. */
      readonly log: number;
      readonly checkpointed: number;
      /** Another connection held what the checkpoint needed; it is tried again later. */
      readonly busy: boolean;
      /**
       * When it began (milliseconds since the epoch, `performance.timeOrigin` based, so the
       * main thread can place it on its own `performance.now()` clock) and how long it took,
       * the file system's syncs included.
       */
      readonly startedAt: number;
      readonly ms: number;
    };

type CheckpointRow = { busy: number; log: number; checkpointed: number } | undefined;

/**
 * Where SQLite's WAL index (the -shm file, shared by every connection to the database) keeps
 * the log's last frame (`mxFrame`, in the index header) and how many frames are in the main
 * file (`nBackfill`, in the checkpoint information after the header's two copies), in the
 * machine's byte order (sqlite.org/walformat.html, "The WAL-Index Header"). Processes of
 * different SQLite versions share this file, so its layout does not change. Reading it costs
 * the worker a few microseconds and the main thread nothing.
 */
const MX_FRAME_OFFSET = 16;
const N_BACKFILL_OFFSET = 96;
/** Checkpoints in a row while the main thread keeps writing (see `checkpoint`). */
const CATCH_UP = 3;

function isRequest(value: unknown): value is CheckpointRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return type === "checkpoint" || type === "stop";
}

/** The log's last frame and the frames not yet in the main file; zeros while the index cannot be read. */
function walIndex(shm: string, buffer: Buffer): { last: number; pending: number } {
  let fd: number | undefined;
  try {
    fd = openSync(shm, "r");
    if (readSync(fd, buffer, 0, buffer.length, 0) < buffer.length) return { last: 0, pending: 0 };
  } catch {
    return { last: 0, pending: 0 };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const le = endianness() === "LE";
  const last = le ? buffer.readUInt32LE(MX_FRAME_OFFSET) : buffer.readUInt32BE(MX_FRAME_OFFSET);
  const backfilled = le ? buffer.readUInt32LE(N_BACKFILL_OFFSET) : buffer.readUInt32BE(N_BACKFILL_OFFSET);
  return { last, pending: Math.max(0, last - backfilled) };
}

/**
 * Locking (sqlite.org/wal.html): a PASSIVE checkpoint takes no write lock and waits for
 * nothing (a busy checkpoint lock returns busy at once), so the main thread's writers and
 * readers go on meanwhile; the few moments it holds a reader slot of the WAL index are memory
 * writes, and a reader on the main thread takes another slot. The one step that takes the
 * write lock is cutting a large log file back (TRUNCATE), done only when the log is idle and
 * already copied, so the lock is held for the file truncation alone; with `busy_timeout = 0`
 * the worker never waits for a lock itself.
 */
function run(data: CheckpointWorkerData, port: NonNullable<typeof parentPort>): void {
  const db = new Database(data.path, { fileMustExist: true });
  // Nothing is cached between checkpoints; a small cache keeps the thread small.
  db.pragma("cache_size = -256");
  db.pragma("busy_timeout = 0");
  const shm = `${data.path}-shm`;
  const header = Buffer.alloc(N_BACKFILL_OFFSET + 4);
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  const walCheckpoint = (mode: "PASSIVE" | "TRUNCATE"): CheckpointRow =>
    (db.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[])[0];
  let lastFrame = -1;
  let changedAt = Date.now();

  const now = (): number => performance.timeOrigin + performance.now();
  const report = (
    reason: "asked" | "grown" | "idle" | "truncated",
    row: CheckpointRow,
    startedAt: number,
  ): void => {
    port.postMessage({
      type: "checkpointed",
      reason,
      log: row?.log ?? 0,
      checkpointed: row?.checkpointed ?? 0,
      busy: row?.busy === 1,
      startedAt,
      ms: now() - startedAt,
    } satisfies CheckpointReport);
  };

  const checkpoint = (reason: "asked" | "grown" | "idle"): void => {
    // The log starts over (its file is reused from the beginning) only when a commit begins
    // with every frame in the main file; frames the main thread added during a checkpoint are
    // copied at once, so that moment comes whenever the writing pauses.
    const startedAt = now();
    let row: CheckpointRow;
    for (let round = 0; round < CATCH_UP; round += 1) {
      row = walCheckpoint("PASSIVE");
      if (row?.busy === 1 || walIndex(shm, header).pending === 0) break;
    }
    report(reason, row, startedAt);
  };

  const timer = setInterval(() => {
    const { last, pending } = walIndex(shm, header);
    if (pending >= data.thresholdPages) checkpoint("grown");
    if (last !== lastFrame) {
      lastFrame = last;
      changedAt = Date.now();
      return;
    }
    if (Date.now() - changedAt < data.idleMs) return;
    if (pending > 0) {
      checkpoint("idle");
    } else if (walFilePages(data.path, pageSize) >= data.thresholdPages) {
      // Starts the log over and empties its file, which a burst of writes left large (as
      // long as the threshold's pages or longer).
      const startedAt = now();
      report("truncated", walCheckpoint("TRUNCATE"), startedAt);
    }
  }, data.pollMs);

  port.on("message", (message: unknown) => {
    if (!isRequest(message)) return;
    if (message.type === "checkpoint") {
      checkpoint("asked");
      return;
    }
    clearInterval(timer);
    db.close();
    // Nothing is left to keep the thread alive: it ends.
    port.close();
  });
  port.postMessage({ type: "ready" } satisfies CheckpointReport);
}

if (parentPort) run(workerData as CheckpointWorkerData, parentPort);
