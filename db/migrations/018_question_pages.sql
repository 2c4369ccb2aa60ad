-- Fewer pages written per question (issue #12): each commit writes every page it touched to
-- the WAL, and two b-trees took a page more per question than they need:
--
-- processed_events   WITHOUT ROWID, keyed by the event id: as a rowid table it also kept the
--                    id's unique index, a third page written for every inbound event
-- qa_questions_open  holds the open questions only (a partial index): it held every question
--                    under its status, so a new question's entry went in among the oldest solved
--                    ones (a full page split: two pages written) and solving moved it. Every
--                    query it serves asks for status = 'open' (test/db/question-pages.test.ts)
CREATE TABLE processed_events_v2 (
  event_id TEXT PRIMARY KEY,
  at INTEGER NOT NULL
) WITHOUT ROWID;
-- (A rowid table's TEXT PRIMARY KEY let a NULL in; copbot never wrote one, and none is kept.)
INSERT INTO processed_events_v2 (event_id, at)
  SELECT event_id, at FROM processed_events WHERE event_id IS NOT NULL;
DROP TABLE processed_events;
ALTER TABLE processed_events_v2 RENAME TO processed_events;
CREATE INDEX processed_events_at ON processed_events (at);

DROP INDEX qa_questions_open;
CREATE INDEX qa_questions_open ON qa_questions (asked_at) WHERE status = 'open';
