import Database from "better-sqlite3";
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { openDatabase, type Db } from "../../db/open";
import { readSnapshot } from "../../db/transaction";
import { loadConfig } from "../../src/config";
import { VirtualClock } from "../../src/core/clock";
import { createServices, type Services } from "../../src/core/services";
import { ExpertIndex, expertIndex } from "../../src/qa/expert-index";
import { bestExperts } from "../../src/qa/expert-picks";
import type { RankedExpert } from "../../src/qa/ranking";
import {
  addExpertTopics,
  creditAnsweredQuestion,
  expertsOfTopics,
  removeExpertTopics,
} from "../../src/qa/expert-repo";
import { updateExpertSettings } from "../../src/qa/expert-settings-repo";
import { recordPing } from "../../src/qa/expert-stats-repo";
import { normalizeTopic, searchKeysOf, topicsInText } from "../../src/qa/experts";
import { qaPrivacy, qaRetention } from "../../src/qa/privacy";
import { QaPrivacyRepo } from "../../src/qa/privacy-repo";
import { QuestionRepo } from "../../src/qa/question-repo";
import { setTopicAlias } from "../../src/qa/topic-repo";
import { communityId, seedCommunity } from "../support/qa-community";

const QUESTIONS = [
  "Wie migriert ihr Altakten in die E-Akte?",
  "Welche Löschfristen gelten im Datenschutz für Bewerbungen?",
  "XRechnung im Rechnungseingang – wer prüft die Pflichtfelder?",
  "Gibt es Erfahrungen mit Scanstraßen im Posteingang?",
  "Dürfen wir KI für Bescheide nutzen?",
];
const TOPICS = ["E-Akte", "Datenschutz", "XRechnung", "KI", "Posteingang", "Scanstraße"];
/** Words of the questions that become aliases of a topic. */
const ALIASES = ["Altakten", "Bewerbungen", "Rechnungseingang", "Bescheide", "Scanstraßen"];
const DAY = 86_400_000;

/** Who each question would tag, and why, read through `index`. */
function picks(
  db: Db,
  index: (keys: readonly string[]) => ExpertIndex,
  now: Date,
  limit = 8,
  includeQuiet = true,
): RankedExpert[][] {
  return QUESTIONS.map((text) => {
    const keys = searchKeysOf(text);
    return bestExperts(db, {
      index: index(keys),
      keys,
      topical: expertsOfTopics(db, topicsInText(db, text)),
      excluded: new Set([communityId(7)]),
      limit,
      includeQuiet,
      now,
      zone: "Europe/Berlin",
    });
  });
}

/** Per database, a copy of the index that only reads topics (profiles never loaded). */
const topicReaders = new WeakMap<Db, ExpertIndex>();

/**
 * The cached index and one loaded afresh must rank exactly alike, and stopping once nobody
 * left can reach the top must pick what ranking every matching expert picks.
 */
function expectFresh(db: Db, now: Date): void {
  const cached = picks(db, (keys) => expertIndex(db).readyFor(keys), now);
  const fresh = picks(db, (keys) => new ExpertIndex(db).readyFor(keys), now);
  expect(cached).toEqual(fresh);
  // The topics a text names, as the cached index keeps them and as the database has them.
  // Also through a copy that only ever reads topics, as a digest or an export does.
  const reader = topicReaders.get(db) ?? new ExpertIndex(db);
  topicReaders.set(db, reader);
  for (const text of [...QUESTIONS, ...TOPICS, ...ALIASES]) {
    const fresh = topicsInText(db, text, new ExpertIndex(db).readyFor([], false));
    expect(topicsInText(db, text)).toEqual(fresh);
    expect(topicsInText(db, text, reader.readyFor([], false))).toEqual(fresh);
  }
  // Their experts with labels, in the order the database reads them.
  for (const text of [...QUESTIONS, TOPICS.join(" ")]) {
    const topics = topicsInText(db, text);
    expect([...expertIndex(db).readyFor([]).expertsOfTopics(topics)]).toEqual([
      ...expertsOfTopics(db, topics),
    ]);
  }
  for (const includeQuiet of [true, false]) {
    const everyone = picks(db, (keys) => expertIndex(db).readyFor(keys), now, 100_000, includeQuiet);
    const top = picks(db, (keys) => expertIndex(db).readyFor(keys), now, 3, includeQuiet);
    expect(top).toEqual(everyone.map((ranked) => ranked.slice(0, 3)));
  }
}

type Write = (w: { db: Db; services: Services; other: Db; member: string; n: number; now: Date }) => void;

/** Every kind of write that changes what ranking reads. */
const WRITES: Record<string, Write> = {
  topics: ({ db, member, n, now }) => addExpertTopics(db, member, [TOPICS[n % TOPICS.length] ?? "KI"], now),
  alias: ({ db, member, n, now }) =>
    void setTopicAlias(db, TOPICS[n % TOPICS.length] ?? "KI", ALIASES[n % ALIASES.length] ?? "", member, now),
  // An admin tool renames a topic on the database file.
  relabel: ({ other, n }) =>
    void other
      .prepare(
        "INSERT INTO qa_topic_labels (topic, label) VALUES (?, ?) ON CONFLICT (topic) DO UPDATE SET label = excluded.label",
      )
      .run(normalizeTopic(TOPICS[n % TOPICS.length] ?? "KI"), `Thema ${n}`),
  untopic: ({ db, member, n }) => removeExpertTopics(db, member, [TOPICS[n % TOPICS.length] ?? "KI"]),
  solve: ({ db, member, n, now }) => {
    const repo = new QuestionRepo(db);
    const q = repo.create({
      askerId: communityId(300),
      channelId: "console:fragen",
      text: QUESTIONS[n % 5] ?? "",
      at: now,
    });
    repo.addAnswer({ questionId: q.id, messageId: `w${q.id}`, authorId: member, text: "So.", at: now });
    repo.solve(q.id, communityId(300), now, repo.answer(q.id, `w${q.id}`));
    creditAnsweredQuestion(db, q.id, q.text, [member]);
  },
  unaccept: ({ db, n }) => {
    const repo = new QuestionRepo(db);
    const id = 1 + (n % 60);
    const accepted = repo.accepted(id)[0];
    if (!accepted) return;
    repo.unaccept(id, accepted.messageId);
    creditAnsweredQuestion(
      db,
      id,
      repo.get(id)?.text ?? "",
      repo.accepted(id).map((a) => a.authorId),
    );
  },
  ping: ({ db, member, n, now }) =>
    recordPing(db, member, n % 3 === 0 ? "group-invite" : "question", now, 1 + (n % 60)),
  answerPinged: ({ db, member, n, now }) =>
    new QuestionRepo(db).addAnswer({
      questionId: 1 + (n % 60),
      messageId: `r${n}`,
      authorId: member,
      text: "Ja.",
      at: now,
    }),
  settings: ({ db, member, n, now }) =>
    updateExpertSettings(
      db,
      member,
      [
        { awayUntil: new Date(now.getTime() + DAY) },
        { weeklyCap: 1 + (n % 4) },
        { quiet: { start: "08:00", end: "07:00" } },
        { optedOut: n % 2 === 0 },
        { awayUntil: undefined, quiet: undefined },
      ][n % 5] ?? {},
    ),
  timeZone: ({ db, member, n }) => {
    db.prepare("UPDATE members SET time_zone = ? WHERE id = ?").run(
      n % 2 ? "America/New_York" : null,
      member,
    );
  },
  forget: ({ services, member }) => void qaPrivacy.forget(services, member),
  deleteQuestion: ({ db, n }) => void new QaPrivacyRepo(db).deleteQuestion(1 + (n % 60)),
  retention: ({ services, now }) => void qaRetention[0]?.prune(services, now),
  rolledBack: ({ db, services, member, n, now }) => {
    expect(() =>
      db.transaction(() => {
        WRITES.solve?.({ db, services, other: db, member, n, now });
        updateExpertSettings(db, member, { weeklyCap: 9 });
        recordPing(db, member, "question", now, 1 + (n % 60));
        addExpertTopics(db, member, [TOPICS[(n + 3) % TOPICS.length] ?? "KI"], now);
        setTopicAlias(
          db,
          TOPICS[n % TOPICS.length] ?? "KI",
          ALIASES[(n + 2) % ALIASES.length] ?? "",
          member,
          now,
        );
        // Ranks inside the transaction, so the cached index reads what is rolled back.
        expectFresh(db, now);
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
  },
  otherProcess: ({ other, member, n, now }) => {
    addExpertTopics(other, member, [TOPICS[(n + 1) % TOPICS.length] ?? "KI"], now);
    recordPing(other, member, "question", now, 1 + (n % 60));
    updateExpertSettings(other, member, { weeklyCap: 2 + (n % 3) });
    setTopicAlias(
      other,
      TOPICS[(n + 2) % TOPICS.length] ?? "KI",
      ALIASES[(n + 1) % ALIASES.length] ?? "",
      member,
      now,
    );
  },
};

/** A seeded community in a database file, with the services copbot would give it. */
function seeded(path: string, solved: number): { db: Db; services: Services; clock: VirtualClock } {
  const clock = new VirtualClock(new Date("2026-11-30T16:30:00Z"));
  const db = openDatabase(path);
  const services = createServices({
    db,
    clock,
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
  seedCommunity(services, solved);
  return { db, services, clock };
}

describe("the in-memory expert index", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-index-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ranks exactly like a freshly loaded index after every kind of write, in any order", () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            write: fc.constantFrom(...Object.keys(WRITES)),
            member: fc.integer({ min: 1, max: 160 }),
            n: fc.nat(1000),
            inTransaction: fc.boolean(),
          }),
          { minLength: 10, maxLength: 30 },
        ),
        (writes) => {
          run += 1;
          const path = join(dir, `run${run}.db`);
          const { db, services, clock } = seeded(path, 80);
          // Another process on the same file (an admin tool, the copbot that ran before).
          const other = new Database(path);
          other.pragma("foreign_keys = ON");
          try {
            expectFresh(db, clock.now());
            for (const { write, member, n, inTransaction } of writes) {
              const apply = (): void =>
                WRITES[write]?.({ db, services, other, member: communityId(member), n, now: clock.now() });
              if (inTransaction && write !== "otherProcess" && write !== "rolledBack")
                db.transaction(apply)();
              else apply();
              clock.advance(((n % 7) + 1) * 3_600_000);
              expectFresh(db, clock.now());
            }
          } finally {
            other.close();
            db.close();
          }
        },
      ),
      { numRuns: 4, seed: 20261205 },
    );
  });

  it("stops early exactly: with any load, quiet hours and caps, the top picks are those of ranking everyone", () => {
    const { db, clock } = seeded(join(dir, "bounds.db"), 80);
    const start = clock.now().getTime();
    // The contenders: whom ranking everyone puts first for the questions.
    const contenders = [
      ...new Set(picks(db, (keys) => expertIndex(db).readyFor(keys), clock.now(), 12).flat()),
    ].map((ranked) => ranked.stats.memberId);
    const at = (limit: number, includeQuiet: boolean, now: Date): RankedExpert[][] =>
      picks(db, (keys) => expertIndex(db).readyFor(keys), now, limit, includeQuiet);
    try {
      fc.assert(
        fc.property(
          // Pings of the contenders from 10 days ago until now: around the 7-day load window,
          // the calendar week and beyond the 16 ping times a profile keeps.
          fc.array(
            fc.record({
              who: fc.nat(contenders.length - 1),
              hoursAgo: fc.integer({ min: 0, max: 240 }),
              times: fc.integer({ min: 1, max: 30 }),
            }),
            { minLength: 1, maxLength: 25 },
          ),
          fc.array(fc.record({ who: fc.nat(contenders.length - 1), setting: fc.nat(3) }), { maxLength: 6 }),
          fc.integer({ min: 0, max: 47 }),
          (pings, settings, halfHours) => {
            db.exec("SAVEPOINT bounds");
            try {
              for (const { who, hoursAgo, times } of pings)
                for (let i = 0; i < times; i++)
                  recordPing(
                    db,
                    contenders[who] ?? "",
                    "group-invite",
                    new Date(start - hoursAgo * 3_600_000 - i * 60_000),
                  );
              for (const { who, setting } of settings)
                updateExpertSettings(
                  db,
                  contenders[who] ?? "",
                  [
                    { quiet: { start: "17:00", end: "08:00" } },
                    { weeklyCap: 2 },
                    { awayUntil: new Date(start + DAY) },
                    { quiet: { start: "08:00", end: "07:00" }, weeklyCap: 20 },
                  ][setting] ?? {},
                );
              const now = new Date(start + halfHours * 1_800_000);
              for (const includeQuiet of [true, false]) {
                const everyone = at(100_000, includeQuiet, now);
                for (const limit of [1, 3])
                  expect(at(limit, includeQuiet, now)).toEqual(everyone.map((r) => r.slice(0, limit)));
              }
            } finally {
              db.exec("ROLLBACK TO bounds");
              db.exec("RELEASE bounds");
            }
          },
        ),
        // A failing case is reported as found: shrinking it would take minutes.
        { numRuns: 30, seed: 20261205, endOnFailure: true },
      );
    } finally {
      db.close();
    }
  });

  it("keeps up when it reads inside read snapshots, and prunes the log only outside them", () => {
    const { db, clock } = seeded(join(dir, "snapshot.db"), 60);
    const floor = (): unknown => db.prepare("SELECT seq FROM qa_expert_change_floor").pluck().get();
    const inSnapshot = (): RankedExpert[][] =>
      readSnapshot(db, () => picks(db, (keys) => expertIndex(db).readyFor(keys), clock.now()));
    // Read in a snapshot too: a fresh copy outside one would prune the log itself.
    const fresh = (): RankedExpert[][] =>
      readSnapshot(db, () => picks(db, (keys) => new ExpertIndex(db).readyFor(keys), clock.now()));
    try {
      expectFresh(db, clock.now());
      const before = floor();
      // More changes than the index lets pile up: outside a snapshot it would prune them.
      for (let i = 0; i < 150; i++)
        addExpertTopics(db, communityId(200 + i), ["E-Akte", "Altakten"], clock.now());
      expect(inSnapshot()).toEqual(fresh());
      expect(floor()).toBe(before);
      expertIndex(db).readyFor([]);
      expect(floor()).toBeGreaterThan(before as number);
      // What the snapshot read counts as read: the next change is applied on top of it.
      for (let i = 0; i < 40; i++) recordPing(db, communityId(1 + (i % 5)), "question", clock.now());
      expect(inSnapshot()).toEqual(fresh());
      expectFresh(db, clock.now());
    } finally {
      db.close();
    }
  });

  it("starts afresh when the change log was pruned past what it read", () => {
    const path = join(dir, "pruned.db");
    const { db, clock } = seeded(path, 60);
    const other = new Database(path);
    try {
      expectFresh(db, clock.now());
      // The other copy reads, then many writes pile up and it prunes the log past this copy.
      expertIndex(other).readyFor(searchKeysOf(QUESTIONS[0] ?? ""));
      for (let i = 0; i < 150; i++)
        addExpertTopics(other, communityId(200 + i), ["E-Akte", "Altakten"], clock.now());
      expertIndex(other).readyFor([]);
      const floor = other.prepare("SELECT seq FROM qa_expert_change_floor").pluck().get();
      expect(floor).toBeGreaterThan(0);
      expectFresh(db, clock.now());
    } finally {
      other.close();
      db.close();
    }
  });
});
