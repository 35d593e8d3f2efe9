-- The staff inbox at national scale (issue 4): text search in Chinese, category and handler
-- filters, and the open orders that counts and the supervision list read.
--
-- Open orders are a small, bounded share of the table (a few million nationally at any time,
-- against half a billion over ten years), so everything that reads "open only" uses partial
-- indexes over them; closed orders are only ever listed page by page on the full indexes of
-- 2026-11-29-000020_orders.

-- Trigrams of Chinese text need a UTF-8 ctype (the database is created with C.UTF-8).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- `q`: substring search over the business name and the facts. Queries of 3 or more characters
-- use this index; 1-2 characters (no trigram) fall back to a scan of the other filters' rows.
CREATE INDEX order_appeals_search_idx ON order_appeals
    USING gin ((coalesce(business_name, '') || ' ' || facts) gin_trgm_ops);

-- `category`: a subject code or the prefix of one (a parent category matches its children).
CREATE INDEX order_appeals_category_idx ON order_appeals (subject_category text_pattern_ops);

-- `assigned=me`: one handler's orders by due date.
CREATE INDEX orders_handler_idx ON orders (handler_id, due_on, id) WHERE handler_id IS NOT NULL;

-- Open orders of a subtree by due date: counts (an index-only scan: the columns the filters
-- read are included) and narrow inboxes and supervision lists.
CREATE INDEX orders_open_idx ON orders (holder_path text_pattern_ops, due_on, id)
    INCLUDE (state, kind, handler_id, received_on)
    WHERE state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking');

-- Wide subtrees (a province, the country): the oldest overdue open orders first, walking by
-- due date and filtering by path.
CREATE INDEX orders_open_due_idx ON orders (due_on, id) INCLUDE (holder_path)
    WHERE state IN ('received', 'with_enterprise', 'accepted', 'mediating', 'checking');
