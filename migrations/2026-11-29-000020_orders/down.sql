DROP TABLE idempotency_keys;
DROP TABLE order_events;
DROP TABLE order_parties;
DROP TABLE order_appeals;
DROP TABLE orders;
