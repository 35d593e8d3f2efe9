DROP INDEX IF EXISTS orders_mediator_inbox_idx;
DROP INDEX IF EXISTS orders_business_inbox_idx;
DROP TABLE IF EXISTS odr_cases;
DROP TABLE IF EXISTS settlement_proposals;
