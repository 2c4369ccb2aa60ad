import type Database from "better-sqlite3";
import type { Db } from "./open";

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** Connections inside a read snapshot (transaction.ts, `readSnapshot`): no statement there writes. */
export const readingSnapshot = new WeakSet<Db>();

/**
 * The prepared statement for `sql` on `db`, prepared on first use and reused after. Preparing
 * costs more than running a small query, and hot paths (a question, a search) run dozens.
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  if (readingSnapshot.has(db) && !prepared.readonly)
    throw new Error(`a read snapshot does not write: ${sql}`);
  return prepared;
}

/**
 * A row limit as SQL text (`LIMIT ${sqlLimit(n)}`). SQLite plans a query with the value a
 * LIMIT parameter is bound to and prepares the statement again whenever that parameter is bound
 * again, so a bound LIMIT costs a fresh prepare on every run (36 µs for the knowledge search's
 * FTS5 statement, 23 µs for its vocabulary read). Each value is a statement of its
 * own in the cache: for constants, not for a number a user typed.
 */
export function sqlLimit(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a row limit is a whole number ≥ 0, not ${n}`);
  return String(n);
}
