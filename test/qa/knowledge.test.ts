import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/open";
import { addKnowledge, searchKnowledge } from "../../src/qa/knowledge";

function seed() {
  const db = openDatabase(":memory:");
  const at = new Date("2026-11-30T09:00:00Z");
  addKnowledge(db, {
    kind: "question",
    sourceId: "1",
    title: "Welches Dokumentenmanagementsystem nutzt ihr?",
    body: "Wir nutzen ein DMS mit XDOMEA-Schnittstelle.",
    at,
    channelId: "console:fragen",
    messageId: "m5",
  });
  addKnowledge(db, {
    kind: "question",
    sourceId: "2",
    title: "Wie migriert ihr Altakten in die E-Akte?",
    body: "Scannen nach Aktenplan, dann Import.",
    at,
    url: "https://example.org/m7",
  });
  addKnowledge(db, {
    kind: "group",
    sourceId: "9",
    title: "AG Barrierefreiheit",
    body: "Checkliste für barrierefreie PDF-Dokumente und Formulare.",
    at,
  });
  addKnowledge(db, {
    kind: "question",
    sourceId: "3",
    title: "Urlaubsplanung im Team?",
    body: "Geteilter Kalender.",
    at,
  });
  return db;
}

describe("knowledge base", () => {
  it("finds a compound by its first part", () => {
    const hits = searchKnowledge(seed(), "Dokumentenmanagement");
    expect(hits[0]?.sourceId).toBe("1");
    expect(hits[0]?.channelId).toBe("console:fragen");
    expect(hits[0]?.messageId).toBe("m5");
  });

  it("finds a compound by an inner part (trigram) and inflections (prefix)", () => {
    expect(searchKnowledge(seed(), "Managementsystem")[0]?.sourceId).toBe("1");
    expect(searchKnowledge(seed(), "Altakte")[0]?.sourceId).toBe("2");
    expect(searchKnowledge(seed(), "barrierefrei")[0]).toMatchObject({ kind: "group", sourceId: "9" });
  });

  it("ranks the entry matching more words first and keeps links", () => {
    const hits = searchKnowledge(seed(), "Altakten E-Akte Import");
    expect(hits[0]).toMatchObject({ sourceId: "2", url: "https://example.org/m7" });
    expect(hits[0]?.matchedWords).toBeGreaterThanOrEqual(2);
  });

  it("counts words that begin with an umlaut or a capital, spelled either way", () => {
    const db = seed();
    addKnowledge(db, {
      kind: "question",
      sourceId: "4",
      title: "Änderungen am Übergabeprotokoll",
      body: "ÖFFENTLICHE Ausschreibung, dann Straßenplanung.",
      at: new Date("2026-11-30T09:00:00Z"),
    });
    for (const query of ["Änderung Übergabe", "aenderung uebergabeprotokoll", "öffentliche AUSSCHREIBUNG"]) {
      const hits = searchKnowledge(db, query);
      expect(hits[0]).toMatchObject({ sourceId: "4", matchedWords: 2 });
    }
    // A part inside a compound the word index does not know (trigram), after an "ß".
    expect(searchKnowledge(db, "Planung").map((hit) => hit.sourceId)).toContain("4");
  });

  it("returns at most `limit` hits and nothing for stop words only", () => {
    const db = seed();
    expect(searchKnowledge(db, "die der und wie", 5)).toEqual([]);
    expect(searchKnowledge(db, "Akte Dokumente Kalender Checkliste", 2)).toHaveLength(2);
  });

  it("shows the first 16 words with the most matches as the snippet, the whole of a short body, or its start", () => {
    const db = openDatabase(":memory:");
    const at = new Date("2026-11-30T09:00:00Z");
    const words = Array.from({ length: 40 }, (_, i) => ([3, 22, 25].includes(i) ? "Aktenplan" : `Wort${i}`));
    addKnowledge(db, { kind: "question", sourceId: "1", title: "Aktenplan", body: words.join(" "), at });
    addKnowledge(db, { kind: "question", sourceId: "2", title: "Kurz", body: "Der Aktenplan reicht.", at });
    addKnowledge(db, {
      kind: "question",
      sourceId: "3",
      title: "Aktenplan ohne Treffer im Text",
      body: "x ".repeat(100),
      at,
    });
    const snippets = new Map(searchKnowledge(db, "Aktenplan").map((hit) => [hit.sourceId, hit.snippet]));
    // Words 10 to 25: the first window with both later matches (the one at 3 is alone in its window).
    expect(snippets.get("1")).toBe(`…${words.slice(10, 26).join(" ")}…`);
    expect(snippets.get("2")).toBe("Der Aktenplan reicht.");
    expect(snippets.get("3")).toBe("x ".repeat(80));
  });

  it("treats FTS5 syntax in user text as plain words", () => {
    const db = seed();
    for (const query of ['"', "AND OR NOT", "a* NEAR(b)", "title:x", "(", 'Dokumenten"management']) {
      expect(() => searchKnowledge(db, query)).not.toThrow();
    }
  });

  it("is idempotent per kind and source: adding again replaces", () => {
    const db = seed();
    addKnowledge(db, {
      kind: "question",
      sourceId: "3",
      title: "Urlaubsplanung",
      body: "Neu: Schichtplaner.",
      at: new Date(),
    });
    expect(searchKnowledge(db, "Kalender")).toEqual([]);
    expect(searchKnowledge(db, "Schichtplaner").map((h) => h.sourceId)).toEqual(["3"]);
    const count = db.prepare("SELECT count(*) AS n FROM qa_knowledge").get() as { n: number };
    expect(count.n).toBe(4);
  });

  it("finds words new to the vocabulary after they were searched: added here, rolled back, or by another connection", () => {
    const dir = mkdtempSync(join(tmpdir(), "copbot-knowledge-"));
    const db = openDatabase(join(dir, "copbot.db"));
    const other = new Database(join(dir, "copbot.db"));
    try {
      const entry = (sourceId: string, title: string) => ({
        kind: "question" as const,
        sourceId,
        title,
        body: "Antwort.",
        at: new Date(),
      });
      addKnowledge(db, entry("0", "Kalender"));
      // Words of three letters are looked up only in the word index (no trigram fallback).
      expect(searchKnowledge(db, "Xyz Qrs")).toEqual([]);
      addKnowledge(db, entry("1", "Xyzplaner für Teams"));
      expect(searchKnowledge(db, "Xyz").map((h) => h.sourceId)).toEqual(["1"]);
      // Looked up inside a transaction that rolls back: the word is unknown again afterwards.
      expect(() =>
        db.transaction(() => {
          addKnowledge(db, entry("2", "Qrstool"));
          expect(searchKnowledge(db, "Qrs").map((h) => h.sourceId)).toEqual(["2"]);
          throw new Error("rollback");
        })(),
      ).toThrow("rollback");
      expect(searchKnowledge(db, "Qrs")).toEqual([]);
      addKnowledge(other, entry("3", "Qrstool im Intranet"));
      expect(searchKnowledge(db, "Qrs").map((h) => h.sourceId)).toEqual(["3"]);
    } finally {
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
