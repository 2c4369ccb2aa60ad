import Database from "better-sqlite3";
import { loadMigrations, migrate, openDatabase, type Db } from "../../db/open";
import { addExpertTopics, recordAnsweredQuestion } from "../../src/qa/expert-repo";
import { updateExpertSettings } from "../../src/qa/expert-settings-repo";
import { recordPing, recordPings } from "../../src/qa/expert-stats-repo";
import { QuestionRepo } from "../../src/qa/question-repo";
import {
  foldUmlauts,
  foldedStartsWith,
  foldedUnits,
  forEachWord,
  indexForm,
  indexTerms,
  searchForm,
} from "../../src/qa/text";

const AT = new Date("2026-11-30T08:00:00Z");

/** Experts, questions, replies and pings as copbot writes them, on any database. */
function writeCommunity(db: Db): void {
  addExpertTopics(db, "console:anna", ["E-Akte", "Datenschutz"], AT);
  addExpertTopics(db, "console:bert", ["E-Akte", "XRechnung"], AT);
  addExpertTopics(db, "console:cleo", ["KI"], AT);
  updateExpertSettings(db, "console:cleo", { weeklyCap: 1, quiet: { start: "18:00", end: "08:00" } });
  const repo = new QuestionRepo(db);
  const texts = [
    "Wie migriert ihr Altakten in die E-Akte?",
    "Welche Löschfristen gelten für Bewerbungsunterlagen?",
    "XRechnung im Rechnungseingang – wer prüft die Pflichtfelder?",
    "Dürfen wir KI-Assistenten für Bescheide nutzen? (Café-Test, naïve Frage)",
    "E-Akte: Scan von Altakten im Posteingang, Aktenplan 2026",
  ];
  texts.forEach((text, i) => {
    const q = repo.create({
      askerId: "console:dora",
      channelId: "console:fragen",
      messageId: `m${i}`,
      text,
      at: AT,
    });
    const author = ["console:anna", "console:bert", "console:cleo"][i % 3] ?? "console:anna";
    recordPing(db, author, "question", new Date(AT.getTime() + i), q.id);
    recordPing(db, "console:bert", "question", new Date(AT.getTime() + i), q.id);
    repo.addAnswer({ questionId: q.id, messageId: `a${i}`, authorId: author, text: "So.", at: AT });
    repo.solve(q.id, "console:dora", AT, repo.answer(q.id, `a${i}`));
    recordAnsweredQuestion(db, author, q.id, text);
  });
  recordPing(db, "console:cleo", "group-invite", new Date(AT.getTime() + 99));
}

const PROFILE = `SELECT member_id, expert, accepted, pings, answered_pings, last_pinged_at, recent_pings,
  weekly_cap, quiet_start, quiet_end, opted_out FROM qa_expert_profiles ORDER BY member_id`;

function aggregates(db: Db) {
  return {
    terms: db
      .prepare("SELECT member_id, key, docs, shape FROM qa_expert_terms ORDER BY member_id, key")
      .all(),
    sources: db
      .prepare("SELECT source, member_id, text, length FROM qa_expert_sources ORDER BY source, member_id")
      .all(),
    corpus: db.prepare("SELECT sources, tokens FROM qa_expert_corpus").all(),
    profiles: db.prepare(PROFILE).all(),
  };
}

describe("expert profiles (migration 010)", () => {
  it("upgrade an existing database to exactly what the code writes for the same data", () => {
    const fresh = openDatabase(":memory:");
    writeCommunity(fresh);
    // The same community in schema 5, where answered questions were FTS5 rows.
    const old = new Database(":memory:");
    migrate(
      old,
      loadMigrations().filter((m) => m.version <= 5),
    );
    const copy = (table: string, columns: string) => {
      const rows = fresh.prepare(`SELECT ${columns} FROM ${table}`).all() as Record<string, unknown>[];
      const insert = old.prepare(
        `INSERT INTO ${table} (${columns}) VALUES (${columns
          .split(",")
          .map(() => "?")
          .join(",")})`,
      );
      for (const row of rows) insert.run(...Object.values(row));
    };
    copy("qa_expert_topics", "member_id, topic, label, added_at");
    copy("qa_expert_settings", "member_id, away_until, weekly_cap, quiet_start, quiet_end, opted_out");
    copy(
      "qa_questions",
      "id, asker_id, channel_id, message_id, text, status, asked_at, solved_at, solved_by, accepted_message_id, accepted_author_id, accepted_text",
    );
    copy("qa_answers", "question_id, message_id, author_id, text, at");
    copy("qa_pings", "id, member_id, question_id, purpose, at");
    for (const row of fresh.prepare("SELECT member_id, source, text FROM qa_expert_sources").all() as {
      member_id: string;
      source: string;
      text: string;
    }[])
      old
        .prepare("INSERT INTO qa_expert_docs (member_id, source, text) VALUES (?, ?, ?)")
        .run(row.member_id, row.source, row.text);
    migrate(old);
    expect(aggregates(old)).toEqual(aggregates(fresh));
  });

  it("follow replies, pings, accepted answers and a deleted question exactly", () => {
    const db = openDatabase(":memory:");
    writeCommunity(db);
    const expected = () =>
      db
        .prepare(
          `SELECT member_id,
             (SELECT count(*) FROM qa_questions q WHERE q.accepted_author_id = m.member_id) AS accepted,
             (SELECT count(*) FROM qa_pings p WHERE p.member_id = m.member_id AND p.question_id IS NOT NULL) AS pings,
             (SELECT count(*) FROM qa_pings p WHERE p.member_id = m.member_id AND EXISTS (
               SELECT 1 FROM qa_answers a WHERE a.question_id = p.question_id AND a.author_id = p.member_id)) AS answered,
             (SELECT max(at) FROM qa_pings p WHERE p.member_id = m.member_id) AS last
           FROM qa_expert_profiles m ORDER BY member_id`,
        )
        .all();
    const actual = () =>
      db
        .prepare(
          "SELECT member_id, accepted, pings, answered_pings AS answered, last_pinged_at AS last FROM qa_expert_profiles ORDER BY member_id",
        )
        .all();
    expect(actual()).toEqual(expected());
    const repo = new QuestionRepo(db);
    const q = repo.create({
      askerId: "console:dora",
      channelId: "console:fragen",
      messageId: "x",
      text: "Offen?",
      at: AT,
    });
    recordPing(db, "console:anna", "question", AT, q.id);
    repo.addAnswer({ questionId: q.id, messageId: "x1", authorId: "console:anna", text: "Eins", at: AT });
    repo.addAnswer({ questionId: q.id, messageId: "x2", authorId: "console:anna", text: "Zwei", at: AT });
    expect(actual()).toEqual(expected());
    repo.delete(q.id);
    expect(actual()).toEqual(expected());
  });

  it("keep each member's 16 newest ping times, whatever order the pings come in", () => {
    const db = openDatabase(":memory:");
    addExpertTopics(db, "console:anna", ["E-Akte"], AT);
    const kept = () =>
      db.prepare("SELECT member_id, recent_pings FROM qa_expert_profiles ORDER BY member_id").all();
    const newest = () =>
      db
        .prepare(
          `SELECT member_id, (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
             SELECT at FROM qa_pings r WHERE r.member_id = p.member_id ORDER BY at DESC LIMIT 16)) AS recent_pings
           FROM qa_expert_profiles p ORDER BY member_id`,
        )
        .all();
    const minute = (n: number) => new Date(AT.getTime() + n * 60_000);
    const pings: [string[], Date][] = [
      // Newest each time, as copbot pings: past 16 the oldest goes (bert has no profile yet).
      ...Array.from({ length: 20 }, (_, i): [string[], Date] => [
        ["console:anna", "console:bert"],
        minute(i),
      ]),
      // The same time as the last one, then older ones (an import, a test clock).
      [["console:anna"], minute(19)],
      [["console:anna", "console:bert"], minute(5)],
      [["console:bert"], minute(30)],
      // Times before 1970, more than 16 of them.
      ...Array.from({ length: 18 }, (_, i): [string[], Date] => [
        ["console:cleo"],
        new Date((i - 20) * 5_000),
      ]),
      [["console:cleo"], new Date(-200_000)],
    ];
    for (const [members, at] of pings) {
      recordPings(db, members, "group-invite", at);
      expect(kept()).toEqual(newest());
    }
    // Taking pings back reads the newest again; new ones follow on from there.
    db.prepare("DELETE FROM qa_pings WHERE member_id = 'console:anna' AND at >= ?").run(minute(15).getTime());
    recordPings(db, ["console:anna", "console:cleo"], "group-invite", minute(40));
    expect(kept()).toEqual(newest());
  });

  it("split text into words exactly as the FTS5 index does", () => {
    const db = new Database(":memory:");
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2')");
    db.exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)");
    const samples = [
      "Wie migriert ihr Altakten in die E-Akte?",
      "Café naïve Señor Ångström Øre Łódź",
      "XRechnung v3.0.1, §12 Abs. 2 – „Dokumentenmanagementsystem“",
      "KI_Assistent #OZG @bert e2e 100% 2026-11-30",
      "plain ASCII:\ttab\nline a-b_c|d~e{f}[g]^h`i\\j'k\"l",
      "Straße Grüße ÄÖÜ ẞ 🙂 ✅ +1 wort🙂wort",
    ].map(foldUmlauts);
    samples.forEach((text, i) => db.prepare("INSERT INTO t (rowid, x) VALUES (?, ?)").run(i + 1, text));
    samples.forEach((text, i) => {
      const tokens = (
        db.prepare("SELECT term FROM v WHERE doc = ? ORDER BY offset").all(i + 1) as { term: string }[]
      ).map((r) => r.term);
      expect(indexTerms(text)).toEqual(tokens);
      // The search's scan finds the same words in place, in the folded and in the raw text.
      const form = indexForm(text);
      const scanned: string[] = [];
      forEachWord(form, (start, end) => scanned.push(form.slice(start, end)));
      expect(scanned).toEqual(tokens);
    });
    // A search reads most text in place (umlauts spelled out, case lowered while comparing).
    for (const raw of [
      "STRASSE Straße Grüße Äpfel ÖL Über aß 3ÄÜ",
      "Wie migriert ihr Altakten in die E-Akte?",
      "Café naïve Ärger ẞ Łódź",
    ]) {
      const form = searchForm(raw);
      const expected = indexTerms(foldUmlauts(raw));
      const found: string[] = [];
      forEachWord(form, (start, end) => {
        const term = expected[found.length] ?? "";
        let units = 0;
        for (let i = start; i < end; i++) units += foldedUnits(form, i);
        expect([units, foldedStartsWith(form, start, 0, end, term)]).toEqual([term.length, true]);
        found.push(term);
      });
      expect(found).toEqual(expected);
    }
    expect(foldedStartsWith("Maß", 2, 1, 3, "s")).toBe(true);
    expect(foldedStartsWith("Straße", 0, 0, 6, "strasse")).toBe(true);
    expect(foldedStartsWith("Sauber", 0, 0, 6, "ssauber")).toBe(false);
    for (const raw of ["Straße Grüße ÄÖÜ ẞ 🙂 ✅ +1 wort🙂wort", "lone \ud800 surrogate\udc00s, Ωmega ά"]) {
      const scanned: string[] = [];
      forEachWord(raw, (start, end) => scanned.push(raw.slice(start, end)));
      expect(scanned).toEqual(
        [...raw.matchAll(/[\p{L}\p{N}\p{Co}\u{10000}-\u{10FFFF}]+/gu)].map((m) => m[0]),
      );
    }
  });
});
