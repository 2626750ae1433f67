-- The last sequence number given out per series (petitions, legal-aid applications) and day,
-- taken and raised in one statement (kernel::store::next_in_day): two servers on one database
-- never take the same number. Filled from what was numbered already.
CREATE TABLE day_sequences (
    series TEXT NOT NULL,
    day    TEXT NOT NULL,
    last   BIGINT NOT NULL,
    PRIMARY KEY (series, day)
);
INSERT INTO day_sequences (series, day, last)
    SELECT 'petition', received_on, MAX(sequence) FROM petitions GROUP BY received_on;
INSERT INTO day_sequences (series, day, last)
    SELECT 'legal_aid', received_on, MAX(sequence) FROM legal_aid_applications GROUP BY received_on;
