DROP INDEX audit_log_ip_at_idx;
