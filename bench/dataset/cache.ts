import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { loadMigrations, openDatabase } from "../../db/open";
import { CACHE_SCHEMA_VERSION, generateDataset } from "./generate";

/** Generated communities live here (gitignored with node_modules; `npm ci` starts afresh). */
export const CACHE_DIR = join(__dirname, "..", "..", "node_modules", ".cache", "copbot-bench");

interface Sidecar {
  readonly generateMs: number;
  readonly migrateMs: number;
}

function hash(parts: readonly string[]): string {
  const h = createHash("sha256");
  for (const part of parts) h.update(part).update("\0");
  return h.digest("hex").slice(0, 12);
}

/** Changes when the generator changes, so a stale cache is never measured. */
function generatorKey(): string {
  const dir = __dirname;
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
  const schema = loadMigrations()
    .filter((m) => m.version <= CACHE_SCHEMA_VERSION)
    .map((m) => m.sql);
  return hash([...sources, ...schema]);
}

/** Changes with every migration, so the upgraded copy follows the code. */
function migrationsKey(): string {
  return hash(loadMigrations().map((m) => `${m.name}\n${m.sql}`));
}

export interface PreparedDataset {
  /** The database at the newest schema; copy it before use (see `workingCopy`). */
  readonly path: string;
  readonly generateMs: number;
  /** How long upgrading the generated database to the newest schema took. */
  readonly migrateMs: number;
}

/**
 * The seeded community with `solved` solved questions, generated on first use and reused
 * afterwards: once as written (schema 5), once upgraded to the current schema.
 */
export function preparedDataset(solved: number, log: (s: string) => void = () => {}): PreparedDataset {
  mkdirSync(CACHE_DIR, { recursive: true });
  const base = join(CACHE_DIR, `community-${solved}-${generatorKey()}`);
  const raw = `${base}.db`;
  const upgraded = `${base}-${migrationsKey()}.db`;
  const sidecar = `${upgraded}.json`;
  let generateMs = 0;
  if (!existsSync(raw)) {
    log(`generating a community with ${solved.toLocaleString("en")} solved questions (once, cached)`);
    const started = performance.now();
    const partial = `${raw}.partial`;
    rmSync(partial, { force: true });
    generateDataset(partial, solved, log);
    renameSync(partial, raw);
    generateMs = performance.now() - started;
    writeFileSync(`${raw}.json`, JSON.stringify({ generateMs }));
  } else {
    generateMs = (JSON.parse(readFileSync(`${raw}.json`, "utf8")) as { generateMs: number }).generateMs;
  }
  if (!existsSync(upgraded) || !existsSync(sidecar)) {
    const partial = `${upgraded}.partial`;
    copyFileSync(raw, partial);
    const started = performance.now();
    openDatabase(partial).close();
    const migrateMs = performance.now() - started;
    rmSync(`${partial}.lock`, { force: true });
    // Fold the write-ahead log into the file, so one file is the whole database.
    renameSync(partial, upgraded);
    writeFileSync(sidecar, JSON.stringify({ generateMs, migrateMs } satisfies Sidecar));
  }
  const { migrateMs } = JSON.parse(readFileSync(sidecar, "utf8")) as Sidecar;
  return { path: upgraded, generateMs, migrateMs };
}

/** A private copy of a prepared dataset for one benchmark run (which writes to it). */
export function workingCopy(dataset: PreparedDataset, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm", ".lock"]) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(dataset.path, path);
  return path;
}

/** Hash of every `.ts` file under the given folders (for cache keys that follow the code). */
export function sourcesKey(dirs: readonly string[]): string {
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map((f) => readFileSync(join(dir, f), "utf8")),
  );
  return hash([...files, migrationsKey()]);
}

/** A database built by `build` once per `key`, copied to `dir` for each use. */
export function cachedDatabase(
  name: string,
  key: string,
  dir: string,
  build: (path: string) => void,
): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const cached = join(CACHE_DIR, `${name}-${key}.db`);
  if (!existsSync(cached)) {
    const partial = `${cached}.partial`;
    for (const suffix of ["", "-wal", "-shm", ".lock"]) rmSync(`${partial}${suffix}`, { force: true });
    build(partial);
    rmSync(`${partial}.lock`, { force: true });
    renameSync(partial, cached);
  }
  return workingCopy({ path: cached, generateMs: 0, migrateMs: 0 }, dir, name);
}
