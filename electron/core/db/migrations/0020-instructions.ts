/** The official's desk: rooms of units and agencies, visit start, instructions with tracking codes, and the print log. */
export default /* sql */ `
ALTER TABLE units ADD COLUMN room TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN room TEXT NOT NULL DEFAULT '';
ALTER TABLE visits ADD COLUMN started_at TEXT;

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
  cancel_reason TEXT NOT NULL DEFAULT '',
  CHECK (kind <> 'unit' OR unit_id IS NOT NULL),
  CHECK (kind <> 'agency' OR agency_id IS NOT NULL)
) STRICT;
-- One live instruction per request; a cancelled one stays beside its replacement.
CREATE UNIQUE INDEX instructions_live_request ON instructions(request_id) WHERE status <> 'cancelled';
CREATE INDEX instructions_visit ON instructions(visit_id);
CREATE INDEX instructions_client ON instructions(client_id);
CREATE INDEX instructions_open_due ON instructions(status, due_date);

CREATE TABLE print_log (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'slip', 'visit')),
  entity_id TEXT NOT NULL,
  printed_by TEXT NOT NULL REFERENCES users(id),
  printed_at TEXT NOT NULL
) STRICT;
CREATE INDEX print_log_entity ON print_log(kind, entity_id);
`;
