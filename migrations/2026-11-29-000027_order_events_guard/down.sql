DROP TRIGGER order_events_no_truncate ON order_events;
DROP TRIGGER order_events_append_only ON order_events;
DROP FUNCTION order_events_guard();
CREATE RULE order_events_no_update AS ON UPDATE TO order_events DO INSTEAD NOTHING;
CREATE RULE order_events_no_delete AS ON DELETE TO order_events DO INSTEAD NOTHING;
