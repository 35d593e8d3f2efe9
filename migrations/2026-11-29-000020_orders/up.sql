-- Work orders 工单: one row per appeal (complaint, report, suggestion, consultation), its
-- appeal content (1:1), the filer's identity kept apart from anything a business may see, the
-- append-only event log, and idempotency keys for intake.
--
-- The columns mirror `weiquan_domain::workflow::Order`; the service rebuilds the domain value
-- from them and writes back what `apply` returns. `due_on` / `due_provisional` are
-- materialised from `deadlines()` on every change so inboxes sort and flag overdue by index.
-- `holder_path` is the holding unit's `organisations.path`, so a subtree is a prefix match.
CREATE TABLE orders (
    id               bigserial PRIMARY KEY,
    -- Public, human-readable: WQ + receipt date + the id, e.g. WQ20261129000123.
    number           text NOT NULL UNIQUE CHECK (number ~ '^WQ[0-9]{14,}$'),
    kind             text NOT NULL CHECK (kind IN ('complaint', 'report', 'suggestion', 'consultation')),
    rules            text NOT NULL CHECK (rules IN ('interim2019', 'order121')),
    state            text NOT NULL CHECK (state IN
                       ('received', 'with_enterprise', 'accepted', 'mediating', 'checking',
                        'concluded', 'archived')),
    -- with_enterprise: {"since": date}; checking: {"extended": bool}.
    state_detail     jsonb,
    -- concluded / archived: the domain's Conclusion (serde form).
    conclusion       jsonb,
    received_on      date NOT NULL,
    clock_start      date NOT NULL,
    due_on           date,
    due_provisional  boolean NOT NULL DEFAULT false,
    -- The consumer the rules know (owner actions, notifications); null for an anonymous report.
    consumer_id      bigint REFERENCES users (id),
    -- The account that filed it: only for that consumer's own list; never shown to staff.
    filed_by         bigint NOT NULL REFERENCES users (id),
    holder_org_id    bigint NOT NULL REFERENCES organisations (id),
    holder_path      text NOT NULL,
    handler_id       bigint REFERENCES users (id),
    sender_org_id    bigint REFERENCES organisations (id),
    referral_org_id  bigint REFERENCES organisations (id),
    business_org_id  bigint REFERENCES organisations (id),
    business_odr     boolean NOT NULL DEFAULT false,
    mediator_org_id  bigint REFERENCES organisations (id),
    -- Consent to mediation: {"consumer": bool|null, "business": bool|null}.
    consent          jsonb NOT NULL DEFAULT '{}',
    accepted_on      date,
    clue             jsonb,
    pauses           jsonb NOT NULL DEFAULT '[]',
    rating           smallint CHECK (rating BETWEEN 1 AND 5),
    -- The routing rule applied (`intake_desk` when it went to an intake desk) and the one
    -- that would have applied then.
    routing_rule     text NOT NULL,
    routing_intended text,
    -- The other half of a complaint that is also a report.
    linked_order_id  bigint REFERENCES orders (id),
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((state IN ('concluded', 'archived')) = (conclusion IS NOT NULL)),
    CHECK (kind = 'report' OR consumer_id IS NOT NULL)
);

-- A consumer's own list, newest first (keyset on created_at, id).
CREATE INDEX orders_filed_by_idx ON orders (filed_by, created_at DESC, id DESC);
-- The staff inbox: a subtree (path prefix), optionally one state, by due date.
CREATE INDEX orders_inbox_idx ON orders (holder_path text_pattern_ops, state, due_on, id);
CREATE INDEX orders_inbox_due_idx ON orders (holder_path text_pattern_ops, due_on, id);
-- Wide subtrees (a province, the country): walk by due date and filter by path, so the first
-- page stops after a few rows instead of sorting millions.
CREATE INDEX orders_due_idx ON orders (due_on, id);
CREATE INDEX orders_state_due_idx ON orders (state, due_on, id);

-- What the appeal says (visible to staff and, for complaints, to the enterprise concerned).
CREATE TABLE order_appeals (
    order_id          bigint PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    business_name     text CHECK (length(business_name) BETWEEN 1 AND 200),
    credit_code       text CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
    business_division text REFERENCES divisions (code),
    business_address  text CHECK (length(business_address) <= 300),
    -- offline, ecommerce_operator or platform_merchant.
    channel           text CHECK (channel IN ('offline', 'ecommerce_operator', 'platform_merchant')),
    platform          text CHECK (length(platform) BETWEEN 1 AND 200),
    platform_division text REFERENCES divisions (code),
    conduct_division  text REFERENCES divisions (code),
    item              text CHECK (length(item) BETWEEN 1 AND 200),
    bought_on         date,
    amount_fen        bigint CHECK (amount_fen >= 0),
    request           text CHECK (length(request) <= 2000),
    facts             text NOT NULL CHECK (length(facts) BETWEEN 1 AND 5000),
    category          text CHECK (length(category) <= 100)
);

-- Who filed it, kept apart from the appeal: never shown to a business; for an anonymous
-- report nothing but the flag.
CREATE TABLE order_parties (
    order_id     bigint PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    anonymous    boolean NOT NULL,
    user_id      bigint REFERENCES users (id),
    display_name text,
    phone        text,
    CHECK (NOT anonymous OR (user_id IS NULL AND display_name IS NULL AND phone IS NULL))
);

-- Every change to an order, append-only.
CREATE TABLE order_events (
    id            bigserial PRIMARY KEY,
    order_id      bigint NOT NULL REFERENCES orders (id),
    seq           integer NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    -- anonymous, consumer, member, client or scheduler.
    actor_kind    text NOT NULL,
    actor_user_id bigint REFERENCES users (id),
    actor_org_id  bigint REFERENCES organisations (id),
    -- `received` for intake, else the domain's CommandKind.
    command       text NOT NULL,
    from_state    text,
    to_state      text NOT NULL,
    public        boolean NOT NULL,
    reason        text CHECK (length(reason) <= 2000),
    data          jsonb NOT NULL DEFAULT '{}',
    UNIQUE (order_id, seq)
);

CREATE RULE order_events_no_update AS ON UPDATE TO order_events DO INSTEAD NOTHING;
CREATE RULE order_events_no_delete AS ON DELETE TO order_events DO INSTEAD NOTHING;

-- Intake retries: the same key from the same caller answers the first result.
CREATE TABLE idempotency_keys (
    caller_id    bigint NOT NULL REFERENCES users (id),
    key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
    response     jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
