DROP INDEX order_appeals_subject_amount_idx;
DROP INDEX orders_consumer_complaints_idx;
DROP INDEX order_parties_address_idx;
DROP INDEX order_parties_phone_idx;
ALTER TABLE order_parties DROP CONSTRAINT order_parties_anonymous_no_address,
    DROP COLUMN address_key, DROP COLUMN address;
