import Database from "better-sqlite3";
import { DatabaseError } from "../src/core/errors";

/** What an operator should do about each kind of broken database file. */
const ADVICE: readonly { readonly codes: RegExp; readonly say: (path: string, detail: string) => string }[] =
  [
    {
      codes: /^SQLITE_NOTADB/,
      say: (path, detail) =>
        `COPBOT_DB ${path} is not a copbot database or its header is damaged (${detail}): restore it from a backup or point COPBOT_DB at another file`,
    },
    {
      codes: /^SQLITE_CORRUPT/,
      say: (path, detail) =>
        `COPBOT_DB ${path} is damaged (${detail}): stop copbot and restore the file from a backup, or move it away to start with an empty database`,
    },
    {
      codes: /^SQLITE_FULL/,
      say: (path, detail) =>
        `COPBOT_DB ${path} cannot grow: the disk is full (${detail}); free space on its volume, then start copbot again`,
    },
    {
      codes: /^SQLITE_READONLY/,
      say: (path, detail) =>
        `COPBOT_DB ${path} cannot be written (${detail}): check that copbot may write the file and its folder and that the volume is not read-only`,
    },
    {
      codes: /^SQLITE_(IOERR|CANTOPEN|PERM|AUTH)/,
      say: (path, detail) =>
        `COPBOT_DB ${path} cannot be read or written (${detail}): check the path, its permissions and the volume, then start copbot again`,
    },
  ];

/**
 * A SQLite error that means the database file itself is unusable (damaged, not a database,
 * full disk, read-only, I/O failure), as one line that names `COPBOT_DB` and what to do;
 * undefined for every other error. copbot stops on such an error instead of failing each
 * event on its own.
 */
export function databaseFailure(error: unknown, path: string): DatabaseError | undefined {
  if (error instanceof DatabaseError && error.fatal) return error;
  const sqlite = asSqliteError(error);
  const advice = sqlite && ADVICE.find((a) => a.codes.test(sqlite.code));
  if (!sqlite || !advice) return undefined;
  return new DatabaseError(advice.say(path, sqlite.message), { cause: error, fatal: true });
}

/**
 * A `SqliteError`'s code and message. Recognised by shape, not `instanceof`: the native addon
 * keeps the error class of whoever loaded it first (a test runner loads modules per file).
 */
function asSqliteError(error: unknown): { code: string; message: string } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (name !== Database.SqliteError.name || typeof code !== "string" || !code.startsWith("SQLITE_")) {
    return undefined;
  }
  return { code, message: typeof message === "string" ? message : code };
}
