/**
 * Networked problems (seed 003): a shared issue of a place — a street without gas, a village
 * without a bus — that several clients' requests are joined to, with one instruction that
 * reaches every joined request (one instruction row each, carrying the issue's id).
 */
export default /* sql */ `
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
CREATE INDEX shared_issues_open ON shared_issues(county_id, category_id, status);

ALTER TABLE requests ADD COLUMN shared_issue_id TEXT REFERENCES shared_issues(id);
CREATE INDEX requests_shared_issue ON requests(shared_issue_id) WHERE shared_issue_id IS NOT NULL;
ALTER TABLE instructions ADD COLUMN shared_issue_id TEXT REFERENCES shared_issues(id);
CREATE INDEX instructions_shared_issue ON instructions(shared_issue_id, status) WHERE shared_issue_id IS NOT NULL;
`;
