/*
 * The checkpointer's thread (see checkpointer.ts): its own connection to copbot's database
 * file copies the WAL into the main file, so the main thread's commits never do.
 *
 * It loads nothing but better-sqlite3 (a worker's memory is its own heap plus every module it
 * loads): no zod, no logger; what goes wrong is thrown and reported by the main thread, which
 * owns the logging and the fallback.
 */
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

/** What the main thread gives the worker (`workerData`). */
export interface CheckpointWorkerData {
  readonly path: string;
  /** Checkpoint when the WAL file grew by this many pages since the last checkpoint. */
  readonly thresholdPages: number;
  /** How often the WAL file's size is looked at. */
  readonly pollMs: number;
}

/** What the main thread sends: a checkpoint now (the lease's renewal), or stop. */
export type CheckpointRequest = { readonly type: "checkpoint" } | { readonly type: "stop" };

/** What the worker reports. */
export type CheckpointReport =
  | { readonly type: "ready" }
  | {
      readonly type: "checkpointed";
      readonly reason: "asked" | "grown";
      /** Frames in the WAL, and how many of them are now in the main file. */
      readonly log: number;
      readonly checkpointed: number;
      /** Another checkpoint was running (only ever the main connection's own fallback). */
      readonly busy: boolean;
    };

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

function isRequest(value: unknown): value is CheckpointRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return type === "checkpoint" || type === "stop";
}

function walSize(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}

/**
 * PASSIVE never takes the write lock and never waits (a busy checkpoint lock returns busy at
 * once): the main thread's writers and readers go on meanwhile. The few moments its connection
 * holds a reader slot of the WAL index exclusively are a handful of memory writes, which a main
 * thread reader steps around (it takes another slot).
 */
function run(data: CheckpointWorkerData, port: NonNullable<typeof parentPort>): void {
  const db = new Database(data.path, { fileMustExist: true });
  // Nothing is cached between checkpoints; a small cache keeps the thread small.
  db.pragma("cache_size = -256");
  db.pragma("busy_timeout = 5000");
  const frameBytes = Number(db.pragma("page_size", { simple: true })) + FRAME_HEADER_BYTES;
  const thresholdBytes = data.thresholdPages * frameBytes;
  const wal = `${data.path}-wal`;
  // The WAL file's size when last checkpointed: after the log restarts, the main connection's
  // `journal_size_limit` cuts the file back, so growth since then is what is not copied yet.
  let base = walSize(wal);

  const checkpoint = (reason: "asked" | "grown"): void => {
    const row = db.pragma("wal_checkpoint(PASSIVE)")[0] as
      | { busy: number; log: number; checkpointed: number }
      | undefined;
    base = walSize(wal);
    port.postMessage({
      type: "checkpointed",
      reason,
      log: row?.log ?? 0,
      checkpointed: row?.checkpointed ?? 0,
      busy: row?.busy === 1,
    } satisfies CheckpointReport);
  };

  const timer = setInterval(() => {
    const size = walSize(wal);
    if (size < base) base = Math.max(size, WAL_HEADER_BYTES);
    if (size - base >= thresholdBytes) checkpoint("grown");
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
