-- Invitations: an administrator (or a bureau approving an application) creates a member
-- account with status 'invited' and no password, and sends a link carrying a one-time token.
-- Only the token's hash is stored (SHA-256 of purpose ‖ 0 ‖ token, see
-- api/services/src/credentials/tokens.rs). One row per invited account: resending replaces
-- the hash and the expiry, so the old link stops working at once.
CREATE TABLE invitations (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    org_id      bigint NOT NULL REFERENCES organisations (id),
    email       text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    purpose     text NOT NULL DEFAULT 'invitation'
                CHECK (purpose IN ('invitation', 'password_reset', 'phone_verification')),
    expires_at  timestamptz NOT NULL,
    -- Set once, by the accept that wins (UPDATE ... WHERE used_at IS NULL).
    used_at     timestamptz,
    revoked_at  timestamptz,
    -- Who invited: a member, or null for the platform itself (e.g. an approved application).
    invited_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    sent_count  integer NOT NULL DEFAULT 1 CHECK (sent_count >= 1),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (used_at IS NULL OR revoked_at IS NULL)
);

CREATE INDEX invitations_org_idx ON invitations (org_id, created_at DESC, id DESC);

-- A revoked invitation disables its account, which never had a password: only active
-- accounts need one (the old rule demanded it of every account but invited ones).
DO $$
DECLARE name text;
BEGIN
    SELECT conname INTO name FROM pg_constraint
     WHERE conrelid = 'users'::regclass AND contype = 'c'
       AND pg_get_constraintdef(oid) LIKE '%password_hash IS NOT NULL%';
    EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', name);
END
$$;
ALTER TABLE users ADD CONSTRAINT users_active_has_password
    CHECK (status <> 'active' OR password_hash IS NOT NULL);
