-- Expert ranking's reads and writes made cheaper (issue #12).

-- A ping updates its expert's profile once: the counts, the last ping and the newest ping
-- times in one upsert (it was an upsert and then an update, so every ping wrote the profile
-- row twice and left two rows in the change log of migration 014).
DROP TRIGGER qa_profile_ping_ai;
CREATE TRIGGER qa_profile_ping_ai AFTER INSERT ON qa_pings BEGIN
  INSERT INTO qa_expert_profiles (member_id, pings, answered_pings, last_pinged_at, recent_pings)
    VALUES (new.member_id, new.question_id IS NOT NULL,
      EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = new.question_id AND +a.author_id = new.member_id),
      new.at,
      (SELECT group_concat(at, ',' ORDER BY at DESC) FROM (
        SELECT at FROM qa_pings r WHERE r.member_id = new.member_id ORDER BY at DESC LIMIT 16)))
    ON CONFLICT (member_id) DO UPDATE SET pings = pings + excluded.pings,
      answered_pings = answered_pings + excluded.answered_pings,
      last_pinged_at = max(coalesce(last_pinged_at, excluded.last_pinged_at), excluded.last_pinged_at),
      recent_pings = excluded.recent_pings;
END;

-- The expert index keeps the experts' topics with their labels and which aliases stand for
-- which topic (expert-index.ts, `topicsNamed`, `expertsOfTopics`); a change to any of them
-- leaves a '#topics' row in the change log (search keys start with `p:` or `=`, so none is
-- mistaken for one).
CREATE TRIGGER qa_expert_changes_topics_ai AFTER INSERT ON qa_expert_topics BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES (new.member_id, '#topics');
END;
CREATE TRIGGER qa_expert_changes_topics_au AFTER UPDATE OF member_id, topic, label ON qa_expert_topics BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES (new.member_id, '#topics');
END;
CREATE TRIGGER qa_expert_changes_topics_ad AFTER DELETE ON qa_expert_topics BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES (old.member_id, '#topics');
END;
CREATE TRIGGER qa_expert_changes_aliases_ai AFTER INSERT ON qa_topic_aliases BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES ('', '#topics');
END;
CREATE TRIGGER qa_expert_changes_aliases_au AFTER UPDATE OF alias, topic ON qa_topic_aliases BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES ('', '#topics');
END;
CREATE TRIGGER qa_expert_changes_aliases_ad AFTER DELETE ON qa_topic_aliases BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES ('', '#topics');
END;
CREATE TRIGGER qa_expert_changes_labels_ai AFTER INSERT ON qa_topic_labels BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES ('', '#topics');
END;
CREATE TRIGGER qa_expert_changes_labels_au AFTER UPDATE ON qa_topic_labels BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES ('', '#topics');
END;
CREATE TRIGGER qa_expert_changes_labels_ad AFTER DELETE ON qa_topic_labels BEGIN
  INSERT INTO qa_expert_changes (member_id, key) VALUES ('', '#topics');
END;
