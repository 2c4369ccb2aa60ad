import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { openDatabase } from "../../db/open";
import { loadConfig } from "../../src/config";
import { VirtualClock } from "../../src/core/clock";
import { createServices } from "../../src/core/services";
import { askOnBehalf, trackQuestionInSteps } from "../../src/qa/ask";
import { addExpertTopics } from "../../src/qa/expert-repo";
import { expertIndex } from "../../src/qa/expert-index";
import { addKnowledge } from "../../src/qa/knowledge-repo";
import { routeJob } from "../../src/qa/routing";

const START = new Date("2026-12-01T08:00:00Z");

/**
 * Each statement the connection runs, with whether SQLite was inside a transaction then (not in
 * autocommit mode, `db.inTransaction`), grouped by the step it ran in.
 */
function recordSteps(db: ReturnType<typeof openDatabase>) {
  const steps: { sql: string; inTransaction: boolean }[][] = [[]];
  const proto = Object.getPrototypeOf(db.prepare("SELECT 1")) as Record<string, unknown>;
  const spies = (["run", "get", "all", "iterate"] as const).map((method) => {
    const original = proto[method] as (...args: unknown[]) => unknown;
    const spy = jest.spyOn(proto as never, method as never) as jest.SpyInstance;
    spy.mockImplementation(function (this: { source: string }, ...args: unknown[]) {
      steps[steps.length - 1]?.push({ sql: this.source, inTransaction: db.inTransaction });
      return original.apply(this, args);
    });
    return spy;
  });
  return {
    steps,
    nextStep: () => steps.push([]),
    stop: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** Logs `n` changes of anna's profile: more read entries than the index keeps before it prunes (1,000). */
function logProfileChanges(db: ReturnType<typeof openDatabase>, n: number): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO qa_expert_changes (member_id) SELECT 'console:anna' FROM n`,
  ).run(n);
}

/** A database at `path` with copbot's services on it, the routing job registered. */
function questionServices(path: string) {
  const db = openDatabase(path);
  const services = createServices({
    db,
    clock: new VirtualClock(START),
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
  services.scheduler.register("qa.route", routeJob);
  return { db, services };
}

/** Runs a question through its steps, recording each step's statements (`recordSteps`). */
async function stepsOf(
  services: ReturnType<typeof questionServices>["services"],
  question: { askerId: string; channelId: string; text: string; messageId: string },
) {
  const record = recordSteps(services.db);
  try {
    await trackQuestionInSteps(services, question, async () => {
      record.nextStep();
      await new Promise((resolve) => setImmediate(resolve));
    });
  } finally {
    record.stop();
  }
  return record.steps;
}

describe("a question's steps read in one transaction each", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-steps-tx-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs no statement in autocommit mode and opens at most one transaction per step", async () => {
    const { db, services } = questionServices(join(dir, "q.db"));
    addExpertTopics(db, "console:anna", ["E-Akte"], START);
    addExpertTopics(db, "console:bert", ["Altakten"], START);
    const question = {
      askerId: "console:dora",
      channelId: "console:fragen",
      text: "Wie migriert ihr Altakten in die E-Akte?",
    };
    // The first question loads the expert index (profile and key pages); the second finds it
    // loaded and only reads what changed (the first one's pings).
    for (const messageId of ["m1", "m2"]) {
      const steps = await stepsOf(services, { ...question, messageId });
      const ran = steps.flat();
      expect(ran.length).toBeGreaterThan(10);
      expect(ran.filter((s) => !s.inTransaction && s.sql !== "BEGIN")).toEqual([]);
      for (const step of steps) expect(step.filter((s) => s.sql === "BEGIN").length).toBeLessThanOrEqual(1);
    }
    expect(db.prepare("SELECT count(*) FROM qa_pings").pluck().get()).toBe(4);
    db.close();
  });

  it("prunes the expert index's log before the ranking's snapshot, so the ranking's mark stands", async () => {
    const { db, services } = questionServices(join(dir, "prune-steps.db"));
    addExpertTopics(db, "console:anna", ["E-Akte"], START);
    const question = { askerId: "console:dora", channelId: "console:fragen", text: "Wer kennt die E-Akte?" };
    await trackQuestionInSteps(services, { ...question, messageId: "m1" });
    logProfileChanges(db, 1_100);
    // The second question's ranking reads the entries; the third's step prunes them.
    await trackQuestionInSteps(services, { ...question, messageId: "m2" });
    const steps = await stepsOf(services, { ...question, messageId: "m3" });
    const step = steps.find((ran) => ran.some((s) => s.sql.startsWith("DELETE FROM qa_expert_changes")));
    const order = (step ?? [])
      .map((s) => (s.sql.startsWith("DELETE") ? "prune" : s.sql.includes("total_changes()") ? "mark" : ""))
      .filter(Boolean);
    expect(order).toEqual(["prune", "mark"]);
    // Only the third question's own entries (its ping) are left.
    expect(db.prepare("SELECT count(*) FROM qa_expert_changes").pluck().get()).toBeLessThan(5);
    db.close();
  });

  it("reads at most one posting list the similar lookup has not kept per step, then none", async () => {
    const { db, services } = questionServices(join(dir, "postings.db"));
    for (const [i, title] of [
      "Altakten in die E-Akte migrieren",
      "E-Akte einführen",
      "Altakten scannen",
    ].entries())
      addKnowledge(db, { kind: "question", sourceId: `k${i}`, title, body: "Antwort", at: START });
    const question = {
      askerId: "console:dora",
      channelId: "console:fragen",
      text: "Wie migriert ihr Altakten in die E-Akte?",
    };
    const isListRead = (sql: string): boolean =>
      /qa_knowledge_words MATCH \? ORDER BY rowid$/.test(sql.trim());
    const isLookup = (sql: string): boolean => sql.includes("FROM qa_knowledge AS k WHERE k.id IN");
    const first = await stepsOf(services, { ...question, messageId: "m1" });
    const listSteps = first.filter((step) => step.some((s) => isListRead(s.sql)));
    expect(listSteps.length).toBeGreaterThanOrEqual(2);
    for (const step of listSteps) expect(step.filter((s) => isListRead(s.sql))).toHaveLength(1);
    // The lookup runs once, in the step that read the last missing list.
    const lookups = first.filter((step) => step.some((s) => isLookup(s.sql)));
    expect(lookups).toEqual([listSteps[listSteps.length - 1]]);
    // The lists are kept now: the next question with the same words reads none.
    const second = await stepsOf(services, { ...question, messageId: "m2" });
    expect(second.flat().filter((s) => isListRead(s.sql))).toEqual([]);
    expect(second.flat().some((s) => isLookup(s.sql))).toBe(true);
    db.close();
  });

  it("reads no posting list for a question routed inside a write transaction (/cop ask), where it could not keep one", () => {
    const { db, services } = questionServices(join(dir, "ask.db"));
    for (const [i, title] of ["Altakten in die E-Akte migrieren", "E-Akte einführen"].entries())
      addKnowledge(db, { kind: "question", sourceId: `k${i}`, title, body: "Antwort", at: START });
    const record = recordSteps(db);
    try {
      const asked = askOnBehalf(services, {
        askerId: "console:dora",
        channelId: "console:fragen",
        text: "Wie migriert ihr Altakten in die E-Akte?",
      });
      expect(asked.ok).toBe(true);
    } finally {
      record.stop();
    }
    const ran = record.steps.flat().map((s) => s.sql.trim());
    expect(ran.filter((sql) => /qa_knowledge_words MATCH \? ORDER BY rowid$/.test(sql))).toEqual([]);
    expect(ran.some((sql) => sql.includes("qa_knowledge_words MATCH"))).toBe(true);
    db.close();
  });

  it("prunes nothing on the first question of a fresh copy of the index, before it read the log's floor", async () => {
    const path = join(dir, "restart.db");
    const before = questionServices(path);
    addExpertTopics(before.db, "console:anna", ["E-Akte"], START);
    const question = { askerId: "console:dora", channelId: "console:fragen", text: "Wer kennt die E-Akte?" };
    // More entries than the index keeps before it prunes, pruned by the second question: the
    // log's positions run past 1,000 with only a few entries left.
    logProfileChanges(before.db, 1_100);
    await trackQuestionInSteps(before.services, { ...question, messageId: "m1" });
    await trackQuestionInSteps(before.services, { ...question, messageId: "m2" });
    logProfileChanges(before.db, 10);
    before.db.close();
    // A restart: a new connection, a new copy of the index, the log as the last run left it.
    const { db, services } = questionServices(path);
    const logged = (): number => db.prepare("SELECT count(*) FROM qa_expert_changes").pluck().get() as number;
    const count = logged();
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThan(1_000);
    await trackQuestionInSteps(services, { ...question, messageId: "m3" });
    expect(logged()).toBeGreaterThanOrEqual(count);
    db.close();
  });

  it("readyFor reads in one transaction and prunes the log after it", () => {
    const db = openDatabase(join(dir, "prune.db"));
    addExpertTopics(db, "console:anna", ["E-Akte"], START);
    logProfileChanges(db, 1_100);
    const logged = (): unknown => db.prepare("SELECT count(*) FROM qa_expert_changes").pluck().get();
    const record = recordSteps(db);
    try {
      expertIndex(db).readyFor(["akte"]);
    } finally {
      record.stop();
    }
    const ran = record.steps.flat();
    const write = ran.findIndex((s) => /^\s*(DELETE|UPDATE)/.test(s.sql));
    expect(ran.filter((s) => s.sql === "BEGIN").length).toBe(2);
    expect(ran.filter((s) => !s.inTransaction && s.sql !== "BEGIN")).toEqual([]);
    // The reads first (one snapshot), then the pruning's own transaction.
    expect(ran.slice(0, write).filter((s) => s.sql === "COMMIT").length).toBe(1);
    expect(logged()).toBe(0);
    db.close();
  });
});
