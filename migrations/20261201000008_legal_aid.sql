-- 法律援助 applications (法律援助法 第38–43条) and what happens to them, as append-only events.
CREATE TABLE legal_aid_applications (
    id                 INTEGER PRIMARY KEY,
    -- FY + received date + daily sequence, e.g. FY202612010007.
    number             TEXT NOT NULL UNIQUE,
    received_on        TEXT NOT NULL,
    sequence           INTEGER NOT NULL,
    query_code_hash    TEXT NOT NULL,
    applicant_name     TEXT NOT NULL,
    id_number          TEXT NOT NULL,
    mobile             TEXT NOT NULL,
    address            TEXT NOT NULL,
    district           TEXT NOT NULL,
    -- Someone applying on the applicant's behalf (第40条), with the relation stated.
    agent_name         TEXT,
    agent_id_number    TEXT,
    agent_mobile       TEXT,
    agent_relation     TEXT,
    matter             TEXT NOT NULL,
    other_party        TEXT,
    description        TEXT NOT NULL,
    -- 经济困难状况说明 and the time of the 诚信承诺 (第41条).
    hardship_statement TEXT NOT NULL,
    pledged_at         TEXT NOT NULL,
    channel            TEXT NOT NULL,
    received_at        TEXT NOT NULL,
    CONSTRAINT legal_aid_day_sequence_key UNIQUE (received_on, sequence)
);

CREATE TABLE legal_aid_events (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES legal_aid_applications (id),
    at             TEXT NOT NULL,
    -- 'received', 'material_requested', 'material_supplied', 'granted', 'lawyer_assigned',
    -- 'refused', 'note'.
    kind           TEXT NOT NULL,
    public         INTEGER NOT NULL DEFAULT 1,
    actor_staff_id INTEGER REFERENCES staff_users (id),
    text           TEXT NOT NULL,
    -- For a request for material: the last day to supply it, after which the application counts
    -- as withdrawn (第43条).
    answer_by      TEXT
);

CREATE INDEX legal_aid_events_by_application ON legal_aid_events (application_id, id);

-- Files of an application use the same store as a petition's.
ALTER TABLE attachments ADD COLUMN legal_aid_id INTEGER REFERENCES legal_aid_applications (id);
