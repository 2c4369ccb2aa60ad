-- Fewer pages written per message (issue #12): every message copbot sends is queued, marked in
-- flight and marked sent, each a commit that writes the pages it touched to the WAL. Three of
-- those pages served no query:
--
-- id              no longer AUTOINCREMENT: each insert also wrote sqlite_sequence. An id may be
--                 taken again once every newer item is gone (pruned, or at once when a privacy
--                 erasure deletes a member's open and failed items), as one rolled back always
--                 could: an item is told apart by its delivery_id (the dispatcher's memory,
--                 src/core/outbox-known.ts; /cop status's retry and drop buttons, FailedRef)
-- key             unique among the items that have one (a partial index): the column's UNIQUE
--                 constraint also indexed every unkeyed item under NULL
-- outbox_posted   holds the posted keyed items only, the only ones `keyOf` looks up: it held
--                 every item, unposted ones under NULL, and marking one sent moved its entry
-- SQLite cannot drop a column constraint in place, so the table is rebuilt as it is otherwise.
CREATE TABLE outbox_v4 (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('post', 'update', 'pin', 'react', 'unreact')),
  key TEXT,
  ref_key TEXT,
  target TEXT,
  message TEXT NOT NULL,
  lane TEXT NOT NULL,
  class TEXT NOT NULL CHECK (class IN ('post', 'ephemeral', 'update', 'pin', 'react')),
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  delivery_id TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'expired', 'dropped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  in_doubt INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1)),
  next_attempt_at INTEGER NOT NULL,
  first_attempt_at INTEGER,
  expires_at INTEGER NOT NULL,
  notify_expiry INTEGER NOT NULL DEFAULT 1 CHECK (notify_expiry IN (0, 1)),
  last_error TEXT,
  posted_channel TEXT,
  posted_message TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);

INSERT INTO outbox_v4 SELECT id, platform, op, key, ref_key, target, message, lane, class, priority,
  delivery_id, state, attempts, in_doubt, next_attempt_at, first_attempt_at, expires_at, notify_expiry,
  last_error, posted_channel, posted_message, created_at, finished_at
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;

CREATE UNIQUE INDEX outbox_key ON outbox (key) WHERE key IS NOT NULL;
CREATE INDEX outbox_open ON outbox (lane, id, priority) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_expiry ON outbox (expires_at) WHERE state = 'pending';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state IN ('sent', 'failed', 'expired', 'dropped');
CREATE INDEX outbox_posted ON outbox (posted_channel, posted_message)
  WHERE key IS NOT NULL AND posted_message IS NOT NULL;
CREATE INDEX outbox_ref ON outbox (ref_key) WHERE ref_key IS NOT NULL;
