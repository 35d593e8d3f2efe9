-- Accounts. Consumers sign in with their mobile number; members of organisations (bureau and
-- station staff, associations, enterprises, departments, international bodies) with a user
-- name their administrator gave them. Secrets are stored only as hashes or encrypted.
CREATE TABLE users (
    id                  bigserial PRIMARY KEY,
    kind                text NOT NULL CHECK (kind IN ('consumer', 'member')),
    org_id              bigint REFERENCES organisations (id),
    -- Consumers: mainland mobile number, 11 digits starting with 1.
    phone               text UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    -- Members: lower-case login name.
    username            text UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
    email               text CHECK (length(email) <= 254),
    display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    -- argon2id PHC string; null while an invitation is open.
    password_hash       text,
    status              text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled')),
    -- TOTP secret, AES-256-GCM encrypted; enabled once the first code is confirmed.
    totp_secret         bytea,
    totp_enabled_at     timestamptz,
    totp_last_step      bigint,
    password_changed_at timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'member') = (org_id IS NOT NULL)),
    CHECK (kind <> 'consumer' OR phone IS NOT NULL),
    CHECK (kind <> 'member' OR username IS NOT NULL),
    CHECK (status = 'invited' OR password_hash IS NOT NULL)
);

CREATE INDEX users_org_idx ON users (org_id, display_name) WHERE org_id IS NOT NULL;

CREATE TABLE user_roles (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('handler', 'reviewer', 'org_admin', 'analyst')),
    PRIMARY KEY (user_id, role)
);
