-- The weekly digest: where and when it is posted (channel NULL: off), and the span each
-- posted digest covered, so the next one starts where the last one ended.

CREATE TABLE digest_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  channel_id TEXT,
  weekday    TEXT NOT NULL,
  time       TEXT NOT NULL,
  start_date TEXT NOT NULL,
  -- Bumped on every change; pending jobs of older revisions are ignored.
  revision   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE digest_runs (
  local_at    TEXT PRIMARY KEY,              -- the occurrence key in the community's zone
  window_from INTEGER NOT NULL,
  window_to   INTEGER NOT NULL,
  posted      INTEGER NOT NULL CHECK (posted IN (0, 1))   -- 0: nothing to say, nothing posted
);
