-- Members: one row per person per platform (ids are platform-qualified).
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  organisation TEXT,
  bio TEXT,
  lang TEXT CHECK (lang IN ('de', 'en')),
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'admin')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Every moderator action: who did what to what, when.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  details TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Inbound event ids already handled (Slack retries, Matrix replays).
CREATE TABLE processed_events (
  event_id TEXT PRIMARY KEY,
  at INTEGER NOT NULL
);
CREATE INDEX processed_events_at ON processed_events (at);

-- Durable jobs: reminders, escalations, deadlines. `key` makes scheduling idempotent.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  run_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX jobs_due ON jobs (state, run_at);

-- Persisted send queue. Every outgoing message passes here, so nothing is lost on a crash
-- or a rate limit, and fan-out resumes without duplicates.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('post', 'update', 'pin')),
  key TEXT UNIQUE,
  -- post: thread parent (the message posted under this key); update/pin: the message to change.
  ref_key TEXT,
  target TEXT,
  message TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  posted_channel TEXT,
  posted_message TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox (state, platform, id);
CREATE INDEX outbox_posted ON outbox (posted_channel, posted_message);

-- One active DM dialog per user (step-by-step forms, check-in answers).
CREATE TABLE dialogs (
  user_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Small key/value settings of the bot itself.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
