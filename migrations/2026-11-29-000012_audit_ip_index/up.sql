-- Administrators search the audit log by address ("what else came from this IP?").
CREATE INDEX audit_log_ip_at_idx ON audit_log (ip, at DESC, id DESC) WHERE ip IS NOT NULL;
