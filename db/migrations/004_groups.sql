-- Working groups: proposals, members, milestones, time log, detection offers, invitation opt-ins.

CREATE TABLE work_groups (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  title            TEXT NOT NULL,
  problem          TEXT NOT NULL,
  deliverable      TEXT NOT NULL,
  due_date         TEXT NOT NULL,                 -- ISO date in the community's zone
  min_size         INTEGER NOT NULL CHECK (min_size BETWEEN 3 AND 7),
  max_size         INTEGER NOT NULL CHECK (max_size BETWEEN 3 AND 7 AND max_size >= min_size),
  topics           TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
  facilitator_id   TEXT NOT NULL,
  proposer_id      TEXT NOT NULL,
  channel_id       TEXT NOT NULL,                 -- the community channel of the call
  space_id         TEXT,                          -- the private channel / room once formed
  state            TEXT NOT NULL CHECK (state IN ('proposed', 'forming', 'running', 'expired', 'closed')),
  signup_deadline  INTEGER NOT NULL,              -- ms since epoch, like every instant here
  status_text      TEXT,
  status_at        INTEGER,
  checkin_id       INTEGER,
  result_url       TEXT,
  summary          TEXT,
  created_at       INTEGER NOT NULL,
  started_at       INTEGER,
  closed_at        INTEGER
);
CREATE INDEX work_groups_state ON work_groups (state);
CREATE INDEX work_groups_space ON work_groups (space_id);

CREATE TABLE work_group_members (
  group_id   INTEGER NOT NULL REFERENCES work_groups (id),
  member_id  TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('facilitator', 'member')),
  state      TEXT NOT NULL CHECK (state IN ('joined', 'waiting', 'left')),
  since      INTEGER NOT NULL,                       -- when the current state began (orders the waiting list)
  joined_at  INTEGER,                                -- first time the member joined
  PRIMARY KEY (group_id, member_id)
);

CREATE TABLE work_group_milestones (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id  INTEGER NOT NULL REFERENCES work_groups (id),
  title     TEXT NOT NULL,
  due_date  TEXT NOT NULL,
  done_at   INTEGER,
  done_by   TEXT
);

CREATE TABLE work_group_time (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id   INTEGER NOT NULL REFERENCES work_groups (id),
  member_id  TEXT NOT NULL,
  minutes    INTEGER NOT NULL CHECK (minutes > 0),
  note       TEXT,
  at         INTEGER NOT NULL
);
CREATE INDEX work_group_time_member ON work_group_time (group_id, member_id);

CREATE TABLE work_group_extensions (
  group_id  INTEGER NOT NULL REFERENCES work_groups (id),
  old_due   TEXT NOT NULL,
  new_due   TEXT NOT NULL,
  reason    TEXT NOT NULL,
  by        TEXT NOT NULL,
  at        INTEGER NOT NULL
);

-- A detected proposal in a thread: offered once, never again in the same thread.
CREATE TABLE work_group_offers (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id  TEXT NOT NULL,
  thread_id   TEXT NOT NULL,
  author_id   TEXT NOT NULL,
  text        TEXT NOT NULL,
  at          INTEGER NOT NULL,
  UNIQUE (channel_id, thread_id)
);

-- Members who want DMs about new groups on their topics (opt-in).
CREATE TABLE work_group_invite_optins (
  member_id   TEXT PRIMARY KEY,
  opted_in    INTEGER NOT NULL CHECK (opted_in IN (0, 1)),
  updated_at  INTEGER NOT NULL
);
