-- 督办函、提醒函、建议函 (issue 18; 信访工作条例 第38–40条): the letters the bureau sends a unit,
-- each numbered within its kind and year (the number as printed is kept, so a pattern changed
-- in the config never renumbers an old letter), with the day the unit must answer by and the
-- unit's answer (adopted, partly, not adopted, with its text) once recorded. A letter may name
-- cases: a 督办函 or 提醒函 also puts a letter event on each, in the same transaction.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('supervision', 'work_reminder', 'risk_reminder',
                    'improve_work', 'improve_policy', 'accountability')),
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    number      TEXT NOT NULL UNIQUE,
    unit_code   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    reply_by    TEXT NOT NULL,
    issued_at   TEXT NOT NULL,
    issued_by   INTEGER REFERENCES staff_users (id),
    answer      TEXT CHECK (answer IN ('adopted', 'partly', 'not_adopted')),
    answer_text TEXT,
    answered_at TEXT,
    answered_by INTEGER REFERENCES staff_users (id),
    UNIQUE (kind, year, seq)
);
CREATE INDEX letters_by_unit ON letters (unit_code, issued_at);
CREATE TABLE letter_cases (
    letter_id   INTEGER NOT NULL REFERENCES letters (id),
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    PRIMARY KEY (letter_id, petition_id)
);
CREATE INDEX letter_cases_by_petition ON letter_cases (petition_id);
