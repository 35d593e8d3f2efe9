-- Single-use recovery codes for accounts with a TOTP authenticator, stored as argon2id hashes
-- (50-bit codes are too short for a plain hash under ASVS 5.0 6.5.2).
CREATE TABLE recovery_codes (
    id        bigserial PRIMARY KEY,
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    used_at   timestamptz
);

CREATE INDEX recovery_codes_unused_idx ON recovery_codes (user_id) WHERE used_at IS NULL;
