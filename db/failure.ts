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
  if (!(error instanceof Database.SqliteError)) return undefined;
  const advice = ADVICE.find((a) => a.codes.test(error.code));
  if (!advice) return undefined;
  return new DatabaseError(advice.say(path, error.message), { cause: error, fatal: true });
}
