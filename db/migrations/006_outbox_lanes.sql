-- The outbox learns lanes, priorities, expiry and in-flight state (see src/core/outbox.ts).
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
--
-- lane            one conversation (a channel, or everything private to one person): order is
--                 kept inside a lane, and a rate limit or a slow call holds only its lane
-- class           the kind of call (post, ephemeral, update, pin), for limits per method
-- priority        0 everything people wait for (answers, posts), 1 bulk fan-out (prompts to many)
-- delivery_id     stable per item and unique across databases: the Matrix transaction id and
--                 the Slack message metadata that let a retry find an earlier attempt
-- state sending   a call is in flight; found at start-up it means "in doubt"
-- in_doubt        an earlier attempt may have arrived: the port looks before posting again
-- expires_at      when the message no longer makes sense; after that it is dropped, and the
--                 moderators hear of it when notify_expiry is set
CREATE TABLE outbox_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('post', 'update', 'pin')),
  key TEXT UNIQUE,
  ref_key TEXT,
  target TEXT,
  message TEXT NOT NULL,
  lane TEXT NOT NULL,
  class TEXT NOT NULL CHECK (class IN ('post', 'ephemeral', 'update', 'pin')),
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

-- Rows of the old single queue keep their order in one lane per platform; nothing pending is lost.
INSERT INTO outbox_v2 (id, platform, op, key, ref_key, target, message, lane, class, priority, delivery_id,
  state, attempts, next_attempt_at, expires_at, last_error, posted_channel, posted_message, created_at,
  finished_at)
SELECT id, platform, op, key, ref_key, target, message, platform || '|legacy',
  CASE
    WHEN op <> 'post' THEN op
    WHEN json_extract(target, '$.kind') = 'ephemeral' THEN 'ephemeral'
    ELSE 'post'
  END,
  0, lower(hex(randomblob(16))),
  state, attempts, next_attempt_at, created_at + 86400000, last_error, posted_channel, posted_message,
  created_at, CASE WHEN state = 'pending' THEN NULL ELSE coalesce(sent_at, created_at) END
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;

-- Lane heads of what is still open, in lane order (a partial index: only open rows).
CREATE INDEX outbox_open ON outbox (lane, id, priority) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_expiry ON outbox (expires_at) WHERE state = 'pending';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state IN ('sent', 'failed', 'expired', 'dropped');
CREATE INDEX outbox_posted ON outbox (posted_channel, posted_message);
CREATE INDEX outbox_ref ON outbox (ref_key) WHERE ref_key IS NOT NULL;
