-- Introductions across organisations: who takes part (and with which topics), when rounds
-- happen, the matches of each round and what each person answered a week later.

CREATE TABLE intro_participants (
  member_id    TEXT PRIMARY KEY,
  topics       TEXT NOT NULL DEFAULT '[]',   -- JSON array of topics as typed
  state        TEXT NOT NULL CHECK (state IN ('active', 'left')),
  paused_until INTEGER,                      -- ms since epoch; skipped in rounds before it
  joined_at    INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- The one schedule of rounds: every N weeks on a weekday, anchored at start_date.
CREATE TABLE intro_settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  every_weeks INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 12),
  weekday     TEXT NOT NULL,
  time        TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  -- Bumped on every change; pending jobs of older revisions are ignored.
  revision    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE intro_rounds (
  id        INTEGER PRIMARY KEY,
  local_at  TEXT NOT NULL UNIQUE,             -- the occurrence key in the community's zone
  at        INTEGER NOT NULL,
  available INTEGER NOT NULL                  -- how many people could be matched
);

CREATE TABLE intro_matches (
  id         INTEGER PRIMARY KEY,
  round_id   INTEGER NOT NULL REFERENCES intro_rounds (id),
  topics     TEXT NOT NULL,                   -- JSON array: the shared topics that made the match
  channel_id TEXT,                            -- the group conversation, once opened
  created_at INTEGER NOT NULL
);

CREATE TABLE intro_match_members (
  match_id    INTEGER NOT NULL REFERENCES intro_matches (id),
  member_id   TEXT NOT NULL,
  answer      TEXT CHECK (answer IN ('met', 'not_yet')),
  answered_at INTEGER,
  PRIMARY KEY (match_id, member_id)
);
CREATE INDEX intro_match_members_member ON intro_match_members (member_id);
