-- The transactional outbox: messages (SMS, email) are rows written in the same transaction
-- as the change that causes them, and a relay in every server instance sends them
-- (api/services/src/outbox.rs). 'sending' rows are leased: next_attempt_at is when the lease
-- ends, after which another relay may take the message over (its sender crashed).
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    channel         text NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient       text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 320),
    locale          text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
    template        text NOT NULL CHECK (template ~ '^[a-z][a-z0-9_]{0,63}$'),
    -- The template's fields. Cleared once sent: it may hold a one-time code.
    payload         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'parked')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

-- The relay's query: due messages, oldest due first. Partial, so sent and parked rows (almost
-- all of them) are not in it.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
-- Administrators list parked messages, newest first.
CREATE INDEX outbox_parked_idx ON outbox (id DESC) WHERE status = 'parked';
-- Removing old sent messages.
CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE status = 'sent';
