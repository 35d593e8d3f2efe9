//! The diesel schema. Keep in step with `migrations/` (`diesel print-schema` regenerates it
//! on a developer machine; `tests::schema_matches_database` checks it against a migrated
//! database).

diesel::table! {
    divisions (code) {
        code -> Text,
        name -> Text,
        level -> Text,
        parent_code -> Nullable<Text>,
        has_children -> Bool,
    }
}

diesel::table! {
    audit_chain (chain) {
        chain -> SmallInt,
        start_seq -> BigInt,
        start_hash -> Binary,
        head_seq -> BigInt,
        head_hash -> Binary,
        pruned_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        chain -> SmallInt,
        seq -> BigInt,
        at -> Timestamptz,
        actor_kind -> Text,
        actor_user_id -> Nullable<BigInt>,
        actor_client_id -> Nullable<BigInt>,
        actor_org_id -> Nullable<BigInt>,
        org_path -> Nullable<Text>,
        action -> Text,
        outcome -> Text,
        ip -> Nullable<Inet>,
        user_agent -> Nullable<Text>,
        subject -> Nullable<Text>,
        detail -> Jsonb,
        prev_hash -> Binary,
        hash -> Binary,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        channel -> Text,
        recipient -> Text,
        locale -> Text,
        template -> Text,
        payload -> Jsonb,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamptz,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        sent_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(audit_log -> audit_chain (chain));
diesel::allow_tables_to_appear_in_same_query!(audit_chain, audit_log);
