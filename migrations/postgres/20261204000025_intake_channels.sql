-- Every channel in one docket (issue 17): a matter that came by letter, visit, phone, fax, the
-- 12345 hotline or from another body, registered by a clerk, lands in `petitions` with its
-- channel, the clerk who registered it and, for a letter, its postmark (YYYY-MM-DD).
ALTER TABLE petitions DROP CONSTRAINT petitions_channel_check;
ALTER TABLE petitions ADD CONSTRAINT petitions_channel_check
    CHECK (channel IN ('web', 'api', 'letter', 'visit', 'phone', 'fax', 'hotline', 'transfer'));
ALTER TABLE petitions ADD COLUMN postmarked_on TEXT;
ALTER TABLE petitions ADD COLUMN registered_by BIGINT REFERENCES staff_users (id);
CREATE INDEX petitions_by_channel ON petitions (channel, received_on);
