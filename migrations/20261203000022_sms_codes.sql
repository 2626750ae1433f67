-- 我的事项 and a lost 查询码 (issue 16): the 6-digit codes sent by SMS to prove a mobile, kept
-- as keyed hashes. A code is good for 10 minutes and once; a used one opens a session of its own
-- (the cookie names the row) for 30 minutes. Times are Unix milliseconds.
CREATE TABLE sms_codes (
    id         INTEGER PRIMARY KEY,
    mobile     TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    -- Wrong codes typed against this one (it is spent after five).
    wrong      BIGINT NOT NULL DEFAULT 0,
    -- When the right code was typed: the session it opened runs from then.
    used_ms    BIGINT,
    -- When its session was closed (退出).
    ended_ms   BIGINT
);
CREATE INDEX sms_codes_by_mobile ON sms_codes (mobile, created_ms);

-- A citizen's matters by the mobile they gave.
CREATE INDEX petitions_by_mobile ON petitions (mobile);
CREATE INDEX legal_aid_by_mobile ON legal_aid_applications (mobile);
CREATE INDEX legal_aid_by_agent_mobile ON legal_aid_applications (agent_mobile);
