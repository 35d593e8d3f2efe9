-- Evidence attachments 证据材料. The bytes live outside the database, under ATTACHMENTS_DIR,
-- at <dir>/<ab>/<cd>/<sha256> (content-addressed: the same file uploaded twice is stored
-- once); a row is one upload by one account, with the type sniffed from its content and the
-- display name it was sent under. An upload belongs to no order until a submission names it;
-- then `order_attachments` links it to the order (both orders of a complaint filed also as a
-- report). Uploads no submission used are pruned after 24 hours (`weiquan attachments
-- prune`), and a file is deleted when no row names its hash any more.
CREATE TABLE attachments (
    id           bigserial PRIMARY KEY,
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    media_type   text NOT NULL CHECK (media_type IN
                   ('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic',
                    'image/heif', 'application/pdf')),
    size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
    file_name    text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
    uploaded_by  bigint NOT NULL REFERENCES users (id),
    -- Set when a submission attaches it (in the same transaction as the order rows).
    attached_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Pruning finds old unattached uploads, and whether a file is still referenced.
CREATE INDEX attachments_unattached ON attachments (created_at) WHERE attached_at IS NULL;
CREATE INDEX attachments_sha256 ON attachments (sha256);
CREATE INDEX attachments_uploaded_by ON attachments (uploaded_by);

CREATE TABLE order_attachments (
    order_id       bigint NOT NULL REFERENCES orders (id),
    attachment_id  bigint NOT NULL REFERENCES attachments (id),
    -- The order in which the submission listed them, from 0.
    position       smallint NOT NULL CHECK (position BETWEEN 0 AND 8),
    PRIMARY KEY (order_id, attachment_id),
    UNIQUE (order_id, position)
);

CREATE INDEX order_attachments_attachment ON order_attachments (attachment_id);
