//! Whole-platform properties: layering, migrations, database settings, the binary's start-up.

use diesel::{QueryableByName, RunQueryDsl, sql_query};
use weiquan_test_support::TestDatabase;

#[test]
fn the_domain_crate_depends_on_no_io_library() {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "weiquan-domain",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(tree.contains("weiquan-domain"), "{tree}");
    for forbidden in ["diesel", "actix", "redis", "reqwest", "tokio", "r2d2"] {
        assert!(
            !tree.lines().any(|l| l.starts_with(forbidden)),
            "weiquan-domain depends on {forbidden}:\n{tree}"
        );
    }
}

#[test]
fn migrations_go_up_down_and_up_again() {
    let db = TestDatabase::create_empty();
    let mut conn = db.connect();
    let first = weiquan_db::migrate::run_migrations(&mut conn).unwrap();
    assert!(!first.is_empty());
    weiquan_db::migrate::revert_all(&mut conn).unwrap();
    let again = weiquan_db::migrate::run_migrations(&mut conn).unwrap();
    assert_eq!(first, again);
    assert!(
        weiquan_db::migrate::run_migrations(&mut conn)
            .unwrap()
            .is_empty(),
        "idempotent"
    );
}

#[test]
fn reference_data_loads_twice_without_change_and_schema_matches_diesel() {
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let before = weiquan_db::divisions::count(&mut conn).unwrap();
    assert!(before > 3000);
    let loaded = weiquan_db::reference::sync_all(&mut conn).unwrap();
    assert_eq!(loaded.divisions as i64, before);
    assert_eq!(loaded.bureaus_created, 0, "bureaus exist already");
    assert_eq!(weiquan_db::divisions::count(&mut conn).unwrap(), before);
    // Selecting every column through diesel's schema proves schema.rs matches the table.
    let code = weiquan_domain::DivisionCode::parse("440305").unwrap();
    let found = weiquan_db::divisions::find(&mut conn, &code)
        .unwrap()
        .unwrap();
    assert_eq!(found.name, "南山区");
}

#[test]
fn databases_use_a_utf8_ctype_so_chinese_text_search_works() {
    #[derive(QueryableByName)]
    struct Ctype {
        #[diesel(sql_type = diesel::sql_types::Text)]
        ctype: String,
    }
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let row: Ctype =
        sql_query("SELECT datctype AS ctype FROM pg_database WHERE datname = current_database()")
            .get_result(&mut conn)
            .unwrap();
    assert_eq!(row.ctype, "C.UTF-8");
    // Case-insensitive matching of CJK text relies on the ctype being UTF-8 aware.
    #[derive(QueryableByName)]
    struct Matches {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        m: bool,
    }
    let row: Matches = sql_query("SELECT '虚假宣传外卖' ~* '外卖' AS m")
        .get_result(&mut conn)
        .unwrap();
    assert!(row.m);
}

#[test]
fn the_binary_refuses_bad_configuration_naming_the_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
        .arg("serve")
        .env("WEIQUAN_BIND", "not-an-address")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("WEIQUAN_BIND"), "{stderr}");
}

#[test]
fn migrate_fresh_is_refused_in_production() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
        .args(["migrate", "--fresh"])
        .env("WEIQUAN_ENV", "production")
        .env("SESSION_SECRET", "a-production-secret-of-at-least-32-chars")
        .env(
            "OAUTH_TOKEN_SECRET",
            "a-production-token-key-of-at-least-32-chars",
        )
        .env(
            "WEIQUAN_SECRET_KEY",
            "cHJvZHVjdGlvbi1rZXktZm9yLWNvbmZpZy10ZXN0cyE=",
        )
        .env(
            "DATABASE_URL",
            "postgres://postgres@127.0.0.1:5432/wq_never_created",
        )
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("refused in production"));
}

#[test]
fn production_refuses_to_start_with_the_development_secret_key() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
        .arg("serve")
        .env("WEIQUAN_ENV", "production")
        .env_remove("WEIQUAN_SECRET_KEY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("WEIQUAN_SECRET_KEY"), "{stderr}");
    assert!(stderr.contains("gen-secret-key"), "{stderr}");
}

#[test]
fn gen_secret_key_prints_a_fresh_usable_key() {
    let run = || {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"))
            .arg("gen-secret-key")
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    let (a, b) = (run(), run());
    assert_ne!(a, b);
    assert!(weiquan_services::credentials::SecretKey::from_base64(&a).is_ok());
}

#[test]
fn openapi_check_detects_a_stale_document() {
    let dir = std::env::temp_dir().join(format!("wq-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("openapi.json");
    std::fs::write(&path, "{}").unwrap();
    let bin = env!("CARGO_BIN_EXE_weiquan");
    let check = |p: &std::path::Path| {
        std::process::Command::new(bin)
            .args(["openapi", "--check", "--out"])
            .arg(p)
            .status()
            .unwrap()
            .success()
    };
    assert!(!check(&path));
    assert!(
        std::process::Command::new(bin)
            .args(["openapi", "--out"])
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    assert!(check(&path));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn every_division_has_one_bureau_under_its_parents_bureau() {
    #[derive(QueryableByName, Debug)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let db = TestDatabase::create_blocking();
    let mut conn = db.connect();
    let count = |conn: &mut diesel::PgConnection, sql: &str| -> i64 {
        sql_query(sql).get_result::<Count>(conn).unwrap().n
    };
    let divisions = count(&mut conn, "SELECT count(*) AS n FROM divisions");
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM organisations WHERE kind = 'bureau'"
        ),
        divisions + 1,
        "one per division plus the national bureau"
    );
    // The bureau tree mirrors the division tree: each bureau's parent serves the parent division.
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM organisations o JOIN divisions d ON d.code = o.division_code \
             JOIN organisations p ON p.id = o.parent_id \
             WHERE p.division_code IS DISTINCT FROM d.parent_code"
        ),
        0
    );
    // Paths are the parent's path plus the own id.
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM organisations o JOIN organisations p ON p.id = o.parent_id \
             WHERE o.path <> p.path || o.id || '/'"
        ),
        0
    );
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let name = |conn: &mut diesel::PgConnection, code: &str| -> String {
        sql_query("SELECT name FROM organisations WHERE kind = 'bureau' AND division_code = $1")
            .bind::<diesel::sql_types::Text, _>(code)
            .get_result::<Name>(conn)
            .unwrap()
            .name
    };
    assert_eq!(name(&mut conn, "440305"), "深圳市南山区市场监督管理局");
    assert_eq!(name(&mut conn, "110105"), "北京市朝阳区市场监督管理局");
    assert_eq!(name(&mut conn, "440000"), "广东省市场监督管理局");
    assert_eq!(name(&mut conn, "440300"), "深圳市市场监督管理局");
}
