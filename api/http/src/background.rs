//! Work a server instance does besides answering requests: the outbox relay, pruning
//! unused evidence uploads and day-old idempotency keys every hour, folding the open-order
//! counts every minute and measuring the common search trigrams every 6 hours, and the overdue
//! escalation job.

use std::sync::Arc;

use tokio::sync::watch;
use weiquan_db::PoolOptions;
use weiquan_integrations::ByChannel;
use weiquan_integrations::sms::SmsGatewaySender;
use weiquan_integrations::smtp::SmtpSender;
use weiquan_services::outbox::{LoggingSender, RelayOptions, Sender, run_relay};
use weiquan_services::{Db, ServiceError};

use crate::config::{Config, Environment};

/// Connections the relay may use: its own small pool, so a burst of messages never takes
/// connections from request handlers (and the reverse).
const RELAY_POOL_SIZE: u32 = 2;

/// A running relay; [`Relay::stop`] ends it after the batch in progress.
pub struct Relay {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Relay {
    pub async fn stop(self) {
        // Err only if the relay already ended, which is what we want anyway.
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            log::error!("outbox relay ended abnormally: {e}");
        }
    }
}

/// The relay options the configuration asks for.
pub fn relay_options(config: &Config) -> RelayOptions {
    RelayOptions {
        poll: config.outbox_poll,
        max_attempts: config.outbox_max_attempts,
        keep_sent_payload: config.environment == Environment::Development,
        ..RelayOptions::default()
    }
}

/// The sender the configuration asks for: email over SMTP when `SMTP_URL` is set, SMS
/// through the gateway when `SMS_GATEWAY_URL` is set, the log for whatever is not (only in
/// development does the log show the text).
pub fn sender_for(config: &Config) -> Result<Arc<dyn Sender>, ServiceError> {
    let development = config.environment == Environment::Development;
    let log: Arc<dyn Sender> = Arc::new(LoggingSender {
        reveal_text: development,
    });
    let timeout = RelayOptions::default().send_timeout;
    let email: Arc<dyn Sender> = match &config.senders.smtp {
        Some((url, from)) => {
            Arc::new(SmtpSender::new(url, from, timeout).map_err(ServiceError::Internal)?)
        }
        None => log.clone(),
    };
    let sms: Arc<dyn Sender> = match &config.senders.sms_gateway {
        Some((url, token)) => Arc::new(
            SmsGatewaySender::new(url, token.clone(), timeout).map_err(ServiceError::Internal)?,
        ),
        None => log.clone(),
    };
    if !development && (config.senders.smtp.is_none() || config.senders.sms_gateway.is_none()) {
        log::warn!(
            "outgoing {} only logged: set SMTP_URL / SMS_GATEWAY_URL",
            match (&config.senders.smtp, &config.senders.sms_gateway) {
                (None, None) => "email and SMS are",
                (None, Some(_)) => "email is",
                _ => "SMS are",
            }
        );
    }
    log::info!(
        "outbox senders: email by {}, SMS by {}",
        email.name(),
        sms.name()
    );
    Ok(Arc::new(ByChannel { email, sms }))
}

/// Starts the outbox relay on the current runtime with [`sender_for`]'s sender.
pub fn spawn_relay(config: &Config) -> Result<Relay, ServiceError> {
    let db = own_pool(config, RELAY_POOL_SIZE)?;
    let sender = sender_for(config)?;
    let (stop, shutdown) = watch::channel(false);
    let task = actix_web::rt::spawn(run_relay(db, sender, relay_options(config), shutdown));
    Ok(Relay { stop, task })
}

/// How often the server prunes unused evidence uploads. Several instances may prune at once:
/// each file's deletion holds its advisory lock, so they only repeat each other's work.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Starts pruning unused evidence uploads (`weiquan attachments prune`) every hour, on its own
/// one-connection pool; the first run is an hour after start. [`Relay::stop`] ends it.
pub fn spawn_pruner(config: &Config) -> Result<Relay, ServiceError> {
    let db = own_pool(config, 1)?;
    let store = crate::maintenance::attachment_store(config);
    let (stop, mut shutdown) = watch::channel(false);
    let task = actix_web::rt::spawn(async move {
        loop {
            tokio::select! {
                _ = tokio::time::sleep(PRUNE_EVERY) => {}
                _ = shutdown.changed() => return,
            }
            match weiquan_services::attachments::prune(&db, &store, chrono::Utc::now()).await {
                Ok(p) if p.uploads + p.files + p.partial > 0 => log::info!(
                    "attachments pruned: {} uploads, {} files, {} partial files",
                    p.uploads,
                    p.files,
                    p.partial
                ),
                Ok(_) => {}
                Err(e) => log::warn!("attachments prune failed (next try in an hour): {e}"),
            }
            match weiquan_services::orders::prune_idempotency_keys(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => log::info!("idempotency keys pruned: {n} older than a day"),
                Err(e) => log::warn!("idempotency key prune failed (next try in an hour): {e}"),
            }
        }
    });
    Ok(Relay { stop, task })
}

/// How often the deltas of the open-order counts are folded into their totals.
const FOLD_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// The common trigrams of the search text are re-measured at the first fold (a minute after
/// start) and every this many folds (6 hours).
const STATS_EVERY_ROUNDS: u32 = 360;

/// Starts folding the deltas of the open-order counts (`weiquan_db::inbox::fold_open_counts`)
/// every minute, and re-measuring the common trigrams of the search text
/// (`weiquan_db::inbox::refresh_search_stats`) every 6 hours, on its own one-connection pool.
/// Counts are exact whether or not a fold ran; folding keeps them cheap (a minute's changes to
/// add, not a day's). Several instances may fold at once. [`Relay::stop`] ends it.
pub fn spawn_count_folder(config: &Config) -> Result<Relay, ServiceError> {
    let db = own_pool(config, 1)?;
    let (stop, mut shutdown) = watch::channel(false);
    let task = actix_web::rt::spawn(async move {
        let mut round: u32 = 0;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(FOLD_EVERY) => {}
                _ = shutdown.changed() => return,
            }
            if let Err(e) = db.run(weiquan_db::inbox::fold_open_counts).await {
                log::warn!("folding the open-order counts failed (next try in a minute): {e}");
            }
            if round.is_multiple_of(STATS_EVERY_ROUNDS) {
                match db.run(weiquan_db::inbox::refresh_search_stats).await {
                    Ok(n) => log::info!("search statistics: {n} common trigrams"),
                    Err(e) => log::warn!("measuring the common search trigrams failed: {e}"),
                }
            }
            round = round.wrapping_add(1);
        }
    });
    Ok(Relay { stop, task })
}

/// A background job's own pool of `size` connections, so that it never takes connections from
/// request handlers (and the reverse).
fn own_pool(config: &Config, size: u32) -> Result<Db, ServiceError> {
    Ok(Db::new(weiquan_db::build_pool(
        &config.database_url,
        &PoolOptions {
            max_size: size,
            connection_timeout: config.database_timeout,
        },
    )?))
}

/// The running overdue escalation job; [`Escalator::stop`] ends it after the round in progress.
pub struct Escalator {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
    /// The ODR expiry job (`weiquan_services::odr::run_expirer`), on the same interval.
    odr: tokio::task::JoinHandle<()>,
}

impl Escalator {
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            log::error!("overdue escalation ended abnormally: {e}");
        }
        if let Err(e) = self.odr.await {
            log::error!("ODR expiry ended abnormally: {e}");
        }
    }
}

/// Starts the overdue escalation job and the ODR expiry job (complaints an enterprise did not
/// settle in time go back to the bureau) on one interval, with their own two-connection pool,
/// unless the configuration turns them off. Every instance runs them; advisory locks let one
/// instance at a time work.
pub fn spawn_escalator(config: &Config) -> Result<Option<Escalator>, ServiceError> {
    let Some(interval) = config.escalation_interval else {
        log::info!("overdue escalation is off (ESCALATION_INTERVAL_SECS=0)");
        return Ok(None);
    };
    let (stop, shutdown) = watch::channel(false);
    let db = own_pool(config, 2)?;
    let odr = actix_web::rt::spawn(weiquan_services::odr::run_expirer(
        db.clone(),
        interval,
        shutdown.clone(),
    ));
    let task = actix_web::rt::spawn(weiquan_services::escalation::run_escalator(
        db, interval, shutdown,
    ));
    Ok(Some(Escalator { stop, task, odr }))
}
