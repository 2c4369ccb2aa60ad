import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../../db/open";
import {
  addKnowledge,
  deleteKnowledge,
  removeKnowledge,
  rewriteKnowledgeAnswers,
  tombstoneKnowledge,
} from "../../src/qa/knowledge-repo";
import { vocabulary } from "../../src/qa/knowledge-vocabulary-repo";
import { descendingPostings, newestInAll, newestInAny } from "../../src/qa/postings";
import { seededRandom } from "../support/qa-community";

const at = new Date("2026-11-30T09:00:00Z");
const add = (db: Db, sourceId: string, title: string): void =>
  addKnowledge(db, { kind: "question", sourceId, title, body: "Antwort", at });
/** What FTS5 itself finds for the words index query. */
const fts = (db: Db, match: string): number[] =>
  db
    .prepare("SELECT rowid FROM qa_knowledge_words WHERE qa_knowledge_words MATCH ? ORDER BY rowid DESC")
    .pluck()
    .all(match) as number[];
const kept = (db: Db, match: string, words: string[]): number[] => [
  ...vocabulary(db).entriesWithAny(match, words),
];

describe("what the similar-questions lookup keeps between lookups", () => {
  it("posting lists combine like FTS5's AND and OR: the newest ids in all lists, in any list", () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const lists = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const density = random() ** 3;
        const ids: number[] = [];
        for (let id = 3000; id >= 1; id--) if (random() < density) ids.push(id);
        return ids;
      });
      const limit = 1 + Math.floor(random() * 60);
      const all = lists[0]?.filter((id) => lists.every((l) => l.includes(id))) ?? [];
      const any = [...new Set(lists.flat())].sort((a, b) => b - a);
      const kept = lists.map((l) => descendingPostings([...l].reverse()));
      expect(newestInAll(kept, limit)).toEqual(all.slice(0, limit));
      expect(newestInAny(kept, limit)).toEqual(any.slice(0, limit));
    }
    // Ids beyond 32 bits stay exact.
    expect([...descendingPostings([5, 2 ** 31, 2 ** 40])]).toEqual([2 ** 40, 2 ** 31, 5]);
  });

  it("posting lists are what FTS5 finds after every kind of write, and a rolled-back write leaves nothing behind", () => {
    const db = openDatabase(":memory:");
    const match = '("akte" OR "aktenplan")';
    const words = ["akte", "aktenplan"];
    add(db, "1", "Akte digital");
    add(db, "2", "Urlaub");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    add(db, "3", "Aktenplan anpassen");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    expect(() =>
      db.transaction(() => {
        add(db, "4", "Akte im Archiv");
        expect(kept(db, match, words)).toEqual(fts(db, match));
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    // Changed in place: the same id with other words.
    add(db, "2", "Urlaub und Akte");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    add(db, "3", "Aktenschrank");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    tombstoneKnowledge(db, "2", at);
    expect(kept(db, match, words)).toEqual(fts(db, match));
    // An answer rewritten with a searched word the entry did not have.
    rewriteKnowledgeAnswers(db, "3", "Aktenplan");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    // … and without it again.
    rewriteKnowledgeAnswers(db, "3", "Vergabe");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    // The newest entry removed: the next one is given its id.
    add(db, "5", "Akte Vergabe");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    deleteKnowledge(db, "5");
    add(db, "6", "Vergabe");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    add(db, "7", "Aktenplan neu");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    removeKnowledge(db, "question", "7");
    add(db, "8", "Vergabe neu");
    expect(kept(db, match, words)).toEqual(fts(db, match));
    expect(fts(db, match)).toEqual([2, 1]);
  });

  it("writes leave the vocabulary's kept look-ups as true as a fresh read: corpus size, word counts, prefix ranges", () => {
    const db = openDatabase(":memory:");
    const kept = () => {
      const v = vocabulary(db);
      return { corpus: v.corpus(), akte: v.wordFrequency("akte"), akt: v.wordsStartingWith("akt", 2) };
    };
    const fresh = () => {
      const range = db
        .prepare(
          "SELECT term, docs FROM qa_knowledge_vocabulary WHERE term >= 'akt' AND term < 'aku' ORDER BY docs DESC, term",
        )
        .all() as { term: string; docs: number }[];
      return {
        corpus: db.prepare("SELECT docs, tokens FROM qa_knowledge_corpus").get(),
        akte: range.find((r) => r.term === "akte")?.docs ?? 0,
        akt: { words: range.slice(0, 2), docs: range.reduce((sum, r) => sum + r.docs, 0) },
      };
    };
    add(db, "1", "Akte digital");
    for (const write of [
      () => add(db, "2", "Akte und Aktenplan"),
      () => add(db, "3", "Aktenplan Aktenplan"),
      () => add(db, "1", "Urlaub"),
      () => tombstoneKnowledge(db, "2", at),
      () => deleteKnowledge(db, "3"),
    ]) {
      expect(kept()).toEqual(fresh());
      write();
      expect(kept()).toEqual(fresh());
    }
  });

  it("keeps a bounded number of lists, each counted beside its ids, the least recently used dropped first", () => {
    const db = openDatabase(":memory:");
    add(db, "1", "Akte digital");
    const match = (i: number): string => `("wort${i}")`;
    // Lists without ids: counted at 128 ids each, 2 Mi ids hold 16,384 of them.
    const lists = 16_384 + 16;
    for (let i = 0; i < lists; i++) kept(db, match(i), [`wort${i}`]);
    const known = vocabulary(db);
    expect(known.postingsKept(match(0))).toBe(false);
    expect(known.postingsKept(match(15))).toBe(false);
    expect(known.postingsKept(match(16))).toBe(true);
    expect(known.postingsKept(match(lists - 1))).toBe(true);
    db.close();
  });

  it("posting lists are read again after another connection committed", () => {
    const dir = mkdtempSync(join(tmpdir(), "postings-"));
    try {
      const path = join(dir, "copbot.db");
      const db = openDatabase(path);
      const other = openDatabase(path);
      const match = '("akte")';
      add(db, "1", "Akte digital");
      expect(kept(db, match, ["akte"])).toHaveLength(1);
      add(other, "2", "Akte im Archiv");
      expect(kept(db, match, ["akte"])).toEqual(fts(db, match));
      expect(fts(db, match)).toHaveLength(2);
      other.close();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
