DROP TABLE audit_log;
DROP TABLE audit_chain;
DROP FUNCTION audit_log_guard();
DROP FUNCTION audit_chain_guard();
