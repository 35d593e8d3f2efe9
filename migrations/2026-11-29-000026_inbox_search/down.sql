DROP INDEX IF EXISTS orders_open_due_idx;
DROP INDEX IF EXISTS orders_open_idx;
DROP INDEX IF EXISTS orders_handler_idx;
DROP INDEX IF EXISTS order_appeals_category_idx;
DROP INDEX IF EXISTS order_appeals_search_idx;
DROP EXTENSION IF EXISTS pg_trgm;
