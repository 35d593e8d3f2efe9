DROP INDEX orders_open_due_idx;
CREATE INDEX orders_open_due_idx ON orders (due_on, id) INCLUDE (holder_path)
    WHERE state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking');
DROP TRIGGER orders_open_count_reset ON orders;
DROP FUNCTION order_open_count_reset();
DROP TRIGGER orders_open_count ON orders;
DROP FUNCTION order_open_count_track();
DROP TABLE order_open_count_deltas;
DROP TABLE order_open_counts;
