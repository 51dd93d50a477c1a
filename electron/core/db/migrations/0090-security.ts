/**
 * Issue 8 (trust): what sign-in needs to lock an account after repeated failures, to show when
 * a user last signed in and changed their password, and to end a session left idle.
 */
export default /* sql */ `
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
ALTER TABLE users ADD COLUMN last_login_at TEXT;
UPDATE users SET password_changed_at = created_at;

-- Sessions open at the upgrade keep no last-seen time: their first call sets it (until then
-- only their 12-hour expiry applies), so an upgrade signs no one out.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
`;
