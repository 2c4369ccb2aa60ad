-- The outbox learns reactions (issue #19.11): copbot marks a solved question and its own reply
-- with ✅ and takes the marks back when the question reopens, through the queue like every post.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt as it is.
--
-- op react        adds a reaction to the message under ref_key (or the one named by target,
--                 {channelId, messageId}); message holds {"emoji": name}; posted_* keep the
--                 reaction's own event where the platform has one (Matrix), to redact it later
-- op unreact      takes back the reaction of the react item under ref_key
CREATE TABLE outbox_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('post', 'update', 'pin', 'react', 'unreact')),
  key TEXT UNIQUE,
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

INSERT INTO outbox_v3 SELECT id, platform, op, key, ref_key, target, message, lane, class, priority,
  delivery_id, state, attempts, in_doubt, next_attempt_at, first_attempt_at, expires_at, notify_expiry,
  last_error, posted_channel, posted_message, created_at, finished_at
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;

CREATE INDEX outbox_open ON outbox (lane, id, priority) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_expiry ON outbox (expires_at) WHERE state = 'pending';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state IN ('sent', 'failed', 'expired', 'dropped');
CREATE INDEX outbox_posted ON outbox (posted_channel, posted_message);
CREATE INDEX outbox_ref ON outbox (ref_key) WHERE ref_key IS NOT NULL;
