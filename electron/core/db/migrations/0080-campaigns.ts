/**
 * Issue 7: the phone outreach campaign (seed 000: 7,100 calls in 10 working days by county).
 * A campaign has its own meeting of kind 'phone_outreach', where the requests raised by phone
 * become visits the official instructs at the desk like any other. `campaign_callers` are the
 * users who call, each of one kind (state, private-sector, supervised institution);
 * `campaign_targets` is the drawn call list (one row per client, assigned to a caller);
 * `campaign_calls` records every call with the caller's kind and the client's county as they
 * were then, and its Tehran day, so the report counts calls as they happened.
 */
export default /* sql */ `
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

CREATE TABLE campaign_callers (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  caller_kind TEXT NOT NULL CHECK (caller_kind IN ('state_social_worker', 'private_social_worker', 'supervised_institution')),
  added_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, user_id)
) STRICT, WITHOUT ROWID;

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
CREATE INDEX campaign_targets_caller ON campaign_targets(campaign_id, caller_id, status);

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
CREATE INDEX campaign_calls_day ON campaign_calls(campaign_id, day);
CREATE INDEX campaign_calls_target ON campaign_calls(target_id, at);
`;
