//! `weiquan audit verify` and the service-level audit helpers against a real database.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::process::Output;
use std::time::Duration;

use diesel::RunQueryDsl;
use weiquan_db::PoolOptions;
use weiquan_db::audit::{AuditFilter, Keyset, NewAuditEntry};
use weiquan_domain::audit::{AuditAction, AuditActor, Outcome};
use weiquan_services::{Db, audit};
use weiquan_test_support::TestDatabase;

fn db_of(test_db: &TestDatabase) -> Db {
    Db::new(
        weiquan_db::build_pool(
            &test_db.url,
            &PoolOptions {
                max_size: 2,
                connection_timeout: Duration::from_secs(5),
            },
        )
        .unwrap(),
    )
}

fn denied(i: u8) -> NewAuditEntry {
    NewAuditEntry::new(
        AuditActor::anonymous(),
        AuditAction::AccessDenied,
        Outcome::Denied,
    )
    .from_client(
        Some(format!("198.51.100.{i}").parse().unwrap()),
        Some("curl/8"),
    )
    .subject("org:4403")
}

fn verify_command(test_db: &TestDatabase, heads: bool) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_weiquan"));
    command.args(["audit", "verify"]);
    if heads {
        command.arg("--heads");
    }
    command
        .env("DATABASE_URL", &test_db.url)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

#[actix_web::test]
async fn the_verify_command_passes_an_intact_log_and_fails_on_tampering_naming_the_record() {
    let test_db = TestDatabase::create().await;
    let db = db_of(&test_db);
    let mut ids = Vec::new();
    for i in 0..12 {
        ids.push(audit::record(&db, denied(i)).await.unwrap().id);
    }
    let ok = verify_command(&test_db, true);
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        stdout.contains("audit log intact: 32 chains, 12 records checked"),
        "{stdout}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("chain")).count(),
        32,
        "{stdout}"
    );

    let mut tamperer = test_db.connect();
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut tamperer)
        .unwrap();
    diesel::sql_query(format!(
        "UPDATE audit_log SET ip = '10.0.0.1' WHERE id = {}",
        ids[7]
    ))
    .execute(&mut tamperer)
    .unwrap();
    let bad = verify_command(&test_db, false);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success());
    assert!(
        stderr.contains(&format!("broken at record {} ", ids[7])),
        "{stderr}"
    );
    assert!(
        stderr.contains("TAMPERED: 1 of 32 chains broken"),
        "{stderr}"
    );

    // Pruning refuses to run on a tampered log (it could erase the evidence), and refuses a
    // retention below six months.
    let err = audit::prune(&db, 365).await.unwrap_err().to_string();
    assert!(err.contains("not intact"), "{err}");
    let err = audit::prune(&db, 90).await.unwrap_err().to_string();
    assert!(err.contains("below the minimum of 183"), "{err}");
}

#[actix_web::test]
async fn records_made_outside_other_work_are_searchable() {
    let test_db = TestDatabase::create().await;
    let db = db_of(&test_db);
    audit::record_or_log(&db, denied(1)).await;
    audit::record(&db, denied(2)).await.unwrap();
    let page = audit::search(
        &db,
        AuditFilter {
            outcome: Some(Outcome::Denied),
            ..AuditFilter::default()
        },
        Keyset::first(10),
    )
    .await
    .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].ip, Some("198.51.100.2".parse().unwrap()));
    assert_eq!(page.items[0].user_agent.as_deref(), Some("curl/8"));
    assert!(audit::verify(&db).await.unwrap().is_intact());
    // Nothing is old enough to prune; pruning an intact log works and deletes nothing.
    assert_eq!(audit::prune(&db, 183).await.unwrap().deleted, 0);
}
