import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { statement } from "../../db/statements";
import { inWriteTransaction, readSnapshot, transaction } from "../../db/transaction";

describe("transactions through one wrapper per connection", () => {
  let dir: string;
  let db: Database.Database;
  const count = (): unknown => db.prepare("SELECT count(*) FROM t").pluck().get();
  const insert = (v: string): void => void statement(db, "INSERT INTO t (v) VALUES (?)").run(v);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-tx-"));
    db = new Database(join(dir, "t.db"));
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE t (v TEXT NOT NULL)");
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("commits what the work wrote and returns its value; a throw rolls all of it back", () => {
    expect(transaction(db, () => (insert("a"), insert("b"), "done"))).toBe("done");
    expect(count()).toBe(2);
    expect(() =>
      transaction(db, () => {
        insert("c");
        throw new Error("broken");
      }),
    ).toThrow("broken");
    expect(count()).toBe(2);
    expect(db.inTransaction).toBe(false);
  });

  it("nests as a savepoint: an inner throw caught takes back only the inner writes", () => {
    transaction(db, () => {
      insert("outer");
      expect(() =>
        transaction(db, () => {
          insert("inner");
          throw new Error("inner");
        }),
      ).toThrow("inner");
      expect(inWriteTransaction(db)).toBe(true);
    });
    expect(db.prepare("SELECT v FROM t").pluck().all()).toEqual(["outer"]);
  });

  it("reads one snapshot: another connection's commit meanwhile is seen only afterwards", () => {
    insert("a");
    const other = new Database(join(dir, "t.db"));
    try {
      const seen = readSnapshot(db, () => {
        const first = count();
        other.prepare("INSERT INTO t (v) VALUES ('b')").run();
        expect(inWriteTransaction(db)).toBe(false);
        expect(db.inTransaction).toBe(true);
        return [first, count()];
      });
      expect(seen).toEqual([1, 1]);
      expect(count()).toBe(2);
      expect(db.inTransaction).toBe(false);
    } finally {
      other.close();
    }
  });

  it("refuses a statement that writes inside a snapshot; the connection writes again afterwards", () => {
    expect(() => readSnapshot(db, () => insert("a"))).toThrow(/does not write/);
    expect(() => readSnapshot(db, () => Promise.resolve(count()))).toThrow(/synchronous/);
    expect(db.inTransaction).toBe(false);
    insert("b");
    expect(count()).toBe(1);
  });

  it("inside a write transaction reads in it (its own writes seen, nothing refused)", () => {
    transaction(db, () => {
      insert("a");
      expect(readSnapshot(db, () => (insert("b"), count()))).toBe(2);
      expect(inWriteTransaction(db)).toBe(true);
    });
    expect(count()).toBe(2);
  });
});
