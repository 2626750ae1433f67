-- Who sent a file that no petition or application has taken yet (the client's address, as the
-- throttles count it), for the quotas on unsent uploads. Cleared when the file is taken.
ALTER TABLE attachments ADD COLUMN unsent_from TEXT;
CREATE INDEX attachments_unsent ON attachments (unsent_from) WHERE petition_id IS NULL AND legal_aid_id IS NULL;
