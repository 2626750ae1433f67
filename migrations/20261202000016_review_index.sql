-- The workbench lists every case whose 复查 or 复核 still waits, found by the kind of its events:
-- without this index each list would read every event ever recorded.
CREATE INDEX petition_events_by_kind ON petition_events (kind, petition_id);
