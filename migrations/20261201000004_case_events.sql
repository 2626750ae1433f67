-- The case lifecycle: what staff record as events, the written replies, and the audit log.

-- The unit an 'assigned' event hands the case to (NULL for other events).
ALTER TABLE petition_events ADD COLUMN unit_code TEXT;

-- The written reply (信访处理意见书, 第32条) recorded by a 'replied' event.
CREATE TABLE replies (
    id                INTEGER PRIMARY KEY,
    petition_id       INTEGER NOT NULL REFERENCES petitions (id),
    event_id          INTEGER NOT NULL REFERENCES petition_events (id),
    request           TEXT NOT NULL,
    facts_and_reasons TEXT NOT NULL,
    opinion           TEXT NOT NULL,
    legal_basis       TEXT NOT NULL,
    outcome           TEXT NOT NULL CHECK (outcome IN ('support', 'explain', 'not_support')),
    at                TEXT NOT NULL
);

CREATE INDEX replies_by_petition ON replies (petition_id, id);

-- Every view of a full record with personal data, by whom and when (个人信息保护法).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff_users (id),
    action      TEXT NOT NULL,
    petition_id INTEGER REFERENCES petitions (id)
);

CREATE INDEX audit_log_by_petition ON audit_log (petition_id, id);
