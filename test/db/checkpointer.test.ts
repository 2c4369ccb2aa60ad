import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { CheckpointReport } from "../../db/checkpoint-worker";
import {
  AUTOCHECKPOINT_PAGES,
  Checkpointer,
  spawnCheckpointWorker,
  type CheckpointerOptions,
} from "../../db/checkpointer";
import { leaseOf } from "../../db/lease";
import { openDatabase, type Db } from "../../db/open";

type Report = CheckpointReport | { type: "fallback"; error: unknown };

/** The checkpointer's reports as a queue the test waits on: no sleeping. */
class Reports {
  private readonly seen: Report[] = [];
  private waiting: { match: (r: Report) => boolean; resolve: (r: Report) => void }[] = [];

  readonly listen = (report: Report): void => {
    const waiter = this.waiting.find((w) => w.match(report));
    if (waiter) {
      this.waiting = this.waiting.filter((w) => w !== waiter);
      waiter.resolve(report);
    } else {
      this.seen.push(report);
    }
  };

  /** The next report (already received or still to come) that matches. */
  next(match: (r: Report) => boolean): Promise<Report> {
    const index = this.seen.findIndex(match);
    if (index >= 0) return Promise.resolve(this.seen.splice(0, index + 1)[index] as Report);
    return new Promise((resolve) => this.waiting.push({ match, resolve }));
  }

  ready = (): Promise<Report> => this.next((r) => r.type === "ready");
  fallback = (): Promise<Report> => this.next((r) => r.type === "fallback");
  /** A checkpoint that asked for and copied the whole log. */
  complete = (): Promise<Report> =>
    this.next((r) => r.type === "checkpointed" && r.reason === "asked" && r.checkpointed === r.log);
}

/** A spawn that starts real workers and keeps them, for the test to watch. */
function keptWorkers(): { workers: Worker[]; spawn: NonNullable<CheckpointerOptions["spawn"]> } {
  const workers: Worker[] = [];
  const spawn: NonNullable<CheckpointerOptions["spawn"]> = (data, limits) => {
    const worker = spawnCheckpointWorker(data, limits);
    workers.push(worker);
    return worker;
  };
  return { workers, spawn };
}

const PAGE = 4096;
const ROW = "INSERT INTO copbot_test (body) VALUES (randomblob(3000))";

describe("WAL checkpoints in a worker thread", () => {
  let dir: string;
  let path: string;
  let db: Db;
  let reports: Reports;
  const open: Database.Database[] = [];

  function start(options: Partial<CheckpointerOptions> = {}): Checkpointer {
    return Checkpointer.start(db, path, { onReport: reports.listen, pollMs: 5, startPages: 0, ...options });
  }

  /**
   * What an opener that sees only the main file (another copbot through a hard link, with a
   * log of its own) reads: a copy of the main file without the log.
   */
  function mainFile(): Database.Database {
    const copy = join(dir, `main-file-${open.length}.db`);
    copyFileSync(path, copy);
    const reader = new Database(copy);
    open.push(reader);
    return reader;
  }
  const rowsInMainFile = (): number =>
    (mainFile().prepare("SELECT count(*) AS n FROM copbot_test").get() as { n: number }).n;

  const autocheckpoint = (): unknown => db.pragma("wal_autocheckpoint", { simple: true });
  const walPages = (): number => Math.floor((statSync(`${path}-wal`).size - 32) / (PAGE + 24));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-checkpoint-"));
    path = join(dir, "copbot.db");
    db = openDatabase(path);
    db.exec("CREATE TABLE copbot_test (id INTEGER PRIMARY KEY, body BLOB)");
    db.pragma("wal_checkpoint(TRUNCATE)");
    reports = new Reports();
  });
  afterEach(() => {
    for (const reader of open.splice(0)) reader.close();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves the main connection without checkpoints; the worker copies the log into the main file", async () => {
    // A threshold out of reach and no idle time: only a request checkpoints, so the test sees
    // what the main thread does.
    const checkpointer = start({ thresholdPages: 100_000, idleMs: 3_600_000 });
    await reports.ready();
    expect(autocheckpoint()).toBe(0);
    const insert = db.prepare(ROW);
    db.transaction(() => {
      for (let i = 0; i < 1_200; i += 1) insert.run();
    })();
    // SQLite's default would have checkpointed this commit (over 1,000 pages); the log keeps it all.
    expect(walPages()).toBeGreaterThan(AUTOCHECKPOINT_PAGES);
    expect(rowsInMainFile()).toBe(0);
    expect(checkpointer.request()).toBe(true);
    await reports.complete();
    expect(rowsInMainFile()).toBe(1_200);
    await checkpointer.stop();
  });

  it("starts no worker while the log stays small (an idle copbot keeps its memory), and starts it once the log has grown", async () => {
    const { workers, spawn } = keptWorkers();
    const checkpointer = start({ startPages: 100, watchMs: 1, spawn });
    const insert = db.prepare(ROW);
    // A lease's renewals: a row now and then, checkpointed by the main connection at once.
    for (let i = 0; i < 20; i += 1) {
      insert.run();
      db.pragma("wal_checkpoint(PASSIVE)");
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(workers).toHaveLength(0);
    expect(checkpointer.running).toBe(false);
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    // A burst of writes grows the log past 100 pages: the worker starts and takes over.
    db.transaction(() => {
      for (let i = 0; i < 150; i += 1) insert.run();
    })();
    await reports.ready();
    expect(workers).toHaveLength(1);
    expect(autocheckpoint()).toBe(0);
    await checkpointer.stop();
  });

  it("checkpoints by itself once the log has grown past its threshold, and empties the log file a burst left large once idle", async () => {
    const checkpointer = start({ thresholdPages: 50, idleMs: 20 });
    await reports.ready();
    const insert = db.prepare(ROW);
    for (let i = 0; i < 300; i += 1) insert.run();
    const grown = await reports.next((r) => r.type === "checkpointed" && r.reason === "grown");
    expect(grown).toMatchObject({ busy: false });
    // 300 pages are more than the threshold's 50: the idle log's file is emptied.
    await reports.next((r) => r.type === "checkpointed" && r.reason === "truncated" && !r.busy);
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(rowsInMainFile()).toBe(300);
    // The log goes on from its start.
    insert.run();
    expect(walPages()).toBeLessThan(10);
    await checkpointer.stop();
  });

  it("copies what is left into the main file once the log is idle", async () => {
    const checkpointer = start({ thresholdPages: 100_000, idleMs: 20 });
    await reports.ready();
    db.prepare(ROW).run();
    await reports.next((r) => r.type === "checkpointed" && r.reason === "idle" && r.checkpointed === r.log);
    expect(rowsInMainFile()).toBe(1);
    await checkpointer.stop();
  });

  it("publishes each lease renewal into the main file through the worker", async () => {
    const checkpointer = start({ thresholdPages: 100_000, idleMs: 3_600_000 });
    await reports.ready();
    const lease = leaseOf(db);
    expect(lease).toBeDefined();
    lease?.renew();
    const expires = (db.prepare("SELECT expires_at FROM copbot_lease").get() as { expires_at: number })
      .expires_at;
    await reports.complete();
    expect(mainFile().prepare("SELECT expires_at FROM copbot_lease").get()).toEqual({ expires_at: expires });
    await checkpointer.stop();
  });

  it("falls back to the main connection's checkpoints when the worker cannot start or dies, starts it again, and loses nothing", async () => {
    const warnings: string[] = [];
    const workers: Worker[] = [];
    let spawned = 0;
    const checkpointer = start({
      thresholdPages: 100_000,
      idleMs: 3_600_000,
      restartDelayMs: () => 0,
      log: { warn: (_details, message) => void warnings.push(message) },
      spawn: (data, limits) => {
        spawned += 1;
        // The first start fails as a missing or broken worker file would.
        const worker =
          spawned === 1
            ? spawnCheckpointWorker({ ...data, path: join(dir, "missing", "copbot.db") }, limits)
            : spawnCheckpointWorker(data, limits);
        workers.push(worker);
        return worker;
      },
    });
    await reports.fallback();
    expect(warnings).toEqual([
      expect.stringMatching(/checkpoint worker failed; the main thread checkpoints/),
    ]);
    await reports.ready();
    expect(autocheckpoint()).toBe(0);
    const insert = db.prepare(ROW);
    for (let i = 0; i < 100; i += 1) insert.run();

    // The running worker dies.
    await workers[1]?.terminate();
    await reports.fallback();
    expect(checkpointer.running).toBe(false);
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    // Meanwhile the lease is published by the main connection itself, at once.
    leaseOf(db)?.renew();
    expect(rowsInMainFile()).toBe(100);

    await reports.ready();
    expect(spawned).toBe(3);
    expect(autocheckpoint()).toBe(0);
    for (let i = 0; i < 100; i += 1) insert.run();
    checkpointer.request();
    await reports.complete();
    expect(rowsInMainFile()).toBe(200);
    await checkpointer.stop();
  });

  it("stops cleanly: the worker ends, no restart follows, the main connection checkpoints again", async () => {
    const { workers, spawn } = keptWorkers();
    const checkpointer = start({ restartDelayMs: () => 0, spawn });
    await reports.ready();
    const exited = new Promise<number>((resolve) => workers[0]?.once("exit", resolve));
    await checkpointer.stop();
    expect(await exited).toBe(0);
    expect(checkpointer.running).toBe(false);
    expect(checkpointer.request()).toBe(false);
    expect(autocheckpoint()).toBe(AUTOCHECKPOINT_PAGES);
    expect(workers).toHaveLength(1);
  });

  it("runs from the build that `npm start` runs (its own bundle beside the command's)", async () => {
    const built = join(__dirname, "..", "..", "dist", "src", "checkpoint-worker.js");
    const checkpointer = start({
      thresholdPages: 100_000,
      idleMs: 3_600_000,
      spawn: (data, limits) => new Worker(built, { workerData: data, resourceLimits: limits }),
    });
    await reports.ready();
    db.prepare(ROW).run();
    checkpointer.request();
    await reports.complete();
    expect(rowsInMainFile()).toBe(1);
    await checkpointer.stop();
  });

  it("ends the worker when the database is closed", async () => {
    const { workers, spawn } = keptWorkers();
    start({ spawn });
    await reports.ready();
    const exited = new Promise<number>((resolve) => workers[0]?.once("exit", resolve));
    db.close();
    expect(await exited).toBe(0);
  });
});
