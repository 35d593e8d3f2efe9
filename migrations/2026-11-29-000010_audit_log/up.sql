-- The audit log: append-only, tamper-evident (hash chains), searchable by organisation
-- subtree. The design (why several chains, how a chain is chosen and locked, how pruning
-- keeps chains verifiable) is explained in api/db/src/audit/mod.rs.

-- One row per chain: where the chain starts (the anchor left by pruning) and where it ends
-- (its head). Appending locks the row, so appends to one chain are serialised while
-- different chains proceed in parallel. 32 chains; more can be added with an INSERT.
CREATE TABLE audit_chain (
    chain      smallint PRIMARY KEY CHECK (chain >= 0),
    -- Records up to start_seq were pruned; the first kept record's prev_hash is start_hash.
    start_seq  bigint NOT NULL DEFAULT 0,
    start_hash bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'
               CHECK (length(start_hash) = 32),
    -- The last record appended.
    head_seq   bigint NOT NULL DEFAULT 0,
    head_hash  bytea NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'
               CHECK (length(head_hash) = 32),
    pruned_at  timestamptz,
    CHECK (start_seq >= 0 AND head_seq >= start_seq)
);

INSERT INTO audit_chain (chain) SELECT generate_series(0, 31);

CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    chain           smallint NOT NULL REFERENCES audit_chain (chain),
    -- Position in the chain: 1, 2, 3 … without gaps (a gap is a deleted record).
    seq             bigint NOT NULL CHECK (seq > 0),
    at              timestamptz NOT NULL,
    actor_kind      text NOT NULL
                    CHECK (actor_kind IN ('anonymous', 'consumer', 'member', 'client', 'system')),
    -- No foreign keys: a record outlives the account, client or organisation it names.
    actor_user_id   bigint,
    actor_client_id bigint,
    actor_org_id    bigint,
    -- The materialised path ('/1/44/4403/') of the organisation the event concerns.
    org_path        text CHECK (org_path ~ '^/([0-9]+/)+$'),
    action          text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]{0,63}$'),
    outcome         text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    ip              inet,
    user_agent      text CHECK (length(user_agent) <= 512),
    subject         text CHECK (length(subject) <= 200),
    -- Never passwords, tokens or other secrets (api/db/src/audit/append.rs refuses such keys).
    detail          jsonb NOT NULL DEFAULT '{}'
                    CHECK (jsonb_typeof(detail) = 'object' AND octet_length(detail::text) <= 16384),
    prev_hash       bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash            bytea NOT NULL CHECK (length(hash) = 32),
    UNIQUE (chain, seq)
);

-- Search: an administrator's subtree (prefix match, hence text_pattern_ops), one user's
-- actions, one kind of action, and everything recent; all newest first with (at, id) paging.
CREATE INDEX audit_log_org_path_at_idx ON audit_log (org_path text_pattern_ops, at DESC, id DESC);
CREATE INDEX audit_log_actor_user_at_idx ON audit_log (actor_user_id, at DESC, id DESC)
    WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

-- Append-only. UPDATE, DELETE and TRUNCATE are refused, except DELETE while the
-- transaction-local setting weiquan.audit_prune is 'on', which only the retention function
-- (weiquan_db::audit::prune) sets, inside the transaction that also moves the chain's anchor.
-- This guards against mistakes and against application code; it is not access control (any
-- session can set the setting): in production the application's role is granted only INSERT
-- and SELECT on audit_log, and the hash chains make any change that gets through detectable.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('weiquan.audit_prune', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING HINT = 'records are removed only by the retention function (weiquan audit prune)';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

-- Chain rows are never deleted; a head only moves forward one record at a time; an anchor
-- moves only while pruning.
CREATE FUNCTION audit_chain_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'audit_chain rows are permanent: % refused', TG_OP;
    END IF;
    IF NEW.chain <> OLD.chain OR NEW.head_seq NOT IN (OLD.head_seq, OLD.head_seq + 1) THEN
        RAISE EXCEPTION 'audit chain % head may only advance by one record', OLD.chain;
    END IF;
    IF (NEW.start_seq, NEW.start_hash) IS DISTINCT FROM (OLD.start_seq, OLD.start_hash)
       AND (current_setting('weiquan.audit_prune', true) IS DISTINCT FROM 'on'
            OR NEW.start_seq < OLD.start_seq) THEN
        RAISE EXCEPTION 'audit chain % anchor moves only forward, when pruning', OLD.chain;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_guard BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_guard();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_guard();
