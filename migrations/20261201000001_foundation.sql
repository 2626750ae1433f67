-- Foundation: facts about the installation, and staff accounts.
-- Migrations are append-only: once landed, a file is never edited; a change is a new file.

-- Key-value facts about this installation (e.g. when the demo content was seeded), so that
-- seeding happens once even if every seeded record is later deleted.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Staff who sign in to the workbench. Passwords are argon2id PHC strings, never plain text.
-- unit_code ties 承办单位 staff to one handling unit from the bureau config; other roles have none.
CREATE TABLE staff_users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL
                  CHECK (role IN ('registrar', 'unit_staff', 'supervisor', 'admin', 'legal_aid')),
    unit_code     TEXT,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT staff_users_username_key UNIQUE (username),
    CONSTRAINT staff_users_unit_role CHECK ((role = 'unit_staff') = (unit_code IS NOT NULL))
);
