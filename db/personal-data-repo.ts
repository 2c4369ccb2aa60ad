import type { Db } from "./open";

/**
 * The base of each feature's privacy repository: rows as stored for a member's export, and the
 * number of rows an erasure or pseudonymisation changed.
 */
export abstract class PersonalDataRepo {
  constructor(protected readonly db: Db) {}

  protected all(sql: string, ...params: unknown[]): unknown[] {
    return this.db.prepare(sql).all(...params);
  }

  protected run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }
}
