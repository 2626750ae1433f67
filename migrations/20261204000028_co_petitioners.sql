-- Several people, one matter (联名信访, 集体访; issue 17): the petitioners of a matter besides the
-- one who signs it, in the order the clerk typed them; `representative` marks those chosen as
-- representatives of a joint visit (at most five with the signer, 第20条). The same-matter check
-- looks at every petitioner's ID number.
CREATE TABLE co_petitioners (
    id             INTEGER PRIMARY KEY,
    petition_id    INTEGER NOT NULL REFERENCES petitions (id),
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    id_number      TEXT NOT NULL,
    mobile         TEXT,
    representative INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX co_petitioners_by_petition ON co_petitioners (petition_id, position);
CREATE INDEX co_petitioners_by_id_number ON co_petitioners (id_number);
