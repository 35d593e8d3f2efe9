-- The three-party dialogue 三方对话 of a work order (rules: `weiquan_domain::dialogue`).
--
-- `order_messages` is append-only like the order's history (a trigger refuses UPDATE, DELETE
-- and TRUNCATE): what was said in a mediation is a record. A message is written by a user
-- (consumer, enterprise member, staff), by an enterprise's API client, or by the platform
-- (`system`, no author). `author_org_id` is the unit the author spoke for (staff, business).
-- Internal notes (`internal`) are written by staff and read only by staff.
CREATE TABLE order_messages (
    id               bigserial PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES orders (id),
    author_user_id   bigint REFERENCES users (id),
    author_client_id bigint REFERENCES api_clients (id),
    author_party     text NOT NULL CHECK (author_party IN ('consumer', 'business', 'mediator', 'system')),
    author_org_id    bigint REFERENCES organisations (id),
    internal         boolean NOT NULL DEFAULT false,
    body             text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (author_user_id IS NULL OR author_client_id IS NULL),
    CHECK ((author_party = 'system') = (author_user_id IS NULL AND author_client_id IS NULL)),
    CHECK (author_client_id IS NULL OR author_party = 'business'),
    CHECK (NOT internal OR author_party IN ('mediator', 'system'))
);

-- A dialogue page, the replay after Last-Event-ID and the unread counts all read one order's
-- messages by id.
CREATE INDEX order_messages_order_idx ON order_messages (order_id, id);

-- Files a message carries: uploads (`attachments`) of its author, at most 9, in order.
CREATE TABLE order_message_attachments (
    message_id     bigint NOT NULL REFERENCES order_messages (id),
    attachment_id  bigint NOT NULL REFERENCES attachments (id),
    position       smallint NOT NULL CHECK (position BETWEEN 0 AND 8),
    PRIMARY KEY (message_id, attachment_id),
    UNIQUE (message_id, position)
);

CREATE INDEX order_message_attachments_attachment ON order_message_attachments (attachment_id);

-- How far each user has read each dialogue (a message id; only ever moves forward). `party`
-- is the side they read for, so read receipts are one grouped read of the order's rows.
CREATE TABLE dialogue_reads (
    order_id    bigint NOT NULL REFERENCES orders (id),
    user_id     bigint NOT NULL REFERENCES users (id),
    party       text NOT NULL CHECK (party IN ('consumer', 'business', 'mediator')),
    read_up_to  bigint NOT NULL CHECK (read_up_to > 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, user_id)
);

CREATE INDEX dialogue_reads_user ON dialogue_reads (user_id, order_id);

-- The unread summary (`GET /dialogues/unread`) starts from the orders a caller takes part in:
-- an enterprise's complaints, an association's delegated orders (a consumer's own and a
-- unit's open orders have their indexes already).
CREATE INDEX orders_dialogue_business_idx ON orders (business_org_id, id)
    WHERE business_org_id IS NOT NULL;
CREATE INDEX orders_dialogue_mediator_idx ON orders (mediator_org_id, id)
    WHERE mediator_org_id IS NOT NULL;

CREATE FUNCTION order_messages_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER order_messages_append_only BEFORE UPDATE OR DELETE ON order_messages
    FOR EACH ROW EXECUTE FUNCTION order_messages_guard();
CREATE TRIGGER order_messages_no_truncate BEFORE TRUNCATE ON order_messages
    FOR EACH STATEMENT EXECUTE FUNCTION order_messages_guard();
CREATE TRIGGER order_message_attachments_append_only BEFORE UPDATE OR DELETE
    ON order_message_attachments FOR EACH ROW EXECUTE FUNCTION order_messages_guard();
CREATE TRIGGER order_message_attachments_no_truncate BEFORE TRUNCATE
    ON order_message_attachments FOR EACH STATEMENT EXECUTE FUNCTION order_messages_guard();
