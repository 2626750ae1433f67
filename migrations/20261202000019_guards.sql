-- What the guards remember, shared by every server of a portal (kernel::guard): failed guesses
-- per scope (`lookup:key`, `sign_in:client` …) and subject (a petition number, an account, a
-- client address), and the filings counted against each client, ID number and mobile. Times are
-- Unix milliseconds. Both are swept once nothing looks at a row any more (a day at most).
CREATE TABLE throttle_failures (
    scope           TEXT NOT NULL,
    subject         TEXT NOT NULL,
    failures        BIGINT NOT NULL,
    last_failure_ms BIGINT NOT NULL,
    PRIMARY KEY (scope, subject)
);
CREATE INDEX throttle_failures_last ON throttle_failures (last_failure_ms);

CREATE TABLE filing_charges (
    subject TEXT NOT NULL,
    at_ms   BIGINT NOT NULL
);
CREATE INDEX filing_charges_subject ON filing_charges (subject, at_ms);
CREATE INDEX filing_charges_at ON filing_charges (at_ms);

-- Periodic work, run by one server of the portal per period: whoever moves `next_ms` on runs it.
CREATE TABLE periodic_runs (
    job     TEXT PRIMARY KEY,
    next_ms BIGINT NOT NULL,
    runs    BIGINT NOT NULL
);
