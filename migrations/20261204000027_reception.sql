-- 网上预约走访 (issue 17): the reception sessions the bureau publishes (日常接访, 领导接访日 with
-- the leader's name and office), their time slots with a capacity, and the places citizens
-- booked. `booked` counts a slot's places held (booked, arrived, no-show), kept by the same
-- conditional UPDATE that takes a place, so two bookings of the last place cannot both win on
-- any backend. One mobile holds one place in a slot (cancelled bookings aside). The booking's
-- code is kept as a keyed hash, as a 查询码.
CREATE TABLE reception_sessions (
    id           INTEGER PRIMARY KEY,
    day          TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('ordinary', 'leader')),
    leader       TEXT,
    office       TEXT,
    place        TEXT NOT NULL,
    starts       TEXT NOT NULL,
    created_by   INTEGER REFERENCES staff_users (id),
    created_at   TEXT NOT NULL,
    cancelled_at TEXT
);
CREATE INDEX reception_sessions_by_day ON reception_sessions (day);
CREATE TABLE reception_slots (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES reception_sessions (id),
    starts     TEXT NOT NULL,
    ends       TEXT NOT NULL,
    capacity   INTEGER NOT NULL CHECK (capacity > 0),
    booked     INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX reception_slots_by_session ON reception_slots (session_id);
CREATE TABLE bookings (
    id          INTEGER PRIMARY KEY,
    number      TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    slot_id     INTEGER NOT NULL REFERENCES reception_slots (id),
    name        TEXT NOT NULL,
    mobile      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'arrived', 'no_show')),
    booked_at   TEXT NOT NULL,
    changed_at  TEXT,
    changed_by  INTEGER REFERENCES staff_users (id),
    case_number TEXT,
    CONSTRAINT bookings_number_key UNIQUE (number)
);
CREATE UNIQUE INDEX bookings_one_place_per_mobile ON bookings (slot_id, mobile)
    WHERE status <> 'cancelled';
CREATE INDEX bookings_by_slot ON bookings (slot_id);
