DROP INDEX orders_escalated_idx;
ALTER TABLE orders DROP COLUMN escalated_due_on;
ALTER TABLE orders DROP COLUMN escalated_at;
