/**
 * The province-wide desk day (seed 004): each site runs its own station and database; the
 * directorate imports each site's export file. `sync_imports` records every file taken in (by
 * its checksum, so the same file is never taken twice); `sync_client_links` ties a site's
 * client to the directorate's record of the same person (the same national ID under another
 * id); `sync_conflicts` keeps both versions of a record the two sides hold differently until a
 * person decides — and after.
 */
export default /* sql */ `
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
CREATE INDEX sync_imports_at ON sync_imports(imported_at);

CREATE TABLE sync_client_links (
  site_client_id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  import_id TEXT NOT NULL REFERENCES sync_imports(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX sync_client_links_client ON sync_client_links(client_id);

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
CREATE INDEX sync_conflicts_status ON sync_conflicts(status, created_at);
CREATE UNIQUE INDEX sync_conflicts_same ON sync_conflicts(entity, entity_id, incoming_hash);
`;
