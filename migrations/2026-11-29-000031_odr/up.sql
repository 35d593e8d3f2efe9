-- Enterprise self-settlement (ODR): the enterprise's proposals and one record per complaint
-- sent to an enterprise (its deadline, first answer and outcome, for the statistics).

CREATE TABLE settlement_proposals (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    -- Who proposed: an enterprise member, or one of its API clients.
    proposed_by_user bigint REFERENCES users (id),
    proposed_by_client bigint REFERENCES api_clients (id),
    enterprise_org_id bigint NOT NULL REFERENCES organisations (id),
    remedy text NOT NULL
        CHECK (remedy IN ('refund', 'replacement', 'repair', 'compensation', 'other')),
    amount_fen bigint CHECK (amount_fen >= 0),
    terms text NOT NULL CHECK (length(terms) BETWEEN 1 AND 2000),
    -- `lapsed`: still pending when the complaint left the enterprise (expired, recalled,
    -- withdrawn, or sent to the bureau by the consumer without an answer).
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'rejected', 'superseded', 'lapsed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz,
    reject_reason text,
    CHECK (proposed_by_user IS NOT NULL OR proposed_by_client IS NOT NULL)
);

-- At most one pending proposal per order; an order's proposals newest first.
CREATE UNIQUE INDEX settlement_proposals_pending_idx
    ON settlement_proposals (order_id) WHERE status = 'pending';
CREATE INDEX settlement_proposals_order_idx ON settlement_proposals (order_id, id DESC);

CREATE TABLE odr_cases (
    order_id bigint PRIMARY KEY REFERENCES orders (id),
    enterprise_org_id bigint NOT NULL REFERENCES organisations (id),
    dispatched_on date NOT NULL,
    due_on date,
    -- The enterprise's first proposal (or, once wired, its first dialogue message).
    first_answer_at timestamptz,
    dispatched_at timestamptz NOT NULL DEFAULT now(),
    outcome text CHECK (outcome IN ('settled', 'rejected', 'expired', 'recalled', 'withdrawn')),
    ended_at timestamptz
);

-- The statistics: an enterprise's cases by dispatch day.
CREATE INDEX odr_cases_stats_idx ON odr_cases (enterprise_org_id, dispatched_on);
-- The timeout scan reads orders (`state = 'with_enterprise'`, due date on the order, kept
-- current by calendar changes) through orders_state_due_idx; this one serves "open cases by
-- due date" for supervision.
CREATE INDEX odr_cases_open_due_idx ON odr_cases (due_on) WHERE outcome IS NULL;

-- The enterprise inbox (complaints about it) and the association inbox (delegated to it),
-- keyset by due date like the staff inbox.
CREATE INDEX orders_business_inbox_idx ON orders (business_org_id, due_on, id)
    WHERE business_org_id IS NOT NULL;
CREATE INDEX orders_mediator_inbox_idx ON orders (mediator_org_id, due_on, id)
    WHERE mediator_org_id IS NOT NULL;
