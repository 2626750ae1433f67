-- Every channel in one docket (issue 17): a matter that came by letter, visit, phone, fax, the
-- 12345 hotline or from another body, registered by a clerk, lands in `petitions` with its
-- channel, the clerk who registered it and, for a letter, its postmark. SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt as its documentation prescribes (create,
-- copy, drop, rename) on the migrations' connection, whose foreign keys are off; they are checked
-- after the migrations (`store::migrate`).
CREATE TABLE petitions_new (
    id                INTEGER PRIMARY KEY,
    -- XF + received date + daily sequence; read out over the phone.
    number            TEXT NOT NULL,
    -- Received date in Asia/Shanghai (YYYY-MM-DD) and the day's sequence, which make the number.
    -- For a letter, the day the bureau received it (which starts the clock).
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
    -- Where it came from: 'web' (the portal's forms), 'api' (another system), or registered by a
    -- clerk: 'letter' (来信), 'visit' (来访), 'phone' (电话), 'fax' (传真), 'hotline' (12345),
    -- 'transfer' (from another body).
    channel           TEXT NOT NULL CHECK (channel IN ('web', 'api', 'letter', 'visit', 'phone',
                                                       'fax', 'hotline', 'transfer')),
    -- A pending petition on the same matter from the same person, if there was one when this
    -- arrived: flagged to staff, never silently merged.
    same_matter_as    INTEGER REFERENCES petitions (id),
    received_at       TEXT NOT NULL,
    route_check       TEXT,
    reported          TEXT,
    reported_unit     TEXT,
    -- A letter's postmark (YYYY-MM-DD), as the clerk read it.
    postmarked_on     TEXT,
    -- The clerk who registered it (none for the web forms and the API).
    registered_by     INTEGER REFERENCES staff_users (id),
    CONSTRAINT petitions_number_key UNIQUE (number),
    CONSTRAINT petitions_day_sequence_key UNIQUE (received_on, sequence)
);
INSERT INTO petitions_new (id, number, received_on, sequence, query_code_hash, category,
                           petitioner_name, id_number, mobile, address, district, unit_code, title,
                           request, facts_and_reasons, place_and_time, earlier_handling, channel,
                           same_matter_as, received_at, route_check, reported, reported_unit)
    SELECT id, number, received_on, sequence, query_code_hash, category, petitioner_name,
           id_number, mobile, address, district, unit_code, title, request, facts_and_reasons,
           place_and_time, earlier_handling, channel, same_matter_as, received_at, route_check,
           reported, reported_unit
    FROM petitions;
DROP TABLE petitions;
ALTER TABLE petitions_new RENAME TO petitions;
CREATE INDEX petitions_by_id_number ON petitions (id_number);
CREATE INDEX petitions_by_mobile ON petitions (mobile);
CREATE INDEX petitions_by_channel ON petitions (channel, received_on);
