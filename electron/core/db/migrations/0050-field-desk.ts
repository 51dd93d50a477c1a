/**
 * Field desks with agencies at the table (seeds 001, 003): which agencies sit at a meeting's
 * table, and a request handed to one of them there — answered on the spot by its
 * representative, or taken away with a due date.
 */
export default /* sql */ `
CREATE TABLE meeting_agencies (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (meeting_id, agency_id)
) STRICT, WITHOUT ROWID;

-- Handed to the agency's representative at the table (kind 'agency' only).
ALTER TABLE instructions ADD COLUMN at_table INTEGER NOT NULL DEFAULT 0 CHECK (at_table IN (0, 1));
-- When the representative took it away with a due date (instead of answering it there).
ALTER TABLE instructions ADD COLUMN taken_at TEXT;
ALTER TABLE instructions ADD COLUMN taken_by TEXT REFERENCES users(id);
CREATE INDEX instructions_at_table ON instructions(agency_id, status) WHERE at_table = 1;
`;
