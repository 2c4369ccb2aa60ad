-- Q&A as people use it (issue #19): several accepted answers, followers of a question, and a
-- time zone per member.

-- Accepted answers beyond the first (the first stays in qa_questions.accepted_*, which the
-- profile triggers of 007 count). Each one credits its author like the first.
CREATE TABLE qa_more_accepted (
  question_id INTEGER NOT NULL REFERENCES qa_questions (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (question_id, message_id)
);
CREATE TRIGGER qa_profile_more_accepted_ai AFTER INSERT ON qa_more_accepted BEGIN
  INSERT INTO qa_expert_profiles (member_id, accepted) VALUES (new.author_id, 1)
    ON CONFLICT (member_id) DO UPDATE SET accepted = accepted + 1;
END;
CREATE TRIGGER qa_profile_more_accepted_ad AFTER DELETE ON qa_more_accepted BEGIN
  UPDATE qa_expert_profiles SET accepted = accepted - 1 WHERE member_id = old.author_id;
END;

-- Members who have the same problem and want to hear when it is solved ("Mich auch", 👀).
CREATE TABLE qa_followers (
  question_id INTEGER NOT NULL REFERENCES qa_questions (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (question_id, member_id)
) WITHOUT ROWID;

-- Where a member lives (IANA zone) for their quiet hours; NULL: the community's zone.
ALTER TABLE members ADD COLUMN time_zone TEXT;
