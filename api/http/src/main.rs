//! The `weiquan` binary: serve, migrate, seed, and write the OpenAPI document.

use std::net::TcpListener;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use diesel::Connection;
use weiquan_db::migrate::{self, DatabaseUrl};
use weiquan_http::config::{Config, Environment, render_env_example};

#[derive(Parser)]
#[command(
    name = "weiquan",
    version,
    about = "Weiquan (维权) consumer-complaint platform"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and both web apps.
    Serve,
    /// Create the database if missing, apply migrations, load reference data.
    Migrate {
        /// Drop and recreate the database first (refused when WEIQUAN_ENV=production).
        #[arg(long)]
        fresh: bool,
    },
    /// Load demo data (idempotent).
    Seed,
    /// Write the OpenAPI document (default openapi/openapi.json), or check it with --check.
    Openapi {
        #[arg(long, default_value = weiquan_http::openapi::COMMITTED_PATH)]
        out: String,
        #[arg(long)]
        check: bool,
    },
    /// Audit log maintenance.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Evidence attachment maintenance.
    Attachments {
        #[command(subcommand)]
        command: AttachmentsCommand,
    },
    /// Work-order maintenance.
    Orders {
        #[command(subcommand)]
        command: OrdersCommand,
    },
    /// Write .env.example from the list of configuration variables.
    EnvExample {
        #[arg(long, default_value = ".env.example")]
        out: String,
    },
    /// Print a new random WEIQUAN_SECRET_KEY (32 bytes from the OS RNG, base64).
    GenSecretKey,
}

#[derive(Subcommand)]
enum OrdersCommand {
    /// Escalate every overdue order once (what `serve` does every ESCALATION_INTERVAL_SECS).
    Escalate,
    /// Return to the bureau every complaint whose ODR enterprise did not settle within its 10
    /// working days, once (`serve` does it with the escalation job).
    OdrExpire,
    /// Re-measure which trigrams are common in the appeals' text, which the inbox search leaves
    /// out of what it asks the index (`serve` does it a minute after start, then every 6 hours).
    SearchStats,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every hash chain; exits non-zero when a record was changed, removed or inserted.
    Verify {
        /// Also print each chain's head hash (copy them elsewhere to detect a full rewrite).
        #[arg(long)]
        heads: bool,
    },
    /// Delete records older than AUDIT_RETENTION_DAYS, keeping the chains verifiable.
    Prune,
}

#[derive(Subcommand)]
enum AttachmentsCommand {
    /// Delete uploads no submission used within 24 hours, and files no upload names any more
    /// (the server also does this every hour).
    Prune,
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("weiquan: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Openapi { out, check } => openapi(&out, check),
        Command::EnvExample { out } => {
            std::fs::write(&out, render_env_example()).map_err(|e| format!("writing {out}: {e}"))
        }
        Command::GenSecretKey => {
            let key = weiquan_services::credentials::SecretKey::generate_base64()
                .map_err(|e| e.to_string())?;
            println!("{}", key.as_str());
            Ok(())
        }
        Command::Serve => serve(config()?),
        Command::Migrate { fresh } => migrate_database(&config()?, fresh),
        Command::Seed => seed(&config()?),
        Command::Audit {
            command: AuditCommand::Verify { heads },
        } => weiquan_http::maintenance::verify(&config()?, heads),
        Command::Audit {
            command: AuditCommand::Prune,
        } => weiquan_http::maintenance::prune(&config()?),
        Command::Attachments {
            command: AttachmentsCommand::Prune,
        } => weiquan_http::maintenance::prune_attachments(&config()?),
        Command::Orders {
            command: OrdersCommand::Escalate,
        } => weiquan_http::maintenance::escalate(&config()?),
        Command::Orders {
            command: OrdersCommand::OdrExpire,
        } => weiquan_http::maintenance::odr_expire(&config()?),
        Command::Orders {
            command: OrdersCommand::SearchStats,
        } => weiquan_http::maintenance::search_stats(&config()?),
    }
}

fn config() -> Result<Config, String> {
    Config::from_env().map_err(|e| e.to_string())
}

fn openapi(out: &str, check: bool) -> Result<(), String> {
    let text = weiquan_http::openapi::render().map_err(|e| e.to_string())?;
    if check {
        let current = std::fs::read_to_string(out).unwrap_or_default();
        return if current == text {
            Ok(())
        } else {
            Err(format!(
                "{out} is stale: run `weiquan openapi` and commit it"
            ))
        };
    }
    std::fs::write(out, text).map_err(|e| format!("writing {out}: {e}"))
}

fn migrate_database(config: &Config, fresh: bool) -> Result<(), String> {
    let url = DatabaseUrl::parse(&config.database_url).map_err(|e| e.to_string())?;
    if fresh {
        if config.environment == Environment::Production {
            return Err("migrate --fresh drops the database; refused in production".into());
        }
        migrate::drop_database(&url).map_err(|e| e.to_string())?;
        log::info!("dropped database {}", url.name);
    }
    if migrate::ensure_database(&url).map_err(|e| e.to_string())? {
        log::info!("created database {}", url.name);
    }
    let mut conn = diesel::PgConnection::establish(&config.database_url)
        .map_err(|e| format!("connecting to {}: {e}", url.name))?;
    let applied = migrate::run_migrations(&mut conn).map_err(|e| e.to_string())?;
    log::info!(
        "applied {} migration(s): {}",
        applied.len(),
        applied.join(", ")
    );
    let loaded = weiquan_db::reference::sync_all(&mut conn).map_err(|e| e.to_string())?;
    log::info!(
        "reference data: {} divisions, {} bureaus created, {} categories created, {} holiday calendar year(s) loaded",
        loaded.divisions,
        loaded.bureaus_created,
        loaded.categories_created,
        loaded.holiday_years_loaded
    );
    Ok(())
}

fn seed(config: &Config) -> Result<(), String> {
    let mut conn = diesel::PgConnection::establish(&config.database_url)
        .map_err(|e| format!("connecting: {e} (run `weiquan migrate` first)"))?;
    let divisions = weiquan_db::divisions::count(&mut conn).map_err(|e| e.to_string())?;
    if divisions == 0 {
        return Err("no reference data: run `weiquan migrate` first".into());
    }
    if config.environment == Environment::Production {
        log::info!("seed: production: no demo accounts are created");
        return Ok(());
    }
    let hasher = weiquan_services::credentials::PasswordHasher::new(
        weiquan_services::credentials::HashParams::PRODUCTION,
    )
    .map_err(|e| e.to_string())?;
    let hash = hasher
        .hash(weiquan_services::demo::PASSWORD)
        .map_err(|e| e.to_string())?;
    let created = weiquan_services::demo::seed(&mut conn, &hash, &config.public_base_url)
        .map_err(|e| e.to_string())?;
    log::info!(
        "seed: {divisions} divisions present; {created} demo unit(s), account(s) and invitation(s) created"
    );
    Ok(())
}

fn serve(config: Config) -> Result<(), String> {
    let bind = config.bind;
    let listener = TcpListener::bind(bind).map_err(|e| format!("binding {bind}: {e}"))?;
    log::info!(
        "Weiquan listening on http://{bind}/ (admin http://{bind}/admin/, API docs http://{bind}/api/docs/)"
    );
    actix_web::rt::System::new().block_on(async move {
        let relay = weiquan_http::background::spawn_relay(&config).map_err(|e| e.to_string())?;
        let pruner = weiquan_http::background::spawn_pruner(&config).map_err(|e| e.to_string())?;
        let folder =
            weiquan_http::background::spawn_count_folder(&config).map_err(|e| e.to_string())?;
        let escalator =
            weiquan_http::background::spawn_escalator(&config).map_err(|e| e.to_string())?;
        let server = weiquan_http::server::start(config, listener).map_err(|e| e.to_string())?;
        // The server future ends after a graceful shutdown (SIGTERM, SIGINT); the relay, the
        // pruner and the escalation job then finish their round and stop.
        let result = server.await.map_err(|e| e.to_string());
        relay.stop().await;
        pruner.stop().await;
        folder.stop().await;
        if let Some(escalator) = escalator {
            escalator.stop().await;
        }
        result
    })
}
