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

diesel::joinable!(organisations -> divisions (division_code));
diesel::allow_tables_to_appear_in_same_query!(divisions, organisations);
