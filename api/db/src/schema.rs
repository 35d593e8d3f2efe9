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
    organisations (id) {
        id -> Int8,
        kind -> Text,
        bureau_level -> Nullable<Text>,
        name -> Text,
        name_en -> Nullable<Text>,
        parent_id -> Nullable<Int8>,
        path -> Text,
        division_code -> Nullable<Text>,
        credit_code -> Nullable<Text>,
        odr_status -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Int8,
        kind -> Text,
        org_id -> Nullable<Int8>,
        phone -> Nullable<Text>,
        username -> Nullable<Text>,
        email -> Nullable<Text>,
        display_name -> Text,
        password_hash -> Nullable<Text>,
        status -> Text,
        totp_secret -> Nullable<Bytea>,
        totp_enabled_at -> Nullable<Timestamptz>,
        totp_last_step -> Nullable<Int8>,
        password_changed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> Int8,
        role -> Text,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Int8,
        user_id -> Int8,
        code_hash -> Text,
        used_at -> Nullable<Timestamptz>,
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

diesel::table! {
    invitations (id) {
        id -> Int8,
        user_id -> Int8,
        org_id -> Int8,
        email -> Text,
        token_hash -> Bytea,
        purpose -> Text,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        invited_by -> Nullable<Int8>,
        sent_count -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Int8,
        org_id -> Int8,
        name -> Text,
        client_id -> Text,
        secret_hash -> Bytea,
        scopes -> Text,
        status -> Text,
        generation -> Int4,
        created_by -> Nullable<Int8>,
        created_at -> Timestamptz,
        rotated_at -> Nullable<Timestamptz>,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    applications (id) {
        id -> Int8,
        kind -> Text,
        name -> Text,
        name_en -> Nullable<Text>,
        credit_code -> Nullable<Text>,
        registered_division -> Nullable<Text>,
        competent_bureau_id -> Int8,
        contact_name -> Text,
        contact_phone -> Text,
        contact_email -> Text,
        admin_username -> Text,
        admin_display_name -> Text,
        description -> Text,
        locale -> Text,
        status -> Text,
        decision_reason -> Nullable<Text>,
        decided_by -> Nullable<Int8>,
        decided_at -> Nullable<Timestamptz>,
        created_org_id -> Nullable<Int8>,
        tracking_hash -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    application_events (id) {
        id -> Int8,
        application_id -> Int8,
        kind -> Text,
        at -> Timestamptz,
        actor_user_id -> Nullable<Int8>,
    }
}

diesel::table! {
    orders (id) {
        id -> Int8,
        number -> Text,
        kind -> Text,
        rules -> Text,
        state -> Text,
        state_detail -> Nullable<Jsonb>,
        conclusion -> Nullable<Jsonb>,
        received_on -> Date,
        clock_start -> Date,
        due_on -> Nullable<Date>,
        due_provisional -> Bool,
        consumer_id -> Nullable<Int8>,
        filed_by -> Int8,
        holder_org_id -> Int8,
        holder_path -> Text,
        handler_id -> Nullable<Int8>,
        sender_org_id -> Nullable<Int8>,
        referral_org_id -> Nullable<Int8>,
        business_org_id -> Nullable<Int8>,
        business_odr -> Bool,
        mediator_org_id -> Nullable<Int8>,
        consent -> Jsonb,
        accepted_on -> Nullable<Date>,
        clue -> Nullable<Jsonb>,
        pauses -> Jsonb,
        rating -> Nullable<Int2>,
        routing_rule -> Text,
        routing_intended -> Nullable<Text>,
        linked_order_id -> Nullable<Int8>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        escalated_at -> Nullable<Timestamptz>,
        escalated_due_on -> Nullable<Date>,
    }
}

diesel::table! {
    order_appeals (order_id) {
        order_id -> Int8,
        business_name -> Nullable<Text>,
        credit_code -> Nullable<Text>,
        business_division -> Nullable<Text>,
        business_address -> Nullable<Text>,
        channel -> Nullable<Text>,
        platform -> Nullable<Text>,
        platform_division -> Nullable<Text>,
        conduct_division -> Nullable<Text>,
        item -> Nullable<Text>,
        bought_on -> Nullable<Date>,
        amount_fen -> Nullable<Int8>,
        request -> Nullable<Text>,
        facts -> Text,
        category -> Nullable<Text>,
        subject_category -> Nullable<Text>,
        problem_type -> Nullable<Text>,
    }
}

diesel::table! {
    order_parties (order_id) {
        order_id -> Int8,
        anonymous -> Bool,
        user_id -> Nullable<Int8>,
        display_name -> Nullable<Text>,
        phone -> Nullable<Text>,
        address -> Nullable<Text>,
        address_key -> Nullable<Text>,
    }
}

diesel::table! {
    order_events (id) {
        id -> Int8,
        order_id -> Int8,
        seq -> Int4,
        at -> Timestamptz,
        actor_kind -> Text,
        actor_user_id -> Nullable<Int8>,
        actor_org_id -> Nullable<Int8>,
        command -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        public -> Bool,
        reason -> Nullable<Text>,
        data -> Jsonb,
    }
}

diesel::table! {
    idempotency_keys (caller_id, key) {
        caller_id -> Int8,
        key -> Text,
        request_hash -> Text,
        response -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    attachments (id) {
        id -> Int8,
        sha256 -> Text,
        media_type -> Text,
        size_bytes -> Int8,
        file_name -> Text,
        uploaded_by -> Int8,
        attached_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    order_attachments (order_id, attachment_id) {
        order_id -> Int8,
        attachment_id -> Int8,
        position -> Int2,
    }
}

diesel::joinable!(organisations -> divisions (division_code));
diesel::joinable!(api_clients -> organisations (org_id));
diesel::joinable!(application_events -> applications (application_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(users -> organisations (org_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(invitations -> organisations (org_id));
diesel::joinable!(audit_log -> audit_chain (chain));
diesel::allow_tables_to_appear_in_same_query!(
    divisions,
    organisations,
    users,
    user_roles,
    recovery_codes,
    invitations,
    api_clients,
    applications,
    application_events
);
diesel::allow_tables_to_appear_in_same_query!(audit_chain, audit_log);
diesel::joinable!(order_appeals -> orders (order_id));
diesel::joinable!(order_parties -> orders (order_id));
diesel::joinable!(order_events -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(orders, order_appeals, order_parties, order_events);
diesel::joinable!(order_attachments -> attachments (attachment_id));
diesel::joinable!(order_attachments -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(attachments, order_attachments, orders);

diesel::table! {
    categories (code) {
        code -> Text,
        kind -> Text,
        parent_code -> Nullable<Text>,
        name_zh -> Text,
        name_en -> Text,
        position -> Int4,
        active -> Bool,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    holiday_years (year) {
        year -> Int4,
        entered_by -> Nullable<Int8>,
        entered_at -> Timestamptz,
        source -> Text,
        revision -> Int8,
    }
}

diesel::table! {
    holidays (date) {
        date -> Date,
        year -> Int4,
        kind -> Text,
        name_zh -> Text,
        name_en -> Nullable<Text>,
    }
}

diesel::joinable!(holidays -> holiday_years (year));
diesel::allow_tables_to_appear_in_same_query!(holiday_years, holidays);

diesel::table! {
    settlement_proposals (id) {
        id -> Int8,
        order_id -> Int8,
        proposed_by_user -> Nullable<Int8>,
        proposed_by_client -> Nullable<Int8>,
        enterprise_org_id -> Int8,
        remedy -> Text,
        amount_fen -> Nullable<Int8>,
        terms -> Text,
        status -> Text,
        created_at -> Timestamptz,
        decided_at -> Nullable<Timestamptz>,
        reject_reason -> Nullable<Text>,
    }
}

diesel::table! {
    odr_cases (order_id) {
        order_id -> Int8,
        enterprise_org_id -> Int8,
        dispatched_on -> Date,
        due_on -> Nullable<Date>,
        first_answer_at -> Nullable<Timestamptz>,
        dispatched_at -> Timestamptz,
        outcome -> Nullable<Text>,
        ended_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(settlement_proposals -> orders (order_id));
diesel::joinable!(odr_cases -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(orders, settlement_proposals, odr_cases);

diesel::table! {
    order_messages (id) {
        id -> Int8,
        order_id -> Int8,
        author_user_id -> Nullable<Int8>,
        author_client_id -> Nullable<Int8>,
        author_party -> Text,
        author_org_id -> Nullable<Int8>,
        internal -> Bool,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    order_message_attachments (message_id, attachment_id) {
        message_id -> Int8,
        attachment_id -> Int8,
        position -> Int2,
    }
}

diesel::table! {
    dialogue_reads (order_id, user_id) {
        order_id -> Int8,
        user_id -> Int8,
        party -> Text,
        read_up_to -> Int8,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(order_messages -> orders (order_id));
diesel::joinable!(order_message_attachments -> order_messages (message_id));
diesel::joinable!(order_message_attachments -> attachments (attachment_id));
diesel::joinable!(dialogue_reads -> orders (order_id));
diesel::allow_tables_to_appear_in_same_query!(
    order_messages,
    order_message_attachments,
    dialogue_reads,
    attachments
);
diesel::allow_tables_to_appear_in_same_query!(order_messages, orders);
diesel::allow_tables_to_appear_in_same_query!(order_message_attachments, orders);
diesel::allow_tables_to_appear_in_same_query!(dialogue_reads, orders);

diesel::table! {
    notifications (id) {
        id -> Int8,
        user_id -> Int8,
        kind -> Text,
        order_id -> Nullable<Int8>,
        params -> Jsonb,
        created_at -> Timestamptz,
        read_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    notification_preferences (user_id) {
        user_id -> Int8,
        email -> Bool,
        sms -> Bool,
        updated_at -> Timestamptz,
    }
}

// `order_open_counts` and `order_open_count_deltas` (migration 000033) are read and folded by
// SQL in `inbox.rs` only (the deltas have no key, which `table!` needs).

diesel::table! {
    search_common_trigrams (trigram) {
        trigram -> Text,
        share -> Float4,
    }
}
