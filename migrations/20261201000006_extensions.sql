-- The days an 'extended' event adds to the handling limit (第34条: once, at most 30).
ALTER TABLE petition_events ADD COLUMN extension_days INTEGER;
