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
