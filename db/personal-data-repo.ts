import type { Db } from "./open";
import { statement } from "./statements";

/**
 * The base of each feature's privacy repository: rows as stored for a member's export, and the
 * number of rows an erasure or pseudonymisation changed.
 */
export abstract class PersonalDataRepo {
  constructor(protected readonly db: Db) {}

  protected all(sql: string, ...params: unknown[]): unknown[] {
    return statement(this.db, sql).all(...params);
  }

  protected run(sql: string, ...params: unknown[]): number {
    return statement(this.db, sql).run(...params).changes;
  }
}
