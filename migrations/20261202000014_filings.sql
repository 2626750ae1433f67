-- One row per form that filed something (a petition, a legal-aid application): the hash of the
-- one-time token the form carried, so that the same form sent again (a reload, Back and
-- Forward, a double click) finds the first filing instead of making a second. `sealed_code`
-- holds the receipt's 查询码 sealed with that token (which only the citizen's browser holds),
-- so the receipt page can show it after the redirect; it is cleared once the receipt's time to
-- show it has passed.
CREATE TABLE filings (
    token_hash  TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    number      TEXT NOT NULL,
    sealed_code TEXT,
    filed_at    TEXT NOT NULL
);
CREATE INDEX filings_sealed ON filings (filed_at) WHERE sealed_code IS NOT NULL;
