-- Notifications (issue 16). What a citizen asked to be told through, per matter (their choice on
-- the form or the API's "notify"), and the outbox: every message, written in the transaction of
-- the event that causes it and sent afterwards by one server's worker. Times compared are Unix
-- milliseconds; `created_at` and `sent_at` are RFC 3339 for people.
CREATE TABLE notify_subscriptions (
    -- 'petition' or 'legal_aid', and that matter's id.
    subject    TEXT NOT NULL CHECK (subject IN ('petition', 'legal_aid')),
    subject_id BIGINT NOT NULL,
    -- The mobile given on the form when SMS was chosen; the email address when one was given.
    sms_to     TEXT,
    email_to   TEXT,
    -- The language the citizen used: hans, hant or en.
    lang       TEXT NOT NULL,
    -- When the citizen stopped messages for this matter from its status page.
    stopped_at TEXT,
    PRIMARY KEY (subject, subject_id)
);

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    -- Stable per notification (the matter, the event, the channel): the gateway's and the mail's
    -- idempotency key, and what keeps an event from being queued twice.
    key              TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient        TEXT NOT NULL,
    lang             TEXT NOT NULL,
    -- The message (a catalogue id with its arguments, JSON): the SMS template and its parameters.
    message          TEXT NOT NULL,
    subject          TEXT,
    subject_id       BIGINT,
    created_at       TEXT NOT NULL,
    -- Not sent before (the night hold, a retry's backoff).
    due_ms           BIGINT NOT NULL,
    -- Held by a sender until then (one that dies mid-send lets it go when this passes).
    claimed_until_ms BIGINT NOT NULL DEFAULT 0,
    attempts         BIGINT NOT NULL DEFAULT 0,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'stopped')),
    last_error       TEXT,
    sent_at          TEXT,
    -- When a delivered or given-up row may be deleted (the config's retention).
    expires_ms       BIGINT,
    CONSTRAINT outbox_key UNIQUE (key)
);
CREATE INDEX outbox_due ON outbox (state, due_ms);
CREATE INDEX outbox_subject ON outbox (subject, subject_id);

-- Each try to send, for the workbench and for the record.
CREATE TABLE outbox_attempts (
    id        INTEGER PRIMARY KEY,
    outbox_id BIGINT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    ok        INTEGER NOT NULL CHECK (ok IN (0, 1)),
    detail    TEXT NOT NULL
);
CREATE INDEX outbox_attempts_by_row ON outbox_attempts (outbox_id);
