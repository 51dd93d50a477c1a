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
, seq INTEGER, prev_hash TEXT, hash TEXT) STRICT;

-- index audit_seq
CREATE UNIQUE INDEX audit_seq ON audit_log(seq);

-- table calls
CREATE TABLE calls (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  seq INTEGER NOT NULL,
  visit_id TEXT NOT NULL REFERENCES visits(id),
  priority INTEGER NOT NULL CHECK (priority IN (0, 1)),
  at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
) STRICT;

-- table campaign_callers
CREATE TABLE campaign_callers (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  caller_kind TEXT NOT NULL CHECK (caller_kind IN ('state_social_worker', 'private_social_worker', 'supervised_institution')),
  added_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, user_id)
) STRICT, WITHOUT ROWID;

-- table campaign_calls
CREATE TABLE campaign_calls (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  target_id TEXT NOT NULL REFERENCES campaign_targets(id),
  caller_id TEXT NOT NULL REFERENCES users(id),
  caller_kind TEXT NOT NULL CHECK (caller_kind IN ('state_social_worker', 'private_social_worker', 'supervised_institution')),
  county_id TEXT NOT NULL REFERENCES counties(id),
  at TEXT NOT NULL,
  -- the call's calendar date in Tehran
  day TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('reached', 'not_reached', 'call_back')),
  note TEXT NOT NULL DEFAULT '',
  -- how many requests the client raised on this call (each one a request of visit_id)
  requests INTEGER NOT NULL DEFAULT 0 CHECK (requests >= 0),
  visit_id TEXT REFERENCES visits(id),
  recorded_by TEXT NOT NULL REFERENCES users(id),
  CHECK (result = 'reached' OR (requests = 0 AND visit_id IS NULL))
) STRICT;

-- index campaign_calls_day
CREATE INDEX campaign_calls_day ON campaign_calls(campaign_id, day);

-- index campaign_calls_target
CREATE INDEX campaign_calls_target ON campaign_calls(target_id, at);

-- table campaign_targets
CREATE TABLE campaign_targets (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  -- the client's county when the list was drawn: the county the calls are counted under
  county_id TEXT NOT NULL REFERENCES counties(id),
  caller_id TEXT REFERENCES users(id),
  position INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'reached', 'not_reached', 'call_back')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_call_at TEXT,
  callback_on TEXT,
  visit_id TEXT REFERENCES visits(id),
  UNIQUE (campaign_id, client_id)
) STRICT;

-- index campaign_targets_caller
CREATE INDEX campaign_targets_caller ON campaign_targets(campaign_id, caller_id, status);

-- table campaigns
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings(id),
  title TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  -- JSON arrays: the chosen counties' ids and circumstances ([] = all)
  county_ids TEXT NOT NULL DEFAULT '[]',
  circumstances TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  drawn_at TEXT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK (from_date <= to_date)
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
  cancel_reason TEXT NOT NULL DEFAULT '', outcome TEXT CHECK (outcome IN ('done', 'partly_done', 'not_possible')), outcome_reason_id TEXT REFERENCES outcome_reasons(id), outcome_note TEXT NOT NULL DEFAULT '', delivered_rials INTEGER CHECK (delivered_rials IS NULL OR delivered_rials >= 0), delivered_funder TEXT CHECK (delivered_funder IN ('welfare', 'agency', 'charity', 'client', 'none')), closed_at TEXT, closed_by TEXT REFERENCES users(id), last_step_at TEXT, at_table INTEGER NOT NULL DEFAULT 0 CHECK (at_table IN (0, 1)), taken_at TEXT, taken_by TEXT REFERENCES users(id), shared_issue_id TEXT REFERENCES shared_issues(id),
  CHECK (kind <> 'unit' OR unit_id IS NOT NULL),
  CHECK (kind <> 'agency' OR agency_id IS NOT NULL)
) STRICT;

-- index instructions_agency
CREATE INDEX instructions_agency ON instructions(agency_id, status);

-- index instructions_at_table
CREATE INDEX instructions_at_table ON instructions(agency_id, status) WHERE at_table = 1;

-- index instructions_client
CREATE INDEX instructions_client ON instructions(client_id);

-- index instructions_live_request
CREATE UNIQUE INDEX instructions_live_request ON instructions(request_id) WHERE status <> 'cancelled';

-- index instructions_open_due
CREATE INDEX instructions_open_due ON instructions(status, due_date);

-- index instructions_shared_issue
CREATE INDEX instructions_shared_issue ON instructions(shared_issue_id, status) WHERE shared_issue_id IS NOT NULL;

-- index instructions_stale
CREATE INDEX instructions_stale ON instructions(status, last_step_at);

-- index instructions_unit
CREATE INDEX instructions_unit ON instructions(unit_id, status);

-- index instructions_visit
CREATE INDEX instructions_visit ON instructions(visit_id);

-- table jalali_months
CREATE TABLE jalali_months (
  month TEXT PRIMARY KEY,
  first_day TEXT NOT NULL UNIQUE,
  last_day TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- table meeting_agencies
CREATE TABLE meeting_agencies (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (meeting_id, agency_id)
) STRICT, WITHOUT ROWID;

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

-- trigger report_client_update
CREATE TRIGGER report_client_update AFTER UPDATE OF county_id, circumstances ON clients
  WHEN OLD.county_id IS NOT NEW.county_id OR OLD.circumstances IS NOT NEW.circumstances BEGIN
  UPDATE visits SET county_id = NEW.county_id, cmask = ((CASE WHEN instr(NEW.circumstances, '"disability"') > 0 THEN 1 ELSE 0 END) | (CASE WHEN instr(NEW.circumstances, '"female_head"') > 0 THEN 2 ELSE 0 END) | (CASE WHEN instr(NEW.circumstances, '"elderly"') > 0 THEN 4 ELSE 0 END) | (CASE WHEN instr(NEW.circumstances, '"low_income"') > 0 THEN 8 ELSE 0 END) | (CASE WHEN instr(NEW.circumstances, '"chronic_illness"') > 0 THEN 16 ELSE 0 END) | (CASE WHEN instr(NEW.circumstances, '"orphan"') > 0 THEN 32 ELSE 0 END)) WHERE client_id = NEW.id;
END;

-- table report_counts
CREATE TABLE report_counts (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  county_id TEXT NOT NULL,
  measure TEXT NOT NULL,
  k1 TEXT NOT NULL,
  k2 TEXT NOT NULL,
  n INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, county_id, measure, k1, k2)
) STRICT, WITHOUT ROWID;

-- trigger report_instruction_delete
CREATE TRIGGER report_instruction_delete AFTER DELETE ON instructions BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT OLD.kind AS kind, OLD.status AS status, OLD.outcome AS outcome, OLD.unit_id AS unit_id, OLD.agency_id AS agency_id, OLD.due_date AS due_date, OLD.amount_rials AS amount_rials, OLD.funder AS funder, OLD.delivered_rials AS delivered_rials, OLD.delivered_funder AS delivered_funder, OLD.issued_by AS issued_by, OLD.issued_at AS issued_at, OLD.closed_at AS closed_at, r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM visits v JOIN requests r ON r.id = OLD.request_id WHERE v.id = OLD.visit_id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_instruction_insert
CREATE TRIGGER report_instruction_insert AFTER INSERT ON instructions BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT NEW.kind AS kind, NEW.status AS status, NEW.outcome AS outcome, NEW.unit_id AS unit_id, NEW.agency_id AS agency_id, NEW.due_date AS due_date, NEW.amount_rials AS amount_rials, NEW.funder AS funder, NEW.delivered_rials AS delivered_rials, NEW.delivered_funder AS delivered_funder, NEW.issued_by AS issued_by, NEW.issued_at AS issued_at, NEW.closed_at AS closed_at, r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM visits v JOIN requests r ON r.id = NEW.request_id WHERE v.id = NEW.visit_id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_instruction_update
CREATE TRIGGER report_instruction_update AFTER UPDATE OF kind, status, outcome, unit_id, agency_id, due_date, amount_rials, funder, delivered_rials, delivered_funder, issued_by, issued_at, closed_at, request_id, visit_id ON instructions
  WHEN OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.outcome IS NOT NEW.outcome OR OLD.unit_id IS NOT NEW.unit_id OR OLD.agency_id IS NOT NEW.agency_id OR OLD.due_date IS NOT NEW.due_date OR OLD.amount_rials IS NOT NEW.amount_rials OR OLD.funder IS NOT NEW.funder OR OLD.delivered_rials IS NOT NEW.delivered_rials OR OLD.delivered_funder IS NOT NEW.delivered_funder OR OLD.issued_by IS NOT NEW.issued_by OR OLD.issued_at IS NOT NEW.issued_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.request_id IS NOT NEW.request_id OR OLD.visit_id IS NOT NEW.visit_id BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT OLD.kind AS kind, OLD.status AS status, OLD.outcome AS outcome, OLD.unit_id AS unit_id, OLD.agency_id AS agency_id, OLD.due_date AS due_date, OLD.amount_rials AS amount_rials, OLD.funder AS funder, OLD.delivered_rials AS delivered_rials, OLD.delivered_funder AS delivered_funder, OLD.issued_by AS issued_by, OLD.issued_at AS issued_at, OLD.closed_at AS closed_at, r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM visits v JOIN requests r ON r.id = OLD.request_id WHERE v.id = OLD.visit_id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT NEW.kind AS kind, NEW.status AS status, NEW.outcome AS outcome, NEW.unit_id AS unit_id, NEW.agency_id AS agency_id, NEW.due_date AS due_date, NEW.amount_rials AS amount_rials, NEW.funder AS funder, NEW.delivered_rials AS delivered_rials, NEW.delivered_funder AS delivered_funder, NEW.issued_by AS issued_by, NEW.issued_at AS issued_at, NEW.closed_at AS closed_at, r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM visits v JOIN requests r ON r.id = NEW.request_id WHERE v.id = NEW.visit_id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_meeting_date
CREATE TRIGGER report_meeting_date AFTER UPDATE OF date ON meetings WHEN OLD.date IS NOT NEW.date BEGIN
  UPDATE visits SET day = NEW.date WHERE meeting_id = NEW.id;
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= OLD.date ORDER BY j.first_day DESC LIMIT 1) AS month, county_id, measure, k1, k2, -n AS n, -amount AS amount FROM report_counts WHERE meeting_id = NEW.id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= NEW.date ORDER BY j.first_day DESC LIMIT 1) AS month, county_id, measure, k1, k2, n, amount FROM report_counts WHERE meeting_id = NEW.id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- table report_month_counts
CREATE TABLE report_month_counts (
  month TEXT NOT NULL,
  county_id TEXT NOT NULL,
  measure TEXT NOT NULL,
  k1 TEXT NOT NULL,
  k2 TEXT NOT NULL,
  n INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (month, county_id, measure, k1, k2)
) STRICT, WITHOUT ROWID;

-- trigger report_month_delete
CREATE TRIGGER report_month_delete AFTER DELETE ON report_counts BEGIN
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= m.date ORDER BY j.first_day DESC LIMIT 1), OLD.county_id, OLD.measure, OLD.k1, OLD.k2, -OLD.n, -OLD.amount FROM meetings m WHERE m.id = OLD.meeting_id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_month_insert
CREATE TRIGGER report_month_insert AFTER INSERT ON report_counts BEGIN
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= m.date ORDER BY j.first_day DESC LIMIT 1), NEW.county_id, NEW.measure, NEW.k1, NEW.k2, NEW.n, NEW.amount FROM meetings m WHERE m.id = NEW.meeting_id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_month_move
CREATE TRIGGER report_month_move AFTER UPDATE ON report_counts WHEN NOT (OLD.meeting_id IS NEW.meeting_id AND OLD.county_id IS NEW.county_id AND OLD.measure IS NEW.measure AND OLD.k1 IS NEW.k1 AND OLD.k2 IS NEW.k2) BEGIN
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= m.date ORDER BY j.first_day DESC LIMIT 1), OLD.county_id, OLD.measure, OLD.k1, OLD.k2, -OLD.n, -OLD.amount FROM meetings m WHERE m.id = OLD.meeting_id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= m.date ORDER BY j.first_day DESC LIMIT 1), NEW.county_id, NEW.measure, NEW.k1, NEW.k2, NEW.n, NEW.amount FROM meetings m WHERE m.id = NEW.meeting_id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_month_update
CREATE TRIGGER report_month_update AFTER UPDATE ON report_counts WHEN OLD.meeting_id IS NEW.meeting_id AND OLD.county_id IS NEW.county_id AND OLD.measure IS NEW.measure AND OLD.k1 IS NEW.k1 AND OLD.k2 IS NEW.k2 BEGIN
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= m.date ORDER BY j.first_day DESC LIMIT 1), NEW.county_id, NEW.measure, NEW.k1, NEW.k2, NEW.n - OLD.n, NEW.amount - OLD.amount FROM meetings m WHERE m.id = NEW.meeting_id
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_request_delete
CREATE TRIGGER report_request_delete AFTER DELETE ON requests BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'requests' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.category_id END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 END AS amount
  FROM (SELECT OLD.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id FROM visits v WHERE v.id = OLD.visit_id) x, (VALUES (0)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_request_insert
CREATE TRIGGER report_request_insert AFTER INSERT ON requests BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'requests' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.category_id END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 END AS amount
  FROM (SELECT NEW.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id FROM visits v WHERE v.id = NEW.visit_id) x, (VALUES (0)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_request_update
CREATE TRIGGER report_request_update AFTER UPDATE OF category_id, visit_id ON requests WHEN OLD.category_id IS NOT NEW.category_id OR OLD.visit_id IS NOT NEW.visit_id BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'requests' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.category_id END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 END AS amount
  FROM (SELECT OLD.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id FROM visits v WHERE v.id = OLD.visit_id) x, (VALUES (0)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'requests' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.category_id END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 END AS amount
  FROM (SELECT NEW.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id FROM visits v WHERE v.id = NEW.visit_id) x, (VALUES (0)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT i.kind AS kind, i.status AS status, i.outcome AS outcome, i.unit_id AS unit_id, i.agency_id AS agency_id, i.due_date AS due_date, i.amount_rials AS amount_rials, i.funder AS funder, i.delivered_rials AS delivered_rials, i.delivered_funder AS delivered_funder, i.issued_by AS issued_by, i.issued_at AS issued_at, i.closed_at AS closed_at, OLD.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE i.request_id = OLD.id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT i.kind AS kind, i.status AS status, i.outcome AS outcome, i.unit_id AS unit_id, i.agency_id AS agency_id, i.due_date AS due_date, i.amount_rials AS amount_rials, i.funder AS funder, i.delivered_rials AS delivered_rials, i.delivered_funder AS delivered_funder, i.issued_by AS issued_by, i.issued_at AS issued_at, i.closed_at AS closed_at, NEW.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE i.request_id = NEW.id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_visit_day
CREATE TRIGGER report_visit_day AFTER UPDATE OF day, client_id ON visits WHEN OLD.day IS NOT NEW.day OR OLD.client_id IS NOT NEW.client_id BEGIN
  UPDATE visits SET prev_day = (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id))) WHERE client_id = OLD.client_id AND prev_day IS NOT (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id)));
  UPDATE visits SET prev_day = (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id))) WHERE client_id = NEW.client_id AND prev_day IS NOT (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id)));
END;

-- trigger report_visit_delete
CREATE TRIGGER report_visit_delete AFTER DELETE ON visits BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'visits' WHEN 1 THEN 'vstatus' WHEN 2 THEN 'desk' WHEN 3 THEN 'wait' WHEN 4 THEN 'band' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.status WHEN 2 THEN x.desk WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) / 60000 WHEN 4 THEN min(max(0, CAST(round((julianday(x.finished_at) - julianday(coalesce(x.started_at, x.first_called_at, x.finished_at))) * 86400000) AS INTEGER)) / 180000, 10) * 3 END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN '' WHEN 2 THEN x.status WHEN 3 THEN '' WHEN 4 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) WHEN 4 THEN 0 END AS amount
  FROM (SELECT OLD.meeting_id AS meeting_id, OLD.county_id AS county_id, OLD.status AS status, OLD.desk AS desk, OLD.registered_at AS registered_at, OLD.first_called_at AS first_called_at, OLD.started_at AS started_at, OLD.finished_at AS finished_at) x, (VALUES (0), (1), (2), (3), (4)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN x.desk IS NOT NULL AND x.first_called_at IS NOT NULL WHEN 3 THEN x.first_called_at IS NOT NULL WHEN 4 THEN x.status = 'done' AND x.finished_at IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= x.day ORDER BY j.first_day DESC LIMIT 1) AS month, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'first' WHEN 1 THEN 'firstc' WHEN 2 THEN 'firstc' WHEN 3 THEN 'firstc' WHEN 4 THEN 'firstc' WHEN 5 THEN 'firstc' WHEN 6 THEN 'firstc' WHEN 7 THEN 'firstc' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN 'disability' WHEN 2 THEN 'female_head' WHEN 3 THEN 'elderly' WHEN 4 THEN 'low_income' WHEN 5 THEN 'chronic_illness' WHEN 6 THEN 'orphan' WHEN 7 THEN 'none' END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 1 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 2 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 3 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 4 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 5 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 6 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 7 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN 0 WHEN 5 THEN 0 WHEN 6 THEN 0 WHEN 7 THEN 0 END AS amount
  FROM (SELECT OLD.day AS day, OLD.county_id AS county_id, OLD.cmask AS cmask, OLD.prev_day AS prev_day) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) t
  WHERE CASE t.column1 WHEN 0 THEN x.day IS NOT NULL WHEN 1 THEN x.day IS NOT NULL AND (x.cmask & 1) <> 0 WHEN 2 THEN x.day IS NOT NULL AND (x.cmask & 2) <> 0 WHEN 3 THEN x.day IS NOT NULL AND (x.cmask & 4) <> 0 WHEN 4 THEN x.day IS NOT NULL AND (x.cmask & 8) <> 0 WHEN 5 THEN x.day IS NOT NULL AND (x.cmask & 16) <> 0 WHEN 6 THEN x.day IS NOT NULL AND (x.cmask & 32) <> 0 WHEN 7 THEN x.day IS NOT NULL AND x.cmask = 0 END
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  UPDATE visits SET prev_day = (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id))) WHERE client_id = OLD.client_id AND prev_day IS NOT (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id)));
END;

-- trigger report_visit_insert
CREATE TRIGGER report_visit_insert AFTER INSERT ON visits BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'visits' WHEN 1 THEN 'vstatus' WHEN 2 THEN 'desk' WHEN 3 THEN 'wait' WHEN 4 THEN 'band' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.status WHEN 2 THEN x.desk WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) / 60000 WHEN 4 THEN min(max(0, CAST(round((julianday(x.finished_at) - julianday(coalesce(x.started_at, x.first_called_at, x.finished_at))) * 86400000) AS INTEGER)) / 180000, 10) * 3 END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN '' WHEN 2 THEN x.status WHEN 3 THEN '' WHEN 4 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) WHEN 4 THEN 0 END AS amount
  FROM (SELECT NEW.meeting_id AS meeting_id, NEW.county_id AS county_id, NEW.status AS status, NEW.desk AS desk, NEW.registered_at AS registered_at, NEW.first_called_at AS first_called_at, NEW.started_at AS started_at, NEW.finished_at AS finished_at) x, (VALUES (0), (1), (2), (3), (4)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN x.desk IS NOT NULL AND x.first_called_at IS NOT NULL WHEN 3 THEN x.first_called_at IS NOT NULL WHEN 4 THEN x.status = 'done' AND x.finished_at IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= x.day ORDER BY j.first_day DESC LIMIT 1) AS month, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'first' WHEN 1 THEN 'firstc' WHEN 2 THEN 'firstc' WHEN 3 THEN 'firstc' WHEN 4 THEN 'firstc' WHEN 5 THEN 'firstc' WHEN 6 THEN 'firstc' WHEN 7 THEN 'firstc' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN 'disability' WHEN 2 THEN 'female_head' WHEN 3 THEN 'elderly' WHEN 4 THEN 'low_income' WHEN 5 THEN 'chronic_illness' WHEN 6 THEN 'orphan' WHEN 7 THEN 'none' END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 1 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 2 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 3 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 4 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 5 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 6 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 7 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN 0 WHEN 5 THEN 0 WHEN 6 THEN 0 WHEN 7 THEN 0 END AS amount
  FROM (SELECT NEW.day AS day, NEW.county_id AS county_id, NEW.cmask AS cmask, NEW.prev_day AS prev_day) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) t
  WHERE CASE t.column1 WHEN 0 THEN x.day IS NOT NULL WHEN 1 THEN x.day IS NOT NULL AND (x.cmask & 1) <> 0 WHEN 2 THEN x.day IS NOT NULL AND (x.cmask & 2) <> 0 WHEN 3 THEN x.day IS NOT NULL AND (x.cmask & 4) <> 0 WHEN 4 THEN x.day IS NOT NULL AND (x.cmask & 8) <> 0 WHEN 5 THEN x.day IS NOT NULL AND (x.cmask & 16) <> 0 WHEN 6 THEN x.day IS NOT NULL AND (x.cmask & 32) <> 0 WHEN 7 THEN x.day IS NOT NULL AND x.cmask = 0 END
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  UPDATE visits SET day = (SELECT date FROM meetings WHERE id = NEW.meeting_id),
    county_id = (SELECT county_id FROM clients WHERE id = NEW.client_id),
    cmask = (SELECT ((CASE WHEN instr(c.circumstances, '"disability"') > 0 THEN 1 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"female_head"') > 0 THEN 2 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"elderly"') > 0 THEN 4 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"low_income"') > 0 THEN 8 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"chronic_illness"') > 0 THEN 16 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"orphan"') > 0 THEN 32 ELSE 0 END)) FROM clients c WHERE c.id = NEW.client_id)
  WHERE id = NEW.id AND (day IS NOT (SELECT date FROM meetings WHERE id = NEW.meeting_id) OR county_id IS NOT (SELECT county_id FROM clients WHERE id = NEW.client_id) OR cmask IS NOT (SELECT ((CASE WHEN instr(c.circumstances, '"disability"') > 0 THEN 1 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"female_head"') > 0 THEN 2 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"elderly"') > 0 THEN 4 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"low_income"') > 0 THEN 8 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"chronic_illness"') > 0 THEN 16 ELSE 0 END) | (CASE WHEN instr(c.circumstances, '"orphan"') > 0 THEN 32 ELSE 0 END)) FROM clients c WHERE c.id = NEW.client_id));
  UPDATE visits SET prev_day = (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id))) WHERE client_id = NEW.client_id AND prev_day IS NOT (SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id)));
END;

-- trigger report_visit_months
CREATE TRIGGER report_visit_months AFTER UPDATE OF day, county_id, cmask, prev_day ON visits WHEN OLD.day IS NOT NEW.day OR OLD.county_id IS NOT NEW.county_id OR OLD.cmask IS NOT NEW.cmask OR OLD.prev_day IS NOT NEW.prev_day BEGIN
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= x.day ORDER BY j.first_day DESC LIMIT 1) AS month, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'first' WHEN 1 THEN 'firstc' WHEN 2 THEN 'firstc' WHEN 3 THEN 'firstc' WHEN 4 THEN 'firstc' WHEN 5 THEN 'firstc' WHEN 6 THEN 'firstc' WHEN 7 THEN 'firstc' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN 'disability' WHEN 2 THEN 'female_head' WHEN 3 THEN 'elderly' WHEN 4 THEN 'low_income' WHEN 5 THEN 'chronic_illness' WHEN 6 THEN 'orphan' WHEN 7 THEN 'none' END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 1 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 2 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 3 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 4 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 5 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 6 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 7 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN 0 WHEN 5 THEN 0 WHEN 6 THEN 0 WHEN 7 THEN 0 END AS amount
  FROM (SELECT OLD.day AS day, OLD.county_id AS county_id, OLD.cmask AS cmask, OLD.prev_day AS prev_day) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) t
  WHERE CASE t.column1 WHEN 0 THEN x.day IS NOT NULL WHEN 1 THEN x.day IS NOT NULL AND (x.cmask & 1) <> 0 WHEN 2 THEN x.day IS NOT NULL AND (x.cmask & 2) <> 0 WHEN 3 THEN x.day IS NOT NULL AND (x.cmask & 4) <> 0 WHEN 4 THEN x.day IS NOT NULL AND (x.cmask & 8) <> 0 WHEN 5 THEN x.day IS NOT NULL AND (x.cmask & 16) <> 0 WHEN 6 THEN x.day IS NOT NULL AND (x.cmask & 32) <> 0 WHEN 7 THEN x.day IS NOT NULL AND x.cmask = 0 END
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) SELECT (SELECT j.month FROM jalali_months j WHERE j.first_day <= x.day ORDER BY j.first_day DESC LIMIT 1) AS month, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'first' WHEN 1 THEN 'firstc' WHEN 2 THEN 'firstc' WHEN 3 THEN 'firstc' WHEN 4 THEN 'firstc' WHEN 5 THEN 'firstc' WHEN 6 THEN 'firstc' WHEN 7 THEN 'firstc' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN 'disability' WHEN 2 THEN 'female_head' WHEN 3 THEN 'elderly' WHEN 4 THEN 'low_income' WHEN 5 THEN 'chronic_illness' WHEN 6 THEN 'orphan' WHEN 7 THEN 'none' END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 1 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 2 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 3 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 4 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 5 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 6 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') WHEN 7 THEN coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '') END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN 0 WHEN 5 THEN 0 WHEN 6 THEN 0 WHEN 7 THEN 0 END AS amount
  FROM (SELECT NEW.day AS day, NEW.county_id AS county_id, NEW.cmask AS cmask, NEW.prev_day AS prev_day) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) t
  WHERE CASE t.column1 WHEN 0 THEN x.day IS NOT NULL WHEN 1 THEN x.day IS NOT NULL AND (x.cmask & 1) <> 0 WHEN 2 THEN x.day IS NOT NULL AND (x.cmask & 2) <> 0 WHEN 3 THEN x.day IS NOT NULL AND (x.cmask & 4) <> 0 WHEN 4 THEN x.day IS NOT NULL AND (x.cmask & 8) <> 0 WHEN 5 THEN x.day IS NOT NULL AND (x.cmask & 16) <> 0 WHEN 6 THEN x.day IS NOT NULL AND (x.cmask & 32) <> 0 WHEN 7 THEN x.day IS NOT NULL AND x.cmask = 0 END
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_visit_moves
CREATE TRIGGER report_visit_moves AFTER UPDATE OF meeting_id, county_id ON visits WHEN OLD.meeting_id IS NOT NEW.meeting_id OR OLD.county_id IS NOT NEW.county_id BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'requests' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.category_id END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 END AS amount
  FROM (SELECT r.category_id AS category_id, OLD.meeting_id AS meeting_id, OLD.county_id AS county_id FROM requests r WHERE r.visit_id = OLD.id) x, (VALUES (0)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'requests' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.category_id END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 END AS amount
  FROM (SELECT r.category_id AS category_id, NEW.meeting_id AS meeting_id, NEW.county_id AS county_id FROM requests r WHERE r.visit_id = NEW.id) x, (VALUES (0)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT i.kind AS kind, i.status AS status, i.outcome AS outcome, i.unit_id AS unit_id, i.agency_id AS agency_id, i.due_date AS due_date, i.amount_rials AS amount_rials, i.funder AS funder, i.delivered_rials AS delivered_rials, i.delivered_funder AS delivered_funder, i.issued_by AS issued_by, i.issued_at AS issued_at, i.closed_at AS closed_at, r.category_id AS category_id, OLD.meeting_id AS meeting_id, OLD.county_id AS county_id
   FROM instructions i JOIN requests r ON r.id = i.request_id WHERE i.visit_id = OLD.id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'kind' WHEN 1 THEN 'catIns' WHEN 2 THEN 'ref' WHEN 3 THEN 'overdue' WHEN 4 THEN 'promised' WHEN 5 THEN 'delivered' WHEN 6 THEN 'issuer' WHEN 7 THEN 'outcome' WHEN 8 THEN 'days' WHEN 9 THEN 'byDue' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN x.kind WHEN 1 THEN x.category_id WHEN 2 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 3 THEN x.kind || ':' || coalesce(x.unit_id, x.agency_id, '') WHEN 4 THEN x.funder WHEN 5 THEN x.delivered_funder WHEN 6 THEN x.issued_by WHEN 7 THEN CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END WHEN 8 THEN x.kind WHEN 9 THEN date(x.closed_at, '+210 minutes') <= x.due_date END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.kind = 'answered' WHEN 2 THEN x.status WHEN 3 THEN x.due_date WHEN 4 THEN '' WHEN 5 THEN '' WHEN 6 THEN x.kind = 'answered' WHEN 7 THEN '' WHEN 8 THEN CAST(julianday(date(x.closed_at, '+210 minutes')) - julianday(date(x.issued_at, '+210 minutes')) AS INTEGER) WHEN 9 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 1 WHEN 7 THEN 1 WHEN 8 THEN 1 WHEN 9 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN 0 WHEN 4 THEN ((coalesce(x.amount_rials, 0) + 5) / 10) WHEN 5 THEN ((coalesce(x.delivered_rials, 0) + 5) / 10) WHEN 6 THEN 0 WHEN 7 THEN 0 WHEN 8 THEN 0 WHEN 9 THEN 0 END AS amount
  FROM (SELECT i.kind AS kind, i.status AS status, i.outcome AS outcome, i.unit_id AS unit_id, i.agency_id AS agency_id, i.due_date AS due_date, i.amount_rials AS amount_rials, i.funder AS funder, i.delivered_rials AS delivered_rials, i.delivered_funder AS delivered_funder, i.issued_by AS issued_by, i.issued_at AS issued_at, i.closed_at AS closed_at, r.category_id AS category_id, NEW.meeting_id AS meeting_id, NEW.county_id AS county_id
   FROM instructions i JOIN requests r ON r.id = i.request_id WHERE i.visit_id = NEW.id) x, (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) t
  WHERE CASE t.column1 WHEN 0 THEN x.status <> 'cancelled' WHEN 1 THEN x.status <> 'cancelled' WHEN 2 THEN x.status <> 'cancelled' AND x.kind IN ('unit', 'agency') WHEN 3 THEN x.status = 'open' AND x.due_date IS NOT NULL WHEN 4 THEN x.status <> 'cancelled' AND x.funder IS NOT NULL WHEN 5 THEN x.status <> 'cancelled' AND x.delivered_funder IS NOT NULL WHEN 6 THEN x.status <> 'cancelled' WHEN 7 THEN x.status <> 'cancelled' WHEN 8 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.kind IN ('unit', 'agency', 'review') WHEN 9 THEN x.status <> 'cancelled' AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL AND x.due_date IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- trigger report_visit_update
CREATE TRIGGER report_visit_update AFTER UPDATE OF meeting_id, county_id, status, desk, registered_at, first_called_at, started_at, finished_at ON visits WHEN OLD.meeting_id IS NOT NEW.meeting_id OR OLD.county_id IS NOT NEW.county_id OR OLD.status IS NOT NEW.status OR OLD.desk IS NOT NEW.desk OR OLD.registered_at IS NOT NEW.registered_at OR OLD.first_called_at IS NOT NEW.first_called_at OR OLD.started_at IS NOT NEW.started_at OR OLD.finished_at IS NOT NEW.finished_at BEGIN
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'visits' WHEN 1 THEN 'vstatus' WHEN 2 THEN 'desk' WHEN 3 THEN 'wait' WHEN 4 THEN 'band' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.status WHEN 2 THEN x.desk WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) / 60000 WHEN 4 THEN min(max(0, CAST(round((julianday(x.finished_at) - julianday(coalesce(x.started_at, x.first_called_at, x.finished_at))) * 86400000) AS INTEGER)) / 180000, 10) * 3 END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN '' WHEN 2 THEN x.status WHEN 3 THEN '' WHEN 4 THEN '' END AS TEXT), '') AS k2,
    -1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 END AS n,
    -1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) WHEN 4 THEN 0 END AS amount
  FROM (SELECT OLD.meeting_id AS meeting_id, OLD.county_id AS county_id, OLD.status AS status, OLD.desk AS desk, OLD.registered_at AS registered_at, OLD.first_called_at AS first_called_at, OLD.started_at AS started_at, OLD.finished_at AS finished_at) x, (VALUES (0), (1), (2), (3), (4)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN x.desk IS NOT NULL AND x.first_called_at IS NOT NULL WHEN 3 THEN x.first_called_at IS NOT NULL WHEN 4 THEN x.status = 'done' AND x.finished_at IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
  INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) SELECT x.meeting_id AS meeting_id, coalesce(x.county_id, '') AS county_id,
    CASE t.column1 WHEN 0 THEN 'visits' WHEN 1 THEN 'vstatus' WHEN 2 THEN 'desk' WHEN 3 THEN 'wait' WHEN 4 THEN 'band' END AS measure,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN x.status WHEN 2 THEN x.desk WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) / 60000 WHEN 4 THEN min(max(0, CAST(round((julianday(x.finished_at) - julianday(coalesce(x.started_at, x.first_called_at, x.finished_at))) * 86400000) AS INTEGER)) / 180000, 10) * 3 END AS TEXT), '') AS k1,
    coalesce(CAST(CASE t.column1 WHEN 0 THEN '' WHEN 1 THEN '' WHEN 2 THEN x.status WHEN 3 THEN '' WHEN 4 THEN '' END AS TEXT), '') AS k2,
    1 * CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN 1 WHEN 3 THEN 1 WHEN 4 THEN 1 END AS n,
    1 * CASE t.column1 WHEN 0 THEN 0 WHEN 1 THEN 0 WHEN 2 THEN 0 WHEN 3 THEN CAST(round((julianday(x.first_called_at) - julianday(x.registered_at)) * 86400000) AS INTEGER) WHEN 4 THEN 0 END AS amount
  FROM (SELECT NEW.meeting_id AS meeting_id, NEW.county_id AS county_id, NEW.status AS status, NEW.desk AS desk, NEW.registered_at AS registered_at, NEW.first_called_at AS first_called_at, NEW.started_at AS started_at, NEW.finished_at AS finished_at) x, (VALUES (0), (1), (2), (3), (4)) t
  WHERE CASE t.column1 WHEN 0 THEN 1 WHEN 1 THEN 1 WHEN 2 THEN x.desk IS NOT NULL AND x.first_called_at IS NOT NULL WHEN 3 THEN x.first_called_at IS NOT NULL WHEN 4 THEN x.status = 'done' AND x.finished_at IS NOT NULL END ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;
END;

-- table requests
CREATE TABLE requests (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visits(id),
  position INTEGER NOT NULL,
  category_id TEXT NOT NULL REFERENCES categories(id),
  text TEXT NOT NULL,
  urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL, shared_issue_id TEXT REFERENCES shared_issues(id),
  UNIQUE (visit_id, position)
) STRICT;

-- index requests_category
CREATE INDEX requests_category ON requests(category_id);

-- index requests_shared_issue
CREATE INDEX requests_shared_issue ON requests(shared_issue_id) WHERE shared_issue_id IS NOT NULL;

-- table sessions
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
, last_seen_at TEXT) STRICT;

-- index sessions_user
CREATE INDEX sessions_user ON sessions(user_id);

-- table settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- table shared_issues
CREATE TABLE shared_issues (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  county_id TEXT NOT NULL REFERENCES counties(id),
  place TEXT NOT NULL DEFAULT '',
  category_id TEXT NOT NULL REFERENCES categories(id),
  description TEXT NOT NULL DEFAULT '',
  -- Normalized title and place (normalizeForSearch), for finding and suggesting.
  search_text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  closed_at TEXT,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
) STRICT;

-- index shared_issues_open
CREATE INDEX shared_issues_open ON shared_issues(county_id, category_id, status);

-- table sync_client_links
CREATE TABLE sync_client_links (
  site_client_id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  import_id TEXT NOT NULL REFERENCES sync_imports(id),
  created_at TEXT NOT NULL
) STRICT;

-- index sync_client_links_client
CREATE INDEX sync_client_links_client ON sync_client_links(client_id);

-- table sync_conflicts
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES sync_imports(id),
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  -- 'different': the same record held differently (the local one kept); 'tracking_code': the
  -- site's tracking code already belongs to another instruction here, so the incoming one was
  -- added with a new code; 'not_inserted': the incoming record could not be added beside the
  -- local data (e.g. a second live instruction for one request) and is kept only here.
  kind TEXT NOT NULL DEFAULT 'different' CHECK (kind IN ('different', 'tracking_code', 'not_inserted')),
  detail TEXT NOT NULL DEFAULT '',
  local TEXT NOT NULL,
  incoming TEXT NOT NULL,
  -- SHA-256 of the incoming version: the same difference coming again is not recorded twice.
  incoming_hash TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution TEXT CHECK (resolution IN ('local', 'incoming')),
  resolved_by TEXT REFERENCES users(id),
  resolved_at TEXT,
  created_at TEXT NOT NULL,
  CHECK ((status = 'resolved') = (resolution IS NOT NULL))
) STRICT;

-- index sync_conflicts_same
CREATE UNIQUE INDEX sync_conflicts_same ON sync_conflicts(entity, entity_id, incoming_hash);

-- index sync_conflicts_status
CREATE INDEX sync_conflicts_status ON sync_conflicts(status, created_at);

-- table sync_imports
CREATE TABLE sync_imports (
  id TEXT PRIMARY KEY,
  checksum TEXT NOT NULL UNIQUE,
  format_version INTEGER NOT NULL,
  site_name TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  exported_by TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL REFERENCES users(id),
  summary TEXT NOT NULL
) STRICT;

-- index sync_imports_at
CREATE INDEX sync_imports_at ON sync_imports(imported_at);

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
  updated_at TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT, password_changed_at TEXT, last_login_at TEXT,
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
  finished_at TEXT, started_at TEXT, sort_key INTEGER, call_count INTEGER NOT NULL DEFAULT 0, skipped_count INTEGER NOT NULL DEFAULT 0, left_at TEXT, left_reason TEXT NOT NULL DEFAULT '', first_called_at TEXT, day TEXT, county_id TEXT, cmask INTEGER NOT NULL DEFAULT 0, prev_day TEXT,
  UNIQUE (meeting_id, ticket),
  UNIQUE (meeting_id, call_seq)
) STRICT;

-- index visits_client
CREATE INDEX visits_client ON visits(client_id, day);

-- index visits_period
CREATE INDEX visits_period ON visits(day, prev_day, county_id, cmask);

-- index visits_previous
CREATE INDEX visits_previous ON visits(prev_day, day, county_id, cmask);

-- index visits_queue
CREATE INDEX visits_queue ON visits(meeting_id, status, ticket);

-- index visits_waiting_order
CREATE INDEX visits_waiting_order ON visits(meeting_id, status, sort_key);
