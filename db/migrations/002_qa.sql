-- Q&A: channels where questions are tracked, experts and their topics, questions, answers,
-- expert pings (for caps, load and response rate) and the searchable knowledge base.
-- Times are epoch milliseconds, like the core tables.

CREATE TABLE qa_channels (
  channel_id TEXT PRIMARY KEY,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL
);

-- Moderator-defined aliases: the normalized alias points to a normalized topic key; `label`
-- is the alias as the moderator typed it, which is what people see.
CREATE TABLE qa_topic_aliases (
  alias TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  topic TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- `topic` is the normalized key, `label` the spelling shown to people.
CREATE TABLE qa_expert_topics (
  member_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  label TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (member_id, topic)
);
CREATE INDEX qa_expert_topics_topic ON qa_expert_topics (topic);

-- How much an expert wants to be asked. Missing row = defaults.
CREATE TABLE qa_expert_settings (
  member_id TEXT PRIMARY KEY,
  away_until INTEGER,
  weekly_cap INTEGER NOT NULL DEFAULT 3 CHECK (weekly_cap >= 0),
  quiet_start TEXT,
  quiet_end TEXT,
  opted_out INTEGER NOT NULL DEFAULT 0 CHECK (opted_out IN (0, 1))
);

-- AUTOINCREMENT: ids of deleted questions are never reused, because outbox and job keys
-- (`qa.route:<id>`, `qa.escalate:<id>:1`) must stay unique forever.
CREATE TABLE qa_questions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  asker_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  -- The question message; NULL until copbot's own post (asked on behalf) is delivered.
  message_id TEXT,
  -- Outbox key of copbot's post when copbot posted the question on someone's behalf.
  post_key TEXT UNIQUE,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'solved')),
  asked_at INTEGER NOT NULL,
  first_answer_at INTEGER,
  solved_at INTEGER,
  solved_by TEXT,
  accepted_message_id TEXT,
  accepted_author_id TEXT,
  accepted_text TEXT,
  escalation_stage INTEGER NOT NULL DEFAULT 0,
  nudged INTEGER NOT NULL DEFAULT 0 CHECK (nudged IN (0, 1))
);
CREATE UNIQUE INDEX qa_questions_message ON qa_questions (channel_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX qa_questions_open ON qa_questions (status, asked_at);

-- Replies in a question's thread by people other than the asker.
CREATE TABLE qa_answers (
  question_id INTEGER NOT NULL REFERENCES qa_questions (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (question_id, message_id)
);
CREATE INDEX qa_answers_author ON qa_answers (author_id);

-- Every time copbot tagged an expert (questions) or suggested one (group invites).
CREATE TABLE qa_pings (
  id INTEGER PRIMARY KEY,
  member_id TEXT NOT NULL,
  question_id INTEGER REFERENCES qa_questions (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('question', 'group-invite')),
  at INTEGER NOT NULL
);
CREATE UNIQUE INDEX qa_pings_once ON qa_pings (question_id, member_id) WHERE question_id IS NOT NULL;
CREATE INDEX qa_pings_member ON qa_pings (member_id, at);

-- What each expert is known for: one row per topic and per question they answered.
-- unicode61 ranks whole words with BM25; prefix queries catch inflections. Texts are stored
-- umlaut-folded (ae/oe/ue/ss) by the code, like the queries.
CREATE VIRTUAL TABLE qa_expert_docs USING fts5 (
  member_id UNINDEXED,
  source UNINDEXED,
  text,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Solved questions (and closed groups) with their answer.
CREATE TABLE qa_knowledge (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'group')),
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT,
  channel_id TEXT,
  message_id TEXT,
  at INTEGER NOT NULL,
  UNIQUE (kind, source_id)
);

-- Two indexes over the same rows: words (BM25, prefix queries) and trigrams, so a part of a
-- German compound ("Dokumentenmanagement" in "Dokumentenmanagementsystem") is found too.
-- The triggers index ä/ö/ü/ß spelled out (ae/oe/ue/ss), as queries are (src/qa/text.ts), so
-- "Loesungsangebot" finds "Lösungsangebot" and the other way round. Spelling out never adds
-- a word boundary, so word positions (and snippets) still fit the stored text.
CREATE VIRTUAL TABLE qa_knowledge_words USING fts5 (
  title, body, content = 'qa_knowledge', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE qa_knowledge_trigrams USING fts5 (
  title, body, content = 'qa_knowledge', content_rowid = 'id', tokenize = 'trigram remove_diacritics 1'
);

CREATE TRIGGER qa_knowledge_ai AFTER INSERT ON qa_knowledge BEGIN
  INSERT INTO qa_knowledge_words (rowid, title, body) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
  INSERT INTO qa_knowledge_trigrams (rowid, title, body) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
END;
CREATE TRIGGER qa_knowledge_ad AFTER DELETE ON qa_knowledge BEGIN
  INSERT INTO qa_knowledge_words (qa_knowledge_words, rowid, title, body) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
  INSERT INTO qa_knowledge_trigrams (qa_knowledge_trigrams, rowid, title, body) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
END;
CREATE TRIGGER qa_knowledge_au AFTER UPDATE ON qa_knowledge BEGIN
  INSERT INTO qa_knowledge_words (qa_knowledge_words, rowid, title, body) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
  INSERT INTO qa_knowledge_trigrams (qa_knowledge_trigrams, rowid, title, body) VALUES ('delete', old.id, replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
  INSERT INTO qa_knowledge_words (rowid, title, body) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
  INSERT INTO qa_knowledge_trigrams (rowid, title, body) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ẞ', 'SS'));
END;
