import Database from "better-sqlite3";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError } from "../src/core/errors";
import { databaseFailure } from "./failure";
import { DatabaseLease } from "./lease";
import { ensurePrivateFile } from "./private-file";
import { MIGRATION_STEPS } from "./migration-steps";

export type Db = Database.Database;

/**
 * SQLite's page cache per database file, in KiB. better-sqlite3 builds SQLite with 16 MiB per
 * connection, and the start's `quick_check` alone fills it on any database larger than that:
 * 11–13 MiB of copbot's resident memory serving the 100,000-question benchmark community (87 → 76
 * MiB before the first event). A page not cached is read from the operating system's file cache
 * instead, about 1.6 µs of CPU here: with 4 MiB a question reads 54 pages that way instead of 37
 * and a search 32 instead of 16 (same benchmark, 300 questions and 100 searches), about 30 µs of
 * a question's 4–7 ms and a search's 1.5–2.5 ms (2 MiB would save 2 MiB more for twice the extra reads).
 */
export const PAGE_CACHE_KIB = 4_000;

const MIGRATIONS_DIR = join(__dirname, "migrations");
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_-]+\.sql$/;
const STEP_MARKER = /^-- step$/m;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Work SQL cannot do well, run after `sql` in the same transaction (see migration-steps.ts). */
  readonly step?: (db: Db) => void;
}

/** The numbered migrations shipped with the code, in order; gaps are a packaging bug. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const step = MIGRATION_STEPS[name];
      return {
        version: Number(match[1]),
        name,
        sql: readFileSync(join(dir, name), "utf8"),
        ...(step ? { step } : {}),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new DatabaseError(`migration ${m.name} is out of sequence`);
  });
  return migrations;
}

/**
 * Brings the schema to the newest version, one transaction per migration. A database newer
 * than the code is refused untouched: running old code on it could corrupt data.
 * `afterEach` runs after each migration's commit (openDatabase renews the lease there).
 */
export function migrate(db: Db, migrations = loadMigrations(), afterEach?: () => void): number {
  const current = refuseNewer(db, migrations.length);
  const latest = migrations.length;
  for (const migration of migrations.slice(current)) {
    // A migration with a code step runs it at the line `-- step`, between its two SQL parts.
    const [before = "", after = ""] = migration.sql.split(STEP_MARKER);
    db.transaction(() => {
      db.exec(before);
      migration.step?.(db);
      if (after.trim()) db.exec(after);
      db.pragma(`user_version = ${migration.version}`);
    })();
    afterEach?.();
  }
  return latest;
}

/** Reads the schema version; throws (touching nothing) when the database is newer than the code. */
function refuseNewer(db: Db, latest: number): number {
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > latest) {
    throw new DatabaseError(
      `database schema version ${current} is newer than this copbot (knows ${latest}); update copbot or use another COPBOT_DB`,
    );
  }
  return current;
}

/**
 * Opens (and creates, readable by copbot's user only) the database file with WAL and foreign
 * keys, takes the one-copbot-per-database lease (see `DatabaseLease`), checks the file is
 * intact, then migrates it. Every failure is a `DatabaseError` with one line that names
 * `COPBOT_DB` and what to do.
 */
export function openDatabase(path: string): Db {
  const file = path !== ":memory:";
  let db: Db;
  try {
    if (file) ensurePrivateFile(path);
    db = file ? new Database(path) : new Database((migratedImage ??= imageOfMigratedSchema()));
  } catch (cause) {
    throw new DatabaseError(
      `COPBOT_DB ${path} cannot be opened (${(cause as Error).message}): check the path and its permissions`,
      { cause },
    );
  }
  try {
    const migrations = loadMigrations();
    // Checked before any pragma that writes: a newer database must stay byte-for-byte intact.
    refuseNewer(db, migrations.length);
    if (file) {
      db.pragma("journal_mode = WAL");
      // With WAL, NORMAL syncs the log at checkpoints instead of at every commit. A crash of
      // copbot (or a kill) loses nothing: committed transactions are in the log file, which the
      // OS keeps. Only a power loss or kernel crash can roll back the last commits before the
      // next checkpoint — never corrupt the database (sqlite.org/pragma.html#pragma_synchronous).
      // FULL cost an fsync of up to 16 ms per commit, several per question (issue #12).
      db.pragma("synchronous = NORMAL");
      db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    }
    db.pragma("busy_timeout = 5000");
    const lease = file ? DatabaseLease.acquire(db, path) : undefined;
    if (lease) releaseOnClose(db, lease);
    db.pragma("foreign_keys = ON");
    if (file) checkIntact(db, path);
    // An upgrade can take longer than the lease lives (25–34 s for 100,000 solved questions):
    // renewed after the check and after each migration, it never runs out meanwhile, so no
    // second copbot takes the database over between two migrations. During one, the write
    // lock keeps it out.
    lease?.renew();
    migrate(db, migrations, () => lease?.renew());
    // The schema, the migrations and the lease go into the file itself now, not only into the
    // log: a second copbot reaching the same file by another path (a hard link, another
    // mount) cannot see this path's log, and must find the lease that refuses it.
    if (file) db.pragma("wal_checkpoint(TRUNCATE)");
    return db;
  } catch (error) {
    db.close();
    throw databaseFailure(error, path) ?? error;
  }
}

/**
 * The migrated empty schema, serialized once per process. A new in-memory database is a copy
 * of it, so migrating runs once instead of at every open (about 10 ms of CPU each: the test
 * suite opens one per test); `migrate` then finds nothing to do.
 */
let migratedImage: Buffer | undefined;

function imageOfMigratedSchema(): Buffer {
  const db = new Database(":memory:");
  try {
    db.pragma("foreign_keys = ON");
    migrate(db);
    return db.serialize();
  } finally {
    db.close();
  }
}

/**
 * Opens an existing database for reading only (exports while copbot runs): no lock, no
 * migration. A database of another schema version is refused with a clear message.
 */
export function openDatabaseReadOnly(path: string): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw new DatabaseError(`cannot open database ${path}: ${(cause as Error).message}`, { cause });
  }
  const latest = loadMigrations().length;
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current !== latest) {
    db.close();
    throw new DatabaseError(
      `database ${path} has schema version ${current}, this copbot ${latest}; start copbot once with it (or update copbot) first`,
    );
  }
  return db;
}

/** Damaged pages anywhere in the file stop copbot now, not at some later event. */
function checkIntact(db: Db, path: string): void {
  const result = String(db.pragma("quick_check(1)", { simple: true })).split("\n")[0] ?? "";
  if (result !== "ok") {
    throw new DatabaseError(
      `COPBOT_DB ${path} is damaged (${result}): stop copbot and restore the file from a backup, or move it away to start with an empty database`,
      { fatal: true },
    );
  }
}

/** Closing the database gives its lease up, so the next copbot need not wait for it to run out. */
function releaseOnClose(db: Db, lease: DatabaseLease): void {
  const close = db.close.bind(db);
  db.close = () => {
    if (db.open) lease.release();
    return close();
  };
}
