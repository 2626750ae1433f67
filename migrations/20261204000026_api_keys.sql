-- API keys (issue 17): a trusted caller — the 12345 hotline's system, another body's docket —
-- names the channel a petition came by ("channel" on POST /api/v1/petitions). Created by an
-- administrator and shown once; kept as a keyed hash; revocable. Every call made with a key is
-- logged in api_calls.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    key_hash   TEXT NOT NULL,
    created_by INTEGER REFERENCES staff_users (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    CONSTRAINT api_keys_hash_key UNIQUE (key_hash)
);
CREATE TABLE api_calls (
    id      INTEGER PRIMARY KEY,
    key_id  INTEGER NOT NULL REFERENCES api_keys (id),
    at      TEXT NOT NULL,
    method  TEXT NOT NULL,
    path    TEXT NOT NULL,
    status  INTEGER NOT NULL
);
CREATE INDEX api_calls_by_key ON api_calls (key_id, id);
