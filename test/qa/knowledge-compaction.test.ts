import pino from "pino";
import { openDatabase } from "../../db/open";
import { loadConfig } from "../../src/config";
import { createBot } from "../../src/core/bot";
import { VirtualClock } from "../../src/core/clock";
import { qaFeature } from "../../src/qa/feature";
import { addKnowledge, searchKnowledge } from "../../src/qa/knowledge";
import { indexSegments } from "../../src/qa/knowledge-repo";
import { RecordingPort } from "../support/recording-port";

const TOPICS = ["Aktenplan", "Schnittstelle", "Barrierefreiheit", "Wohngeld", "Signatur", "Löschfrist"];

describe("knowledge index compaction", () => {
  it("merges the word index into one segment and the trigram index's small segments in the hourly maintenance, and finds the same", async () => {
    const clock = new VirtualClock(new Date("2027-06-01T09:00:00Z"));
    const bot = createBot({
      db: openDatabase(":memory:"),
      clock,
      config: loadConfig({}),
      log: pino({ level: "silent" }),
      features: [qaFeature],
    });
    bot.services.ports.add(new RecordingPort("console"));
    const { db } = bot.services;
    // Each solved question is its own write and adds a segment, which automerge only partly
    // folds: after a few dozen, the index is made of many.
    for (let i = 0; indexSegments(db, "words") <= 8; i++) {
      if (i > 500) throw new Error("the index never grew past 8 segments");
      const topic = TOPICS[i % TOPICS.length] ?? "Akte";
      const code = (n: number): string => (n * 7919).toString(36);
      addKnowledge(db, {
        kind: "question",
        sourceId: String(i),
        title: `Wie regelt ihr ${topic} ${code(i)} ${code(i + 1)}?`,
        body: `Wir nutzen eine Dienstanweisung zu ${topic}, Stand ${2000 + i}, Fall ${code(i + 2)}.`,
        at: clock.now(),
      });
    }
    const trigrams = indexSegments(db, "trigrams");
    expect(trigrams).toBeGreaterThan(3);
    const queries = ["Aktenplan Dienstanweisung", "Löschfristen", "Schnittstellen 2012", "anweisung"];
    const before = queries.map((q) => searchKnowledge(db, q, 5));
    expect(before.every((hits) => hits.length > 0)).toBe(true);

    await bot.tick();

    expect(indexSegments(db, "words")).toBe(1);
    expect(indexSegments(db, "trigrams")).toBeLessThanOrEqual(3);
    expect(indexSegments(db, "trigrams")).toBeLessThan(trigrams);
    expect(queries.map((q) => searchKnowledge(db, q, 5))).toEqual(before);
    const check = (table: string) =>
      db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
    expect(() => check("qa_knowledge_words")).not.toThrow();
    expect(() => check("qa_knowledge_trigrams")).not.toThrow();
  });
});
