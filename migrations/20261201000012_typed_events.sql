-- Events as typed values: `data` holds the event as JSON (its kind's fields: a unit, a reason,
-- a note, an outcome, a rating, days, a date), written with every new event. `kind` stays, for
-- reading by SQL (the store binds its values from the one mapping in the code). Rows written
-- before this migration are filled in once at start from their other columns (the store's
-- `upgrade_legacy_events`); `text` keeps the Simplified wording as it was shown.
ALTER TABLE petition_events ADD COLUMN data TEXT;
ALTER TABLE legal_aid_events ADD COLUMN data TEXT;
