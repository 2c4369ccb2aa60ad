import type Database from "better-sqlite3";
import type { Db } from "./open";
import { readingSnapshot, statement } from "./statements";

const runners = new WeakMap<Db, Database.Transaction<(work: () => unknown) => unknown>>();

/**
 * Runs `work` in a transaction on `db` (a savepoint inside one), exactly as
 * `db.transaction(work)()` does, but through one wrapper per connection: better-sqlite3 makes a
 * wrapper with four variants on every `db.transaction` call (about 10 µs), and the question
 * path runs several transactions per question.
 */
export function transaction<T>(db: Db, work: () => T): T {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((next: () => unknown) => next());
    runners.set(db, run);
  }
  return run(work) as T;
}

/**
 * Runs `read` in one read transaction: its statements see one snapshot and share one lock,
 * instead of each taking and dropping the database's shared lock as a transaction of its own
 * (about 3 µs each). `read` only reads: a statement that writes (asked for through
 * `statement`) throws. It is synchronous; a transaction left open across an `await` would keep
 * the checkpointer from resetting the log and stall other connections' view. Inside a
 * transaction already, `read` runs in it.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  if (db.inTransaction) return read();
  // Not `PRAGMA query_only`: setting it expires every prepared statement of the connection.
  statement(db, "BEGIN").run();
  readingSnapshot.add(db);
  try {
    const result = read();
    if (result instanceof Promise) throw new TypeError("a read snapshot is synchronous");
    return result;
  } finally {
    readingSnapshot.delete(db);
    statement(db, "COMMIT").run();
  }
}

/**
 * True inside a transaction that may write (and may still be rolled back): what is read there
 * must not be remembered as committed. False inside `readSnapshot`, which reads committed rows.
 */
export function inWriteTransaction(db: Db): boolean {
  return db.inTransaction && !readingSnapshot.has(db);
}
