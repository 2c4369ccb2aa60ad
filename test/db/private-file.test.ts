import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/open";

const mode = (path: string): number => statSync(path).mode & 0o777;

/** The database holds personal data: only copbot's user may read it (issue 17). */
describe("database file permissions", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-perm-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the folder 0700 and the database with its WAL files 0600", () => {
    const path = join(dir, "data", "copbot.db");
    const db = openDatabase(path);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    expect(mode(join(dir, "data"))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(mode(`${path}-wal`)).toBe(0o600);
    expect(mode(`${path}-shm`)).toBe(0o600);
    db.close();
  });

  it("tightens an existing database that others could read", () => {
    const path = join(dir, "copbot.db");
    openDatabase(path).close();
    chmodSync(path, 0o644);
    writeFileSync(`${path}-wal`, "");
    chmodSync(`${path}-wal`, 0o666);
    const db = openDatabase(path);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    db.close();
  });
});
