import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseLease, LEASE_TTL_MS } from "../../db/lease";
import { loadMigrations, migrate, openDatabase, PAGE_CACHE_KIB } from "../../db/open";
import { DatabaseError } from "../../src/core/errors";

describe("migrations", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-db-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("are numbered without gaps and bring a new file to the newest version with WAL and foreign keys", () => {
    const migrations = loadMigrations();
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    const db = openDatabase(join(dir, "sub", "copbot.db"));
    expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    // NORMAL (1): safe with WAL, see db/open.ts.
    expect(db.pragma("synchronous", { simple: true })).toBe(1);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    // SQLite's page cache is capped below better-sqlite3's 16 MiB (resident memory, db/open.ts).
    expect(db.pragma("cache_size", { simple: true })).toBe(-PAGE_CACHE_KIB);
    db.close();
  });

  it("are applied once: reopening keeps the data", () => {
    const path = join(dir, "copbot.db");
    const db = openDatabase(path);
    db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
    db.close();
    const again = openDatabase(path);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'x'").get()).toEqual({ value: "1" });
    again.close();
  });

  it("refuse a database newer than the code and leave it untouched", () => {
    const path = join(dir, "future.db");
    const raw = new Database(path);
    raw.exec("CREATE TABLE keep (v TEXT); INSERT INTO keep VALUES ('precious')");
    raw.pragma("user_version = 999");
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseError);
    expect(() => openDatabase(path)).toThrow(/newer than this copbot/);
    const check = new Database(path);
    expect(check.pragma("user_version", { simple: true })).toBe(999);
    expect(check.prepare("SELECT v FROM keep").get()).toEqual({ v: "precious" });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'members'").get()).toBeUndefined();
    expect(check.pragma("journal_mode", { simple: true })).toBe("delete");
    check.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("roll back a failing migration completely", () => {
    const db = new Database(":memory:");
    const broken = [
      { version: 1, name: "001_ok.sql", sql: "CREATE TABLE a (x)" },
      { version: 2, name: "002_bad.sql", sql: "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1)" },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it("keep the lease through an upgrade longer than the lease lives: renewed after each migration", () => {
    // openDatabase renews after the integrity check and after every migration it runs.
    const renew = jest.spyOn(DatabaseLease.prototype, "renew");
    try {
      openDatabase(join(dir, "new.db")).close();
      expect(renew).toHaveBeenCalledTimes(1 + loadMigrations().length);
    } finally {
      renew.mockRestore();
    }
    // Three migrations of 6 s each outlast a lease of 10 s; renewed after each, it is still held.
    const path = join(dir, "slow.db");
    const db = new Database(path);
    const lease = DatabaseLease.acquire(db, path);
    let now = Date.now();
    const clock = jest.spyOn(Date, "now").mockImplementation(() => now);
    try {
      const slow = [1, 2, 3].map((version) => ({
        version,
        name: `00${version}_slow.sql`,
        sql: `CREATE TABLE t${version} (x)`,
        step: () => void (now += 6_000),
      }));
      migrate(db, slow, () => lease.renew());
      const { expires_at } = db.prepare("SELECT expires_at FROM copbot_lease").get() as {
        expires_at: number;
      };
      expect(expires_at).toBe(now + LEASE_TTL_MS);
      expect(lease.fresh(now)).toBe(true);
    } finally {
      clock.mockRestore();
      db.close();
    }
  });
});
