-- Petitions (网上信访) and their append-only events.
-- Status is never stored: it is derived from the events (PRODUCT.md "Staff workbench").

CREATE TABLE petitions (
    id                INTEGER PRIMARY KEY,
    -- XF + received date + daily sequence; read out over the phone.
    number            TEXT NOT NULL,
    -- Received date in Asia/Shanghai (YYYY-MM-DD) and the day's sequence, which make the number.
    received_on       TEXT NOT NULL,
    sequence          INTEGER NOT NULL,
    -- argon2id PHC string of the 查询码; the code itself is never stored.
    query_code_hash   TEXT NOT NULL,
    category          TEXT NOT NULL CHECK (category IN ('suggestion', 'report', 'appeal')),
    petitioner_name   TEXT NOT NULL,
    id_number         TEXT NOT NULL,
    mobile            TEXT NOT NULL,
    address           TEXT NOT NULL,
    district          TEXT NOT NULL,
    unit_code         TEXT,
    title             TEXT NOT NULL,
    request           TEXT NOT NULL,
    facts_and_reasons TEXT NOT NULL,
    place_and_time    TEXT,
    earlier_handling  TEXT,
    -- Where it came from: 'web' (the portal's forms) or 'api' (another channel).
    channel           TEXT NOT NULL CHECK (channel IN ('web', 'api')),
    -- A pending petition on the same matter from the same person, if there was one when this
    -- arrived: flagged to the citizen and to staff, never silently merged.
    same_matter_as    INTEGER REFERENCES petitions (id),
    received_at       TEXT NOT NULL,
    CONSTRAINT petitions_number_key UNIQUE (number),
    CONSTRAINT petitions_day_sequence_key UNIQUE (received_on, sequence)
);

CREATE INDEX petitions_by_id_number ON petitions (id_number);

CREATE TABLE petition_events (
    id             INTEGER PRIMARY KEY,
    petition_id    INTEGER NOT NULL REFERENCES petitions (id),
    at             TEXT NOT NULL,
    -- What happened, e.g. 'received', 'registered', 'accepted', 'replied'.
    kind           TEXT NOT NULL,
    -- Shown to the citizen on the status page, or internal to staff.
    public         INTEGER NOT NULL CHECK (public IN (0, 1)),
    -- NULL for the citizen or the system.
    actor_staff_id INTEGER REFERENCES staff_users (id),
    text           TEXT NOT NULL
);

CREATE INDEX petition_events_by_petition ON petition_events (petition_id, id);
