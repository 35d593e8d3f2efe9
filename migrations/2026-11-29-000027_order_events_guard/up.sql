-- order_events is the order's history: appended, never changed. The rules of 000020 made an
-- UPDATE or DELETE silently do nothing, so a bug that tried to rewrite history would have
-- "succeeded" unseen. A trigger refuses it loudly instead (as audit_log does), TRUNCATE too.
DROP RULE order_events_no_update ON order_events;
DROP RULE order_events_no_delete ON order_events;

CREATE FUNCTION order_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'order_events is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON order_events
    FOR EACH ROW EXECUTE FUNCTION order_events_guard();
CREATE TRIGGER order_events_no_truncate BEFORE TRUNCATE ON order_events
    FOR EACH STATEMENT EXECUTE FUNCTION order_events_guard();
