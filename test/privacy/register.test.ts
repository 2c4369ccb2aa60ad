import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { z } from "zod";
import { loadMigrations, migrate } from "../../db/open";

const doc = readFileSync("docs/datenschutz.md", "utf8");

/** The backticked names in the first column of the "Tabellen" section's table. */
function documentedTables(): string[] {
  const section = doc.slice(doc.indexOf("## Tabellen"), doc.indexOf("## Aufbewahrung"));
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([a-z_]+)`/g)].map((m) => m[1] ?? ""));
}

/**
 * docs/datenschutz.md is the basis of the record of processing activities: every table copbot
 * creates (a feature's new table too) must be described there with its purpose, retention and
 * what erasure does; the search indexes' internal tables belong to their index.
 */
describe("docs/datenschutz.md", () => {
  it("describes every table of the database, and no table that does not exist", () => {
    const db = new Database(":memory:");
    migrate(db, loadMigrations());
    const tables = z
      .array(z.object({ name: z.string() }))
      .parse(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all())
      .map((t) => t.name)
      .filter((name) => !/_(config|content|data|docsize|idx)$/.test(name));
    db.close();
    expect([...documentedTables()].sort()).toEqual(tables);
  });

  it("names every retention setting", () => {
    const config = readFileSync("src/config.ts", "utf8");
    const settings = [...config.matchAll(/^\s+(COPBOT_\w+_RETENTION_DAYS): /gm)].map((m) => m[1] ?? "");
    expect(settings.length).toBeGreaterThanOrEqual(6);
    const retention = doc.slice(doc.indexOf("## Aufbewahrung"), doc.indexOf("## Rechte"));
    for (const name of settings) expect(retention).toContain(`| \`${name}\``);
  });
});
