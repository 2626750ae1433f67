-- Attachments of web petitions, and the answer of the route check (路线图).

-- A file is recorded when it is uploaded (its bytes already synced to disk under the data dir),
-- before the petition exists; the petition's insert links it in the same transaction.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    -- Random 128-bit token (32 hex digits): the file's name on disk and its handle in the form.
    token         TEXT NOT NULL,
    petition_id   INTEGER REFERENCES petitions (id),
    -- What the citizen called it (folders and control characters removed); shown, never used as a path.
    original_name TEXT NOT NULL,
    -- Decided by the file's content, never by its name or declared type.
    media_type    TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes    INTEGER NOT NULL,
    uploaded_at   TEXT NOT NULL,
    CONSTRAINT attachments_token_key UNIQUE (token)
);

CREATE INDEX attachments_by_petition ON attachments (petition_id);

-- What the citizen answered in the route check ('petition', 'officials'); NULL where none was asked.
ALTER TABLE petitions ADD COLUMN route_check TEXT;
