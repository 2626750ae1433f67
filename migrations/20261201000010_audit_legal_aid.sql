-- Views of a legal-aid application and openings of its files are audited like a petition's, so
-- the audit log names the application.
ALTER TABLE audit_log ADD COLUMN legal_aid_id INTEGER REFERENCES legal_aid_applications (id);

CREATE INDEX audit_log_by_legal_aid ON audit_log (legal_aid_id, id);
