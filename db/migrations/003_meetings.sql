-- Recurring meetings. `schedule` is JSON (rule + IANA zone + holiday rule), always computed
-- in that zone; `remind` is a JSON list of lead times in minutes.
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  schedule TEXT NOT NULL,
  duration_min INTEGER NOT NULL,
  remind TEXT NOT NULL,
  link TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'deleted')),
  -- Bumped on every change; pending jobs of older revisions are ignored.
  revision INTEGER NOT NULL DEFAULT 1
);

-- Single dates a moderator cancelled (`meeting skip`), as local dates of the series' zone.
CREATE TABLE meeting_skips (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  local_date TEXT NOT NULL,
  PRIMARY KEY (meeting_id, local_date)
);

-- The ledger: one row per occurrence step (a reminder lead time, a check-in prompt …),
-- keyed `<series>:<local date-time>:<step>`. Written in the same transaction as the outbox
-- message, so a restart can neither repeat nor lose a step.
CREATE TABLE occurrence_ledger (
  key TEXT PRIMARY KEY,
  series TEXT NOT NULL,
  local_at TEXT NOT NULL,
  step TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'late', 'missed')),
  due_at INTEGER NOT NULL,
  done_at INTEGER NOT NULL,
  details TEXT
);
CREATE INDEX occurrence_ledger_series ON occurrence_ledger (series, local_at);

-- One answer per member and occurrence; answering again moves the vote.
CREATE TABLE meeting_rsvps (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  local_at TEXT NOT NULL,
  member_id TEXT NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
  at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, local_at, member_id)
);

-- Async check-ins: prompts by DM, answers until a deadline, one summary in the channel.
CREATE TABLE checkins (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  schedule TEXT NOT NULL,
  questions TEXT NOT NULL,
  deadline_min INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  owner_kind TEXT,
  owner_id INTEGER,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'deleted')),
  -- Bumped on every change; pending jobs of older revisions are ignored.
  revision INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE checkin_participants (
  checkin_id INTEGER NOT NULL REFERENCES checkins (id),
  member_id TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (checkin_id, member_id)
);

CREATE TABLE checkin_answers (
  id INTEGER PRIMARY KEY,
  checkin_id INTEGER NOT NULL REFERENCES checkins (id),
  local_at TEXT NOT NULL,
  member_id TEXT NOT NULL,
  question_index INTEGER NOT NULL,
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  UNIQUE (checkin_id, local_at, member_id, question_index)
);
