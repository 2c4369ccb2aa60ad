import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DatabaseLease } from "../../db/lease";
import { openDatabase } from "../../db/open";
import { DatabaseError } from "../../src/core/errors";

/** How the lease names a process of this machine (see db/lease.ts). */
function holderOf(pid: number, pidns = readlinkSync("/proc/self/ns/pid")) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return {
    host: hostname(),
    boot: readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(),
    pidns,
    pid,
    started: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "",
  };
}

function forgeLease(path: string, holder: object, expiresAt: number): void {
  const db = new Database(path);
  db.exec(
    `CREATE TABLE IF NOT EXISTS copbot_lease (id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL,
       holder TEXT NOT NULL, acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
  );
  db.prepare("INSERT OR REPLACE INTO copbot_lease VALUES (1, 'forged', ?, ?, ?)").run(
    JSON.stringify(holder),
    Date.now(),
    expiresAt,
  );
  db.close();
}

const leaseHolder = (path: string) =>
  JSON.parse(
    (
      new Database(path, { readonly: true }).prepare("SELECT holder FROM copbot_lease").get() as {
        holder: string;
      }
    ).holder,
  ) as { pid: number };

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

describe("one copbot per database: the lease", () => {
  let dir: string;
  let path: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-lease-"));
    path = join(dir, "copbot.db");
    openDatabase(path).close();
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses while a live process of this machine holds it, naming it, and takes over at once when it is gone", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    children.push(other);
    const pid = other.pid ?? 0;
    forgeLease(path, holderOf(pid), Date.now() + 10_000);
    expect(() => openDatabase(path)).toThrow(DatabaseError);
    expect(() => openDatabase(path)).toThrow(
      new RegExp(
        `^COPBOT_DB ${path} is in use by another copbot \\(pid ${pid} on ${hostname()}, its lease runs until \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\); stop it first or use another COPBOT_DB$`,
      ),
    );
    other.kill("SIGKILL");
    await exited(other);
    // A crashed holder (kill -9) left its lease behind: the restart takes it without waiting.
    const started = Date.now();
    openDatabase(path).close();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("waits out a lease it cannot check (another PID namespace or machine) and takes it when it runs out", () => {
    forgeLease(path, { ...holderOf(process.pid, "pid:[1]"), pid: 1 }, Date.now() + 400);
    const db = new Database(path);
    const started = Date.now();
    const lease = DatabaseLease.acquire(db, path, 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(leaseHolder(path).pid).toBe(process.pid);
    lease.release();
    db.close();
  });

  it("refuses a lease it cannot check as soon as its holder renews it", async () => {
    forgeLease(path, { ...holderOf(process.pid, "pid:[1]"), pid: 1 }, Date.now() + 5_000);
    // The holder, in "another namespace", renews every 100 ms and checkpoints as copbot does.
    const renewer = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(${JSON.stringify(path)});
         setInterval(() => { db.prepare("UPDATE copbot_lease SET expires_at = ?").run(Date.now() + 5000);
           db.pragma("wal_checkpoint(PASSIVE)"); }, 100);`,
      ],
      { cwd: process.cwd() },
    );
    children.push(renewer);
    const db = new Database(path);
    const started = Date.now();
    expect(() => DatabaseLease.acquire(db, path, 10_000)).toThrow(/is in use by another copbot \(pid 1 on /);
    expect(Date.now() - started).toBeLessThan(3_000);
    db.close();
  });

  it("notices at the next renewal that another copbot took the database over", () => {
    const db = new Database(path);
    const lease = DatabaseLease.acquire(db, path);
    forgeLease(path, holderOf(process.pid, "pid:[1]"), Date.now() + 10_000);
    expect(() => lease.renew()).toThrow(/another copbot took over this database/);
    db.close();
  });
});
