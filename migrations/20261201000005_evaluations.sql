-- 满意度评价 (第21条): one per written reply, recorded with its 'evaluated' event.
CREATE TABLE evaluations (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    event_id    INTEGER NOT NULL REFERENCES petition_events (id),
    rating      TEXT NOT NULL CHECK (rating IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
    comment     TEXT,
    at          TEXT NOT NULL
);

CREATE INDEX evaluations_by_petition ON evaluations (petition_id, id);
