-- Applications to join the platform (ODR enterprises, other government departments,
-- international consumer bodies) and the steps each goes through. The competent bureau
-- reviews; reviewers above it see it too, through the bureau's materialised path
-- (organisations.path), so the queue is a join on a path prefix.
CREATE TABLE applications (
    id                  bigserial PRIMARY KEY,
    kind                text NOT NULL CHECK (kind IN ('enterprise', 'department', 'international')),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_en             text CHECK (length(name_en) BETWEEN 1 AND 200),
    -- Enterprises: unified social credit code (GB 32100, check character verified on entry)
    -- and the registered division whose county-level bureau is competent.
    credit_code         text CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
    registered_division text REFERENCES divisions (code),
    competent_bureau_id bigint NOT NULL REFERENCES organisations (id),
    contact_name        text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 100),
    contact_phone       text NOT NULL CHECK (length(contact_phone) BETWEEN 5 AND 30),
    contact_email       text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
    -- The first administrator, invited when the application is approved.
    admin_username      text NOT NULL CHECK (admin_username ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
    admin_display_name  text NOT NULL CHECK (length(admin_display_name) BETWEEN 1 AND 100),
    description         text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    locale              text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
    status              text NOT NULL DEFAULT 'submitted'
                        CHECK (status IN ('submitted', 'approved', 'rejected')),
    decision_reason     text CHECK (length(decision_reason) BETWEEN 1 AND 500),
    decided_by          bigint REFERENCES users (id),
    decided_at          timestamptz,
    created_org_id      bigint REFERENCES organisations (id),
    -- SHA-256 (hex) of the canonical tracking code; the code itself is never stored.
    tracking_hash       text NOT NULL UNIQUE CHECK (tracking_hash ~ '^[0-9a-f]{64}$'),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'enterprise') = (credit_code IS NOT NULL)),
    CHECK (kind <> 'enterprise' OR registered_division IS NOT NULL),
    CHECK ((status = 'submitted') = (decided_at IS NULL)),
    CHECK (status <> 'rejected' OR decision_reason IS NOT NULL),
    CHECK ((status = 'approved') = (created_org_id IS NOT NULL))
);

-- One pending application per credit code and per desired user name (a second one is 409,
-- also when two arrive at once).
CREATE UNIQUE INDEX applications_pending_credit_code
    ON applications (credit_code) WHERE status = 'submitted';
CREATE UNIQUE INDEX applications_pending_admin_username
    ON applications (admin_username) WHERE status = 'submitted';
-- The review queue: a bureau's own and its subtree's applications by status, newest first.
CREATE INDEX applications_queue_idx ON applications (competent_bureau_id, status, id DESC);
CREATE INDEX applications_status_idx ON applications (status, id DESC);

-- The applicant's timeline.
CREATE TABLE application_events (
    id             bigserial PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN
                     ('submitted', 'approved', 'rejected', 'organisation_created', 'invitation_sent')),
    at             timestamptz NOT NULL DEFAULT now(),
    -- The member who acted (null: the applicant).
    actor_user_id  bigint REFERENCES users (id)
);

CREATE INDEX application_events_application_idx ON application_events (application_id, id);
