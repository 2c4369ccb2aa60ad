import Database from "better-sqlite3";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseError } from "../src/core/errors";
import { lockDatabase } from "./lock";
import { ensurePrivateFile } from "./private-file";

export type Db = Database.Database;

const MIGRATIONS_DIR = join(__dirname, "migrations");
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_-]+\.sql$/;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The numbered migrations shipped with the code, in order; gaps are a packaging bug. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      version: Number(match[1]),
      name,
      sql: readFileSync(join(dir, name), "utf8"),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new DatabaseError(`migration ${m.name} is out of sequence`);
  });
  return migrations;
}

/**
 * Brings the schema to the newest version, one transaction per migration. A database newer
 * than the code is refused untouched: running old code on it could corrupt data.
 */
export function migrate(db: Db, migrations = loadMigrations()): number {
  const current = refuseNewer(db, migrations.length);
  const latest = migrations.length;
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
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
 * Opens (and creates) the database file, readable by copbot's user only, with WAL and foreign
 * keys, then migrates it.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") {
    ensurePrivateFile(path);
    lockDatabase(path);
  }
  let db: Db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new DatabaseError(`cannot open database ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    const migrations = loadMigrations();
    // Checked before any pragma that writes: a newer database must stay byte-for-byte intact.
    refuseNewer(db, migrations.length);
    if (path !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
