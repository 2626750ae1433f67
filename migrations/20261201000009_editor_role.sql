-- 内容编辑 (role 'editor'): staff who write and publish the 普法园地 guides and see no cases.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt as SQLite's
-- documentation prescribes (create, copy, drop, rename). Migrations run on a connection with
-- foreign keys off, so the drop does not touch the rows that refer to staff; the foreign keys
-- are checked after the migrations (`store::migrate`).
CREATE TABLE staff_users_new (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL
                  CHECK (role IN ('registrar', 'unit_staff', 'supervisor', 'admin', 'legal_aid',
                                  'editor')),
    unit_code     TEXT,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT staff_users_username_key UNIQUE (username),
    CONSTRAINT staff_users_unit_role CHECK ((role = 'unit_staff') = (unit_code IS NOT NULL))
);
INSERT INTO staff_users_new (id, username, display_name, role, unit_code, password_hash,
                             created_at, disabled)
    SELECT id, username, display_name, role, unit_code, password_hash, created_at, disabled
    FROM staff_users;
DROP TABLE staff_users;
ALTER TABLE staff_users_new RENAME TO staff_users;
