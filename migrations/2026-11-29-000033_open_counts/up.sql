-- Counts of open orders that stay flat however many orders a subtree holds (issue 6).
--
-- The inbox's counts were one index-only pass over a subtree's open orders: a province with
-- ten times the daily volume read ten times the rows. Instead, every change of an order's
-- state, kind or holder is recorded as a delta row (+1 / -1) by a trigger, in the transaction
-- of the change; a job folds the deltas into one row per (unit, state, kind) every minute.
-- A count is then the sum of at most 5 states × 4 kinds rows per unit, plus the deltas not
-- yet folded: bounded by the number of units and by a minute's changes, not by the orders.
--
-- Deltas are appended, never updated, so concurrent intakes in one county never wait for
-- each other on a counter row (a single counter row per county would serialise them until
-- commit). Folding deletes the deltas it read and adds them to the totals in one
-- transaction, and a count reads both tables in one statement (one snapshot), so a count is
-- exact at every moment, folded or not.
--
-- The open states are those of `State::OPEN_NAMES` (api/domain/src/workflow), as in the
-- partial indexes of 000026; api/db/tests (open_counts) checks the totals against a count of
-- the orders themselves after every kind of change.

CREATE TABLE order_open_counts (
    holder_path text NOT NULL,
    state       text NOT NULL,
    kind        text NOT NULL,
    n           bigint NOT NULL,
    PRIMARY KEY (holder_path, state, kind)
);
-- A subtree's rows: a prefix of the path (the database's collation is not C).
CREATE INDEX order_open_counts_path_idx ON order_open_counts (holder_path text_pattern_ops);

CREATE TABLE order_open_count_deltas (
    holder_path text NOT NULL,
    state       text NOT NULL,
    kind        text NOT NULL,
    n           integer NOT NULL CHECK (n IN (-1, 1))
);
CREATE INDEX order_open_count_deltas_path_idx ON order_open_count_deltas (holder_path text_pattern_ops);

CREATE FUNCTION order_open_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    open_states constant text[] := ARRAY['received', 'with_enterprise', 'accepted', 'mediating', 'checking'];
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.state, OLD.kind, OLD.holder_path)
            IS NOT DISTINCT FROM (NEW.state, NEW.kind, NEW.holder_path) THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = ANY (open_states) THEN
        INSERT INTO order_open_count_deltas VALUES (OLD.holder_path, OLD.state, OLD.kind, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = ANY (open_states) THEN
        INSERT INTO order_open_count_deltas VALUES (NEW.holder_path, NEW.state, NEW.kind, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER orders_open_count AFTER INSERT OR DELETE OR UPDATE OF state, kind, holder_path
    ON orders FOR EACH ROW EXECUTE FUNCTION order_open_count_track();

-- TRUNCATE orders (a bulk reload) takes the counts with it; a reload recounts them with
-- the statement below.
CREATE FUNCTION order_open_count_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE order_open_counts, order_open_count_deltas;
    RETURN NULL;
END
$$;
CREATE TRIGGER orders_open_count_reset AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_open_count_reset();

INSERT INTO order_open_counts (holder_path, state, kind, n)
SELECT holder_path, state, kind, count(*) FROM orders
WHERE state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking')
GROUP BY holder_path, state, kind;

-- The overdue part of a count: open orders past due, by due date, with what the count groups
-- and filters by (an index-only scan; the number of overdue orders is a small share of the
-- open ones, 1-2% in the national-shape data).
DROP INDEX orders_open_due_idx;
CREATE INDEX orders_open_due_idx ON orders (due_on, id) INCLUDE (holder_path, state, kind)
    WHERE state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking');
