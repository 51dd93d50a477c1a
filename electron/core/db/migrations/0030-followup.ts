/**
 * Follow-up until a result, the queue's full life, representatives of units and agencies,
 * the waiting-room display, and the outbox of short messages.
 */
export default /* sql */ `
-- Users: two representative roles tied to a unit or an agency, and the waiting-room display.
CREATE TABLE users_new (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'official', 'followup', 'unit', 'agency', 'display')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  unit_id TEXT REFERENCES units(id),
  agency_id TEXT REFERENCES agencies(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (role <> 'unit' OR unit_id IS NOT NULL),
  CHECK (role <> 'agency' OR agency_id IS NOT NULL)
) STRICT;
INSERT INTO users_new (id, username, display_name, role, password_hash, active, created_at, updated_at)
  SELECT id, username, display_name, role, password_hash, active, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- The queue's full life: where a visit stands in the order (a skipped visit goes to the end),
-- how often it was called, and when it left the queue.
ALTER TABLE visits ADD COLUMN sort_key INTEGER;
UPDATE visits SET sort_key = ticket;
ALTER TABLE visits ADD COLUMN call_count INTEGER NOT NULL DEFAULT 0;
UPDATE visits SET call_count = 1 WHERE called_at IS NOT NULL;
ALTER TABLE visits ADD COLUMN skipped_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN left_at TEXT;
ALTER TABLE visits ADD COLUMN left_reason TEXT NOT NULL DEFAULT '';
-- The wait ends at the first call; recalls and transfers move called_at, not this.
ALTER TABLE visits ADD COLUMN first_called_at TEXT;
UPDATE visits SET first_called_at = called_at;

-- Every call "next" of a meeting in order (a visitor skipped and called again has two), which
-- the priority rule reads: how many priority calls were made in a row.
CREATE TABLE calls (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  seq INTEGER NOT NULL,
  visit_id TEXT NOT NULL REFERENCES visits(id),
  priority INTEGER NOT NULL CHECK (priority IN (0, 1)),
  at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
) STRICT;
INSERT INTO calls (meeting_id, seq, visit_id, priority, at)
  SELECT meeting_id, call_seq, id, priority <> 'none', called_at FROM visits WHERE call_seq IS NOT NULL;
CREATE INDEX visits_waiting_order ON visits(meeting_id, status, sort_key);

-- Reasons a referral could not be done, a configurable list like the others.
CREATE TABLE outcome_reasons (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

-- The result of an instruction once it is followed up to the end.
ALTER TABLE instructions ADD COLUMN outcome TEXT CHECK (outcome IN ('done', 'partly_done', 'not_possible'));
ALTER TABLE instructions ADD COLUMN outcome_reason_id TEXT REFERENCES outcome_reasons(id);
ALTER TABLE instructions ADD COLUMN outcome_note TEXT NOT NULL DEFAULT '';
ALTER TABLE instructions ADD COLUMN delivered_rials INTEGER CHECK (delivered_rials IS NULL OR delivered_rials >= 0);
ALTER TABLE instructions ADD COLUMN delivered_funder TEXT CHECK (delivered_funder IN ('welfare', 'agency', 'charity', 'client', 'none'));
ALTER TABLE instructions ADD COLUMN closed_at TEXT;
ALTER TABLE instructions ADD COLUMN closed_by TEXT REFERENCES users(id);
ALTER TABLE instructions ADD COLUMN last_step_at TEXT;
UPDATE instructions SET closed_at = issued_at, closed_by = issued_by WHERE status = 'closed';
UPDATE instructions SET last_step_at = issued_at;
CREATE INDEX instructions_unit ON instructions(unit_id, status);
CREATE INDEX instructions_agency ON instructions(agency_id, status);
CREATE INDEX instructions_stale ON instructions(status, last_step_at);

-- Each step taken on an instruction until its result.
CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  instruction_id TEXT NOT NULL REFERENCES instructions(id),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'letter', 'visit', 'note', 'result', 'reopen')),
  text TEXT NOT NULL DEFAULT '',
  by_user TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_instruction ON follow_ups(instruction_id, at);

-- Short messages to clients, sent through a gateway when one is configured.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  instruction_id TEXT REFERENCES instructions(id),
  kind TEXT NOT NULL CHECK (kind IN ('issued', 'closed')),
  mobile TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'no_gateway', 'no_mobile')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
CREATE INDEX outbox_status ON outbox(status, created_at);
`;
