import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { loadMigrations, migrate, openDatabase } from "../../db/open";
import { ProcessedEventRepo } from "../../src/core/processed-event-repo";

/** Every statement about open questions (question-repo.ts, privacy-repo.ts, activity-repo.ts). */
const OPEN_QUESTIONS = [
  "SELECT id FROM qa_questions WHERE asker_id = ? AND status = 'open'",
  "SELECT id FROM qa_questions WHERE status = 'open' AND asked_at < ?",
  "SELECT * FROM qa_questions WHERE status = 'open' AND asker_id = ? ORDER BY asked_at DESC, id DESC LIMIT 5",
  "SELECT count(*) AS n FROM qa_questions WHERE status = 'open'",
  `SELECT * FROM qa_questions q WHERE status = 'open'
     ORDER BY (SELECT count(*) FROM qa_followers f WHERE f.question_id = q.id) DESC, asked_at, id LIMIT 50`,
  "SELECT * FROM qa_questions q WHERE q.status = 'open' ORDER BY q.asked_at, q.id LIMIT 50",
];

/** The lines of copbot's sources that select open questions (the statements above, as written). */
function openQuestionSelects(): string[] {
  const root = join(__dirname, "../../src");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => readFileSync(join(root, file), "utf8").split("\n"))
    .filter((line) => line.includes("SELECT") && line.includes("status = 'open'"));
}

describe("migration 018: fewer pages written per question", () => {
  it("keeps every handled event id, so none is handled again", () => {
    const db = new Database(":memory:");
    const migrations = loadMigrations();
    const before = migrations.findIndex((m) => m.name.startsWith("018_"));
    migrate(db, migrations.slice(0, before));
    db.prepare("INSERT INTO processed_events (event_id, at) VALUES ('slack:Ev1', 1)").run();
    migrate(db, migrations);
    const repo = new ProcessedEventRepo(db);
    expect(repo.firstSeen("slack:Ev1", new Date(2))).toBe(false);
    expect(repo.firstSeen("slack:Ev2", new Date(2))).toBe(true);
    db.close();
  });

  it("knows every statement of the sources that selects open questions", () => {
    // Six statements, the count written twice (question-repo.ts, activity-repo.ts). A new or
    // changed one changes this: add it to OPEN_QUESTIONS, so its plan is checked below.
    expect(openQuestionSelects()).toHaveLength(OPEN_QUESTIONS.length + 1);
  });

  it("serves every open-question query from the index of open questions", () => {
    const db = openDatabase(":memory:");
    for (const sql of OPEN_QUESTIONS) {
      const params = (sql.match(/\?/g) ?? []).map(() => 1);
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail);
      expect({
        sql,
        usesIndex: plan.some(
          (d) =>
            d.includes("USING COVERING INDEX qa_questions_open") ||
            d.includes("USING INDEX qa_questions_open"),
        ),
      }).toEqual({ sql, usesIndex: true });
    }
    db.close();
  });
});
