-- 我的事项 sessions are named by a random token the cookie carries, kept here as its keyed hash
-- (a row id alone could name a later citizen's row once old rows are swept and ids reused).
-- Set when the right code is typed; the lookup of an open session is by this column.
ALTER TABLE sms_codes ADD COLUMN session_hash TEXT;
CREATE UNIQUE INDEX sms_codes_by_session ON sms_codes (session_hash);
