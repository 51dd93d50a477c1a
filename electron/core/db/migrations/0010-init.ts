/** The first schema: settings, lists, users and sessions, meetings, clients (with full-text search), visits and requests, audit log. */
export default /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE counties (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'official', 'followup')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

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
CREATE INDEX meetings_date ON meetings(date);

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

CREATE VIRTUAL TABLE clients_fts USING fts5(
  search_text,
  content = 'clients',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
  INSERT INTO clients_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
  INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER clients_fts_update AFTER UPDATE OF search_text ON clients BEGIN
  INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO clients_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;

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
  finished_at TEXT,
  UNIQUE (meeting_id, ticket),
  UNIQUE (meeting_id, call_seq)
) STRICT;
CREATE INDEX visits_queue ON visits(meeting_id, status, ticket);
CREATE INDEX visits_client ON visits(client_id);

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
CREATE INDEX requests_category ON requests(category_id);

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
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
`;
