-- OAuth2 integration clients (client credentials, RFC 6749 §4.4) of enterprises, departments
-- and international bodies. `client_id` is the public identifier (`wqc_` + 128 random bits);
-- the secret (`wqs_` + 256 random bits) is shown once and stored only as SHA-256. A plain hash
-- is enough for a secret of that entropy (ASVS 5.0 6.5.2: a standard hash from 112 bits up).
-- `generation` counts secrets: rotation increments it, and a token carries the generation it
-- was issued under, so rotating or revoking ends every earlier token at once.
CREATE TABLE api_clients (
    id           bigserial PRIMARY KEY,
    org_id       bigint NOT NULL REFERENCES organisations (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    client_id    text NOT NULL UNIQUE CHECK (client_id ~ '^wqc_[A-Za-z0-9_-]{22}$'),
    secret_hash  bytea NOT NULL CHECK (length(secret_hash) = 32),
    -- Space-delimited scope names, as OAuth writes them (`orders:read orders:write`).
    scopes       text NOT NULL CHECK (scopes ~ '^[a-z]+:[a-z]+( [a-z]+:[a-z]+)*$'),
    status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    generation   integer NOT NULL DEFAULT 1 CHECK (generation >= 1),
    created_by   bigint REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    rotated_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);

CREATE INDEX api_clients_org_idx ON api_clients (org_id, created_at);
