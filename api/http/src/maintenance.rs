//! `weiquan audit verify` and `weiquan audit prune`: checking the audit log's hash chains and
//! applying the retention period, from the command line (or a scheduled job); and
//! `weiquan attachments prune`, which the server also runs every hour.

use weiquan_db::PoolOptions;
use weiquan_db::audit::{Break, Problem, VerifyReport};
use weiquan_domain::audit::hex;
use weiquan_services::{Db, audit};

use crate::config::Config;

fn db(config: &Config) -> Result<Db, String> {
    let pool = weiquan_db::build_pool(
        &config.database_url,
        &PoolOptions {
            max_size: 1,
            connection_timeout: config.database_timeout,
        },
    )
    .map_err(|e| e.to_string())?;
    Ok(Db::new(pool))
}

fn describe(b: &Break) -> String {
    let at = match b.id {
        Some(id) => format!("record {id} (seq {})", b.seq),
        None => format!("seq {}", b.seq),
    };
    let what = match &b.problem {
        Problem::HashMismatch => "its content does not match its hash (changed)".to_owned(),
        Problem::PrevHashMismatch => {
            "it does not link to the record before it (that one was changed or replaced)".into()
        }
        Problem::Gap { expected_seq } => format!("records from seq {expected_seq} are missing"),
        Problem::MissingTail { last_seq } => {
            format!("the chain ends at seq {last_seq}; later records are missing")
        }
        Problem::HeadMismatch => "the last record is not the one the chain head names".into(),
        Problem::BeyondHead => "records exist beyond the chain head (inserted)".into(),
    };
    format!("{at}: {what}")
}

/// The text `audit verify` prints for an intact log, or the error listing every broken chain.
pub fn render_report(report: &VerifyReport, heads: bool) -> Result<String, String> {
    let mut out = String::new();
    if heads {
        for c in &report.chains {
            out.push_str(&format!(
                "chain {:>3}  start {:>10}  head {:>10}  {}\n",
                c.chain,
                c.start_seq,
                c.head_seq,
                hex(&c.head_hash)
            ));
        }
    }
    if report.is_intact() {
        out.push_str(&format!(
            "audit log intact: {} chains, {} records checked",
            report.chains.len(),
            report.checked()
        ));
        return Ok(out);
    }
    for (chain, b) in report.broken() {
        out.push_str(&format!(
            "chain {} broken at {}\n",
            chain.chain,
            describe(b)
        ));
    }
    out.push_str(&format!(
        "audit log TAMPERED: {} of {} chains broken",
        report.broken().count(),
        report.chains.len()
    ));
    Err(out)
}

/// Verifies every chain; an error (non-zero exit) when any is broken.
pub fn verify(config: &Config, heads: bool) -> Result<(), String> {
    let db = db(config)?;
    let report = actix_web::rt::System::new()
        .block_on(audit::verify(&db))
        .map_err(|e| e.to_string())?;
    let text = render_report(&report, heads)?;
    println!("{text}");
    Ok(())
}

/// Deletes records older than the retention period, after verifying the log.
pub fn prune(config: &Config) -> Result<(), String> {
    let db = db(config)?;
    let days = config.audit_retention_days;
    let report = actix_web::rt::System::new()
        .block_on(audit::prune(&db, days))
        .map_err(|e| e.to_string())?;
    println!(
        "audit prune: {} records older than {days} days deleted from {} chains",
        report.deleted,
        report.anchors.len()
    );
    Ok(())
}

/// The attachment store the configuration names.
pub fn attachment_store(config: &Config) -> weiquan_services::attachments::Store {
    weiquan_services::attachments::Store::new(
        config.attachments_dir.clone(),
        config.attachment_max_bytes,
    )
}

/// Deletes evidence uploads that no submission used within 24 hours, and their files.
pub fn prune_attachments(config: &Config) -> Result<(), String> {
    let db = db(config)?;
    let store = attachment_store(config);
    let pruned = actix_web::rt::System::new()
        .block_on(weiquan_services::attachments::prune(
            &db,
            &store,
            chrono::Utc::now(),
        ))
        .map_err(|e| e.to_string())?;
    println!(
        "attachments prune: {} unused uploads, {} files and {} abandoned partial files deleted",
        pruned.uploads, pruned.files, pruned.partial
    );
    Ok(())
}

/// `weiquan orders escalate`: escalates every order overdue today, once (the job `serve` runs).
pub fn escalate(config: &Config) -> Result<(), String> {
    let db = db(config)?;
    let today = weiquan_services::orders::today();
    let round = actix_web::rt::System::new()
        .block_on(weiquan_services::escalation::escalate_once(&db, today))
        .map_err(|e| e.to_string())?;
    if round.skipped {
        println!("orders escalate: another instance is escalating now; nothing done");
    } else {
        println!(
            "orders escalate: {} order(s) escalated, {} email(s) queued",
            round.escalated, round.notified
        );
    }
    Ok(())
}

/// `weiquan orders search-stats`: re-measures the common trigrams of the appeals' text (what
/// `serve` does every few hours).
pub fn search_stats(config: &Config) -> Result<(), String> {
    let db = db(config)?;
    let common = actix_web::rt::System::new()
        .block_on(db.run(weiquan_db::inbox::refresh_search_stats))
        .map_err(|e| e.to_string())?;
    println!("orders search-stats: {common} common trigram(s)");
    Ok(())
}

/// `weiquan orders odr-expire`: returns to the bureau, once, every complaint whose ODR
/// enterprise let its 10 working days run out (the job `serve` runs).
pub fn odr_expire(config: &Config) -> Result<(), String> {
    let db = db(config)?;
    let today = weiquan_services::orders::today();
    let returned = actix_web::rt::System::new()
        .block_on(weiquan_services::odr::expire_due(&db, today))
        .map_err(|e| e.to_string())?;
    println!("orders odr-expire: {returned} complaint(s) returned to the bureau");
    Ok(())
}
