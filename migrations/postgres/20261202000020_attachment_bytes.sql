-- Uploaded files' bytes, in the database beside their records (kernel::files): every server of a
-- portal reads every file, a file is durable with the commit that records it, and a backup of
-- the database (VACUUM INTO, pg_dump) holds the files. A file is kept in pieces of 256 KiB,
-- written and read one at a time, so that no file is ever held in memory whole while it is
-- stored. Files kept on disk by earlier versions are moved in when the server starts.
CREATE TABLE attachment_chunks (
    token TEXT NOT NULL,
    seq   BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (token, seq)
);
