-- Expert index (issue #12): ranking scores every matching expert exactly from an in-memory
-- copy of the profiles and of the per-key aggregates (src/qa/expert-index.ts). The copy learns
-- what changed from this log, which triggers fill on every write to what it holds, so no
-- writer (code, cascade, another process, a rolled-back transaction) can be missed.

-- One row per changed profile (`key` NULL) or per changed aggregate of one key. AUTOINCREMENT:
-- a sequence number is never handed out twice, even after the log was emptied.
CREATE TABLE qa_expert_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id TEXT NOT NULL,
  key TEXT
);
-- The log is pruned up to this sequence number: a copy that has read less starts afresh.
CREATE TABLE qa_expert_change_floor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL
);
INSERT INTO qa_expert_change_floor (id, seq) VALUES (1, 0);

-- What only the bounded reading of migration 010 needed goes: the rows' weights and the order
-- by them, key statistics (the index sums a key's sources itself) and the order by history.
-- The aggregates are stored by key, so the index loads one key's experts as one range.
DROP INDEX qa_expert_profiles_history;
ALTER TABLE qa_expert_profiles DROP COLUMN history;
DROP TABLE qa_expert_keys;
CREATE TABLE qa_expert_terms_by_key (
  key TEXT NOT NULL,
  member_id TEXT NOT NULL,
  docs INTEGER NOT NULL,
  shape TEXT NOT NULL,
  PRIMARY KEY (key, member_id)
) WITHOUT ROWID;
INSERT INTO qa_expert_terms_by_key (key, member_id, docs, shape)
  SELECT key, member_id, docs, shape FROM qa_expert_terms ORDER BY key, member_id;
DROP TABLE qa_expert_terms;
ALTER TABLE qa_expert_terms_by_key RENAME TO qa_expert_terms;
-- A member's rows, for taking a source out and for forgetting them.
CREATE INDEX qa_expert_terms_member ON qa_expert_terms (member_id);

CREATE TRIGGER qa_expert_changes_profile_ai AFTER INSERT ON qa_expert_profiles BEGIN
  INSERT INTO qa_expert_changes (member_id) VALUES (new.member_id);
END;
CREATE TRIGGER qa_expert_changes_profile_au AFTER UPDATE ON qa_expert_profiles BEGIN
  INSERT INTO qa_expert_changes (member_id) VALUES (new.member_id);
END;
CREATE TRIGGER qa_expert_changes_profile_ad AFTER DELETE ON qa_expert_profiles BEGIN
  INSERT INTO qa_expert_changes (member_id) VALUES (old.member_id);
END;
-- A member's own time zone decides their quiet hours.
CREATE TRIGGER qa_expert_changes_zone_au AFTER UPDATE OF time_zone ON members
  WHEN old.time_zone IS NOT new.time_zone BEGIN
  INSERT INTO qa_expert_changes (member_id) VALUES (new.id);
END;
CREATE TRIGGER qa_expert_changes_terms_ai AFTER INSERT ON qa_expert_terms BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES (new.member_id, new.key);
END;
CREATE TRIGGER qa_expert_changes_terms_au AFTER UPDATE ON qa_expert_terms BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES (new.member_id, new.key);
END;
CREATE TRIGGER qa_expert_changes_terms_ad AFTER DELETE ON qa_expert_terms BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES (old.member_id, old.key);
END;
