-- table agencies
CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
, room TEXT NOT NULL DEFAULT '') STRICT;

-- index audit_entity
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- table audit_log
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before TEXT,
  after TEXT
) STRICT;

-- table calls
CREATE TABLE calls (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  seq INTEGER NOT NULL,
  visit_id TEXT NOT NULL REFERENCES visits(id),
  priority INTEGER NOT NULL CHECK (priority IN (0, 1)),
  at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
) STRICT;

-- table categories
CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

-- table clients
CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  national_id TEXT NOT NULL UNIQUE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  father_name TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  mobile TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  county_id TEXT REFERENCES counties(id),
  file_number TEXT NOT NULL DEFAULT '',
  circumstances TEXT NOT NULL DEFAULT '[]',
  search_text TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- table clients_fts
CREATE VIRTUAL TABLE clients_fts USING fts5(
  search_text,
  content = 'clients',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- table clients_fts_config
CREATE TABLE 'clients_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table clients_fts_data
CREATE TABLE 'clients_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- trigger clients_fts_delete
CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
  INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;

-- table clients_fts_docsize
CREATE TABLE 'clients_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table clients_fts_idx
CREATE TABLE 'clients_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- trigger clients_fts_insert
CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
  INSERT INTO clients_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- trigger clients_fts_update
CREATE TRIGGER clients_fts_update AFTER UPDATE OF search_text ON clients BEGIN
  INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO clients_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

-- table counties
CREATE TABLE counties (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

-- table follow_ups
CREATE TABLE follow_ups (
  id TEXT PRIMARY KEY,
  instruction_id TEXT NOT NULL REFERENCES instructions(id),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'letter', 'visit', 'note', 'result', 'reopen')),
  text TEXT NOT NULL DEFAULT '',
  by_user TEXT NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- index follow_ups_instruction
CREATE INDEX follow_ups_instruction ON follow_ups(instruction_id, at);

-- table instructions
CREATE TABLE instructions (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests(id),
  visit_id TEXT NOT NULL REFERENCES visits(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  tracking_code TEXT NOT NULL UNIQUE CHECK (length(tracking_code) = 9),
  kind TEXT NOT NULL CHECK (kind IN ('answered', 'unit', 'agency', 'not_possible', 'review')),
  text TEXT NOT NULL,
  answer TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  unit_id TEXT REFERENCES units(id),
  agency_id TEXT REFERENCES agencies(id),
  due_date TEXT,
  amount_rials INTEGER CHECK (amount_rials IS NULL OR amount_rials >= 0),
  funder TEXT CHECK (funder IN ('welfare', 'agency', 'charity', 'client', 'none')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
  version INTEGER NOT NULL DEFAULT 1,
  issued_by TEXT NOT NULL REFERENCES users(id),
  issued_at TEXT NOT NULL,
  amended_by TEXT REFERENCES users(id),
  amended_at TEXT,
  amend_reason TEXT NOT NULL DEFAULT '',
  cancelled_by TEXT REFERENCES users(id),
  cancelled_at TEXT,
  cancel_reason TEXT NOT NULL DEFAULT '', outcome TEXT CHECK (outcome IN ('done', 'partly_done', 'not_possible')), outcome_reason_id TEXT REFERENCES outcome_reasons(id), outcome_note TEXT NOT NULL DEFAULT '', delivered_rials INTEGER CHECK (delivered_rials IS NULL OR delivered_rials >= 0), delivered_funder TEXT CHECK (delivered_funder IN ('welfare', 'agency', 'charity', 'client', 'none')), closed_at TEXT, closed_by TEXT REFERENCES users(id), last_step_at TEXT,
  CHECK (kind <> 'unit' OR unit_id IS NOT NULL),
  CHECK (kind <> 'agency' OR agency_id IS NOT NULL)
) STRICT;

-- index instructions_agency
CREATE INDEX instructions_agency ON instructions(agency_id, status);

-- index instructions_client
CREATE INDEX instructions_client ON instructions(client_id);

-- index instructions_live_request
CREATE UNIQUE INDEX instructions_live_request ON instructions(request_id) WHERE status <> 'cancelled';

-- index instructions_open_due
CREATE INDEX instructions_open_due ON instructions(status, due_date);

-- index instructions_stale
CREATE INDEX instructions_stale ON instructions(status, last_step_at);

-- index instructions_unit
CREATE INDEX instructions_unit ON instructions(unit_id, status);

-- index instructions_visit
CREATE INDEX instructions_visit ON instructions(visit_id);

-- table meetings
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('weekly_public', 'field_desk', 'province_day', 'phone_outreach')),
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  place TEXT NOT NULL,
  county_id TEXT REFERENCES counties(id),
  presiding TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
  next_ticket INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  opened_at TEXT,
  closed_at TEXT
) STRICT;

-- index meetings_date
CREATE INDEX meetings_date ON meetings(date);

-- table outbox
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

-- index outbox_status
CREATE INDEX outbox_status ON outbox(status, created_at);

-- table outcome_reasons
CREATE TABLE outcome_reasons (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

-- table print_log
CREATE TABLE print_log (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'slip', 'visit')),
  entity_id TEXT NOT NULL,
  printed_by TEXT NOT NULL REFERENCES users(id),
  printed_at TEXT NOT NULL
) STRICT;

-- index print_log_entity
CREATE INDEX print_log_entity ON print_log(kind, entity_id);

-- table requests
CREATE TABLE requests (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visits(id),
  position INTEGER NOT NULL,
  category_id TEXT NOT NULL REFERENCES categories(id),
  text TEXT NOT NULL,
  urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (visit_id, position)
) STRICT;

-- index requests_category
CREATE INDEX requests_category ON requests(category_id);

-- table sessions
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

-- index sessions_user
CREATE INDEX sessions_user ON sessions(user_id);

-- table settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- table units
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
, room TEXT NOT NULL DEFAULT '') STRICT;

-- table users
CREATE TABLE "users" (
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

-- table visits
CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  ticket INTEGER NOT NULL,
  priority TEXT NOT NULL DEFAULT 'none' CHECK (priority IN ('none', 'urgent', 'disability', 'elderly')),
  priority_reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'waiting'
    CHECK (status IN ('waiting', 'called', 'with_official', 'done', 'no_show', 'cancelled')),
  desk TEXT,
  called_by TEXT REFERENCES users(id),
  registered_by TEXT NOT NULL REFERENCES users(id),
  registered_at TEXT NOT NULL,
  called_at TEXT,
  -- the order of calls within the meeting (1, 2, 3 …): instants can tie, this cannot
  call_seq INTEGER,
  finished_at TEXT, started_at TEXT, sort_key INTEGER, call_count INTEGER NOT NULL DEFAULT 0, skipped_count INTEGER NOT NULL DEFAULT 0, left_at TEXT, left_reason TEXT NOT NULL DEFAULT '', first_called_at TEXT,
  UNIQUE (meeting_id, ticket),
  UNIQUE (meeting_id, call_seq)
) STRICT;

-- index visits_client
CREATE INDEX visits_client ON visits(client_id);

-- index visits_queue
CREATE INDEX visits_queue ON visits(meeting_id, status, ticket);

-- index visits_waiting_order
CREATE INDEX visits_waiting_order ON visits(meeting_id, status, sort_key);
