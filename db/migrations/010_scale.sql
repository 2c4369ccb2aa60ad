-- Scale (issue #12): what ranking and search need is aggregated when it is written, so a
-- question costs the same with 1,000 or 100,000 solved questions.

-- What each expert is known for: one row per topic and per question their answer solved
-- (formerly the FTS5 table qa_expert_docs). `text` is umlaut-folded as indexed; it is kept
-- so that a source can be taken out of the aggregates again.
CREATE TABLE qa_expert_sources (
  source TEXT NOT NULL, -- topic:<key> or question:<id>
  member_id TEXT NOT NULL,
  text TEXT NOT NULL,
  length INTEGER NOT NULL, -- words, as FTS5's unicode61 tokenizer counts them
  PRIMARY KEY (source, member_id)
) WITHOUT ROWID;

-- The aggregate ranking reads, per search key and expert. A key is what a searched word can
-- match: every prefix of three or more letters of a word (`p:akt`, `p:akte`, … for "akten"),
-- and two-letter words whole (`=ki`), the exact forms copbot's queries take (text.ts,
-- `queryTerms`). `docs` counts the expert's sources with the key; `shape` lists each such
-- source's key frequency and length as `tf:length:count;…`, which is what FTS5's BM25 scores.
-- `weight` is that BM25 part with the average source length of when the row was written: it
-- orders the rows, and bounds the rows not read (see relevance.ts).
CREATE TABLE qa_expert_terms (
  member_id TEXT NOT NULL,
  key TEXT NOT NULL,
  docs INTEGER NOT NULL,
  shape TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY (member_id, key)
) WITHOUT ROWID;

-- Per key: sources containing it (BM25's idf), experts having it, and the smallest average
-- source length any of its rows' weights was computed with (only ever lowered, so it stays a
-- valid bound when rows go away).
CREATE TABLE qa_expert_keys (
  key TEXT PRIMARY KEY,
  docs INTEGER NOT NULL,
  members INTEGER NOT NULL,
  min_avgdl REAL NOT NULL
) WITHOUT ROWID;

-- Number of sources and their total length (BM25's N and average length).
CREATE TABLE qa_expert_corpus (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sources INTEGER NOT NULL,
  tokens INTEGER NOT NULL
);

-- Everything ranking needs about a member in one row, kept current by the triggers below:
-- whether they have topics, accepted answers, question pings, the pinged questions they
-- answered, the last ping of any kind (rotation), their newest ping times (load and weekly
-- cap; `recent_pings`: up to 16, newest first, comma-separated) and a copy of their settings.
-- `history` is what this adds to a ranking score (ranking.ts, `historyScore`: 2 × ln(1 +
-- accepted) + 3 × response rate), so experts can be read best history first.
CREATE TABLE qa_expert_profiles (
  member_id TEXT PRIMARY KEY,
  expert INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  pings INTEGER NOT NULL DEFAULT 0,
  answered_pings INTEGER NOT NULL DEFAULT 0,
  last_pinged_at INTEGER,
  recent_pings TEXT,
  away_until INTEGER,
  weekly_cap INTEGER NOT NULL DEFAULT 3,
  quiet_start TEXT,
  quiet_end TEXT,
  opted_out INTEGER NOT NULL DEFAULT 0,
  history REAL GENERATED ALWAYS AS (2.0 * ln(1.0 + accepted) + 3.0 * (answered_pings + 1.0) / (pings + 2.0)) VIRTUAL
) WITHOUT ROWID;
CREATE INDEX qa_expert_profiles_history ON qa_expert_profiles (history DESC, member_id);

-- The sources move out of FTS5; their words are counted into the aggregates by the code step
-- of this migration (db/migration-steps.ts, run at the marker below), which splits words as
-- the code always will.
INSERT OR IGNORE INTO qa_expert_sources (source, member_id, text, length)
  SELECT source, member_id, text, 0 FROM qa_expert_docs;
DROP TABLE qa_expert_docs;
INSERT INTO qa_expert_corpus (id, sources, tokens) VALUES (1, 0, 0);
-- step
-- Built after the rows: one sort instead of a million scattered inserts.
-- The experts with the most weight for a key, first: ranking reads only the top of a frequent key.
CREATE INDEX qa_expert_terms_top ON qa_expert_terms (key, weight DESC);

INSERT INTO qa_expert_profiles (member_id, accepted, pings, answered_pings, last_pinged_at)
  SELECT member_id, sum(accepted), sum(pings), sum(answered), max(last) FROM (
    SELECT accepted_author_id AS member_id, count(*) AS accepted, 0 AS pings, 0 AS answered, NULL AS last
    FROM qa_questions WHERE accepted_author_id IS NOT NULL GROUP BY accepted_author_id
    UNION ALL
    SELECT member_id, 0, sum(question_id IS NOT NULL),
      sum(EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = p.question_id AND +a.author_id = p.member_id)),
      max(at)
    FROM qa_pings p GROUP BY member_id
    UNION ALL
    SELECT DISTINCT member_id, 0, 0, 0, NULL FROM qa_expert_topics
  ) GROUP BY member_id;
UPDATE qa_expert_profiles SET
  expert = EXISTS (SELECT 1 FROM qa_expert_topics t WHERE t.member_id = qa_expert_profiles.member_id),
  recent_pings = (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
    SELECT at FROM qa_pings r WHERE r.member_id = qa_expert_profiles.member_id ORDER BY at DESC LIMIT 16));
UPDATE qa_expert_profiles SET (away_until, weekly_cap, quiet_start, quiet_end, opted_out) = (
  SELECT away_until, weekly_cap, quiet_start, quiet_end, opted_out FROM qa_expert_settings s
  WHERE s.member_id = qa_expert_profiles.member_id)
  WHERE member_id IN (SELECT member_id FROM qa_expert_settings);


-- The corpus follows its sources (the key statistics are kept by the code, which splits words).
CREATE TRIGGER qa_expert_sources_ai AFTER INSERT ON qa_expert_sources BEGIN
  UPDATE qa_expert_corpus SET sources = sources + 1, tokens = tokens + new.length WHERE id = 1;
END;
CREATE TRIGGER qa_expert_sources_ad AFTER DELETE ON qa_expert_sources BEGIN
  UPDATE qa_expert_corpus SET sources = sources - 1, tokens = tokens - old.length WHERE id = 1;
END;

-- Every expert has a profile, so reading profiles best history first reaches all of them.
CREATE TRIGGER qa_profile_expert_ai AFTER INSERT ON qa_expert_topics BEGIN
  INSERT INTO qa_expert_profiles (member_id, expert) VALUES (new.member_id, 1)
    ON CONFLICT (member_id) DO UPDATE SET expert = 1;
END;
CREATE TRIGGER qa_profile_expert_ad AFTER DELETE ON qa_expert_topics BEGIN
  UPDATE qa_expert_profiles SET expert = EXISTS (SELECT 1 FROM qa_expert_topics t WHERE t.member_id = old.member_id)
    WHERE member_id = old.member_id;
END;

-- Settings, copied.
CREATE TRIGGER qa_profile_settings_ai AFTER INSERT ON qa_expert_settings BEGIN
  INSERT INTO qa_expert_profiles (member_id, away_until, weekly_cap, quiet_start, quiet_end, opted_out)
    VALUES (new.member_id, new.away_until, new.weekly_cap, new.quiet_start, new.quiet_end, new.opted_out)
    ON CONFLICT (member_id) DO UPDATE SET away_until = excluded.away_until, weekly_cap = excluded.weekly_cap,
      quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, opted_out = excluded.opted_out;
END;
CREATE TRIGGER qa_profile_settings_au AFTER UPDATE ON qa_expert_settings BEGIN
  UPDATE qa_expert_profiles SET away_until = new.away_until, weekly_cap = new.weekly_cap,
    quiet_start = new.quiet_start, quiet_end = new.quiet_end, opted_out = new.opted_out
    WHERE member_id = new.member_id;
END;

-- Accepted answers.
CREATE TRIGGER qa_profile_accepted_ai AFTER INSERT ON qa_questions WHEN new.accepted_author_id IS NOT NULL BEGIN
  INSERT INTO qa_expert_profiles (member_id, accepted) VALUES (new.accepted_author_id, 1)
    ON CONFLICT (member_id) DO UPDATE SET accepted = accepted + 1;
END;
CREATE TRIGGER qa_profile_accepted_au AFTER UPDATE OF accepted_author_id ON qa_questions
  WHEN old.accepted_author_id IS NOT new.accepted_author_id BEGIN
  UPDATE qa_expert_profiles SET accepted = accepted - 1 WHERE member_id = old.accepted_author_id;
  INSERT INTO qa_expert_profiles (member_id, accepted) SELECT new.accepted_author_id, 1
    WHERE new.accepted_author_id IS NOT NULL
    ON CONFLICT (member_id) DO UPDATE SET accepted = accepted + 1;
END;
CREATE TRIGGER qa_profile_accepted_ad AFTER DELETE ON qa_questions WHEN old.accepted_author_id IS NOT NULL BEGIN
  UPDATE qa_expert_profiles SET accepted = accepted - 1 WHERE member_id = old.accepted_author_id;
END;

-- Pings, and whether the pinged expert replied. A question's pings and replies are deleted
-- together (cascade), in either order: whichever goes second finds its partner gone and
-- leaves the count alone, so each answered ping is taken back exactly once.
CREATE TRIGGER qa_profile_ping_ai AFTER INSERT ON qa_pings BEGIN
  INSERT INTO qa_expert_profiles (member_id, pings, answered_pings, last_pinged_at)
    VALUES (new.member_id, new.question_id IS NOT NULL,
      EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = new.question_id AND +a.author_id = new.member_id),
      new.at)
    ON CONFLICT (member_id) DO UPDATE SET pings = pings + excluded.pings,
      answered_pings = answered_pings + excluded.answered_pings,
      last_pinged_at = max(coalesce(last_pinged_at, excluded.last_pinged_at), excluded.last_pinged_at);
  UPDATE qa_expert_profiles SET recent_pings = (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
    SELECT at FROM qa_pings r WHERE r.member_id = new.member_id ORDER BY at DESC LIMIT 16))
    WHERE member_id = new.member_id;
END;
CREATE TRIGGER qa_profile_ping_ad AFTER DELETE ON qa_pings BEGIN
  UPDATE qa_expert_profiles SET pings = pings - (old.question_id IS NOT NULL),
    answered_pings = answered_pings
      - EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = old.question_id AND +a.author_id = old.member_id),
    last_pinged_at = (SELECT max(at) FROM qa_pings WHERE member_id = old.member_id),
    recent_pings = (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
      SELECT at FROM qa_pings r WHERE r.member_id = old.member_id ORDER BY at DESC LIMIT 16))
    WHERE member_id = old.member_id;
END;
CREATE TRIGGER qa_profile_answer_ai AFTER INSERT ON qa_answers
  WHEN EXISTS (SELECT 1 FROM qa_pings p WHERE p.question_id = new.question_id AND p.member_id = new.author_id)
   AND NOT EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = new.question_id
     AND +a.author_id = new.author_id AND a.message_id <> new.message_id) BEGIN
  UPDATE qa_expert_profiles SET answered_pings = answered_pings + 1 WHERE member_id = new.author_id;
END;
CREATE TRIGGER qa_profile_answer_ad AFTER DELETE ON qa_answers
  WHEN EXISTS (SELECT 1 FROM qa_pings p WHERE p.question_id = old.question_id AND p.member_id = old.author_id)
   AND NOT EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = old.question_id AND +a.author_id = old.author_id) BEGIN
  UPDATE qa_expert_profiles SET answered_pings = answered_pings - 1 WHERE member_id = old.author_id;
END;

-- Search (knowledge base): document frequency of every indexed word and the size of the
-- corpus, so the code expands and weighs a searched word without counting in the index at
-- query time (knowledge.ts). Kept current by the code that adds entries.
CREATE TABLE qa_knowledge_vocabulary (
  term TEXT PRIMARY KEY,
  docs INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE qa_knowledge_corpus (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  docs INTEGER NOT NULL,
  tokens INTEGER NOT NULL
);
CREATE VIRTUAL TABLE temp.qa_knowledge_rows USING fts5vocab(main, qa_knowledge_words, row);
INSERT INTO qa_knowledge_vocabulary (term, docs) SELECT term, doc FROM temp.qa_knowledge_rows;
INSERT INTO qa_knowledge_corpus (id, docs, tokens)
  SELECT 1, (SELECT count(*) FROM qa_knowledge), coalesce((SELECT sum(cnt) FROM temp.qa_knowledge_rows), 0);
DROP TABLE temp.qa_knowledge_rows;

-- ✅ and edits look up an answer by its message id (was a scan of every answer).
CREATE INDEX qa_answers_message ON qa_answers (message_id);

-- Old ledger entries are deleted after COPBOT_RETAIN_LEDGER_DAYS, oldest first, in batches.
CREATE INDEX occurrence_ledger_done ON occurrence_ledger (done_at);
