-- Art. 17 signals (`weiquan_domain::signals`): the counts the handler's view gathers must stay
-- cheap at national scale, so each has its own index.
--
-- The complainant's contact details as given on the appeal (Art. 10: phone and postal
-- address), and the address normalised by `weiquan_domain::signals::address_key` so that
-- spacing, full-width characters and punctuation do not hide a shared address.
ALTER TABLE order_parties
    ADD COLUMN address     text CHECK (length(address) BETWEEN 1 AND 300),
    ADD COLUMN address_key text CHECK (length(address_key) BETWEEN 1 AND 300),
    ADD CONSTRAINT order_parties_anonymous_no_address CHECK (NOT anonymous OR address IS NULL);

-- "Several complainants sharing a phone or an address": distinct filers per phone / address.
CREATE INDEX order_parties_phone_idx ON order_parties (phone, user_id) WHERE phone IS NOT NULL;
CREATE INDEX order_parties_address_idx ON order_parties (address_key, user_id)
    WHERE address_key IS NOT NULL;
-- "The same complainant with many complaints in a short period".
CREATE INDEX orders_consumer_complaints_idx ON orders (consumer_id, received_on)
    WHERE kind = 'complaint';
-- "An amount out of line": the latest amounts of complaints in the same leaf category.
CREATE INDEX order_appeals_subject_amount_idx ON order_appeals (subject_category, order_id DESC)
    WHERE amount_fen IS NOT NULL;
