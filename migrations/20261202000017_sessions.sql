-- Staff sessions, in the portal's own migrations now that the store keeps them itself
-- (kernel/store/sessions.rs). The table is the one tower-sessions' SQLite store created; its
-- expiry was stored as text, and is now Unix seconds: rows whose time cannot be read are dropped
-- (their staff sign in again).
CREATE TABLE IF NOT EXISTS tower_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    data BLOB NOT NULL,
    expiry_date INTEGER NOT NULL
);
DELETE FROM tower_sessions
 WHERE typeof(expiry_date) = 'text' AND strftime('%s', expiry_date) IS NULL;
UPDATE tower_sessions SET expiry_date = CAST(strftime('%s', expiry_date) AS INTEGER)
 WHERE typeof(expiry_date) = 'text';
