import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";

const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;

/**
 * Prepares a file that holds personal data (the database) so that only copbot's user can read
 * it: a missing folder is created `0700`, a missing file `0600`, and an existing file (or its
 * WAL and shared-memory companions) that others could read is tightened to `0600`. SQLite
 * gives the WAL files it creates the permissions of the database file.
 */
export function ensurePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: OWNER_ONLY_DIR });
  if (!existsSync(path)) closeSync(openSync(path, "wx", OWNER_ONLY_FILE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) tighten(file);
  }
}

/**
 * Makes an existing file owner-only. A file copbot may not change (another owner, immutable)
 * is left as it is: opening it as a database then says what is wrong with it.
 */
function tighten(file: string): void {
  try {
    chmodSync(file, OWNER_ONLY_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "EACCES") throw error;
  }
}

/** Creates a folder for copbot's state (sync tokens, saved files) readable by copbot's user only. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_DIR });
}
