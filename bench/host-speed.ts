import Database from "better-sqlite3";
import { percentile, seeded } from "./measure";

const SYLLABLES = ["akt", "verwalt", "ung", "digital", "antrag", "frist", "amt", "daten", "schutz", "portal"];
const ROUNDS = 5;

/**
 * How fast the host runs right now: a fixed workload of the question path's kind (rows written
 * and read through better-sqlite3, FTS5 matches, string work in JavaScript) on an in-memory
 * database, the median of five rounds in milliseconds. The same code takes ~1.8× as long in
 * some hours of this machine's host as in others, and every timing of a run moves with it; this
 * figure, taken before each size's rows and at the end of a run, tells such hours apart (the
 * README says what it is when the host runs at its usual speed).
 */
export function referenceWorkloadMs(): number {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    workload();
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(
    rounds.sort((a, b) => a - b),
    50,
  );
}

function workload(): void {
  const random = seeded(12);
  const word = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * 10)]).join("");
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE entries (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
    CREATE VIRTUAL TABLE words USING fts5(body, content='entries', content_rowid='id');`);
  const insert = db.prepare("INSERT INTO entries (body) VALUES (?)");
  const index = db.prepare("INSERT INTO words (rowid, body) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const body = Array.from({ length: 12 }, word).join(" ");
      index.run(insert.run(body).lastInsertRowid, body);
    }
  })();
  const match = db.prepare(
    "SELECT e.id, e.body FROM words JOIN entries AS e ON e.id = words.rowid WHERE words MATCH ? ORDER BY words.rowid DESC LIMIT 20",
  );
  let letters = 0;
  for (let i = 0; i < 300; i++) {
    for (const row of match.all(`${word()}* OR ${word()}`) as { body: string }[])
      letters += row.body.normalize("NFC").split(" ").length;
  }
  db.close();
  if (letters === 0) throw new Error("the reference workload found nothing");
}
