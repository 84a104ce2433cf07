//! `kataloop-server`: see the library's documentation and README.md.
#![forbid(unsafe_code)]

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_server::config::Config;
use kataloop_server::hygiene::RateLimit;
use kataloop_server::{router, serve, AppState};
use kataloop_service::submission::Pipeline;
use kataloop_store::{DatabaseConfig, ManagerStore, Store};

fn init_logs(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KATALOOP_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "text" {
        builder.init();
    } else {
        builder.json().init();
    }
}

async fn run(config: Config) -> Result<(), String> {
    let mut db = DatabaseConfig::new(config.database_url.clone());
    db.ca_file = config.database_ca_file.clone();
    let app = Store::connect(&db).map_err(|e| e.to_string())?;
    app.require_runtime_role()
        .await
        .map_err(|e| e.to_string())?;
    let mut mdb = DatabaseConfig::new(config.manager_database_url.clone());
    mdb.ca_file = config.database_ca_file.clone();
    let managers = ManagerStore::connect(&mdb).map_err(|e| e.to_string())?;
    managers
        .require_manager_role()
        .await
        .map_err(|e| e.to_string())?;
    let kek = MasterKey::load_file(&config.master_key_file).map_err(|e| e.to_string())?;
    let threads = config
        .hashing_threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let pool = HashingPool::new(threads, config.hashing_queue).map_err(|e| e.to_string())?;
    let pipeline =
        Pipeline::new(Arc::new(kek), pool, config.bcrypt_cost).map_err(|e| e.to_string())?;
    let state = AppState::new(
        app,
        managers,
        Arc::new(pipeline),
        RateLimit {
            per_minute: config.rate_limit_per_minute,
            burst: config.rate_limit_burst,
        },
    );
    let tls = match (&config.tls_cert, &config.tls_key, config.behind_tls_proxy) {
        (Some(cert), Some(key), _) => {
            Some(serve::tls_config(cert, key).map_err(|e| e.to_string())?)
        }
        (_, _, true) => {
            tracing::warn!("serving plain HTTP: a TLS-terminating proxy must be in front");
            None
        }
        _ => return Err("--tls-cert and --tls-key are required (or --behind-tls-proxy)".into()),
    };
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    tracing::info!(listen = %config.listen, tls = tls.is_some(), "kataloop-server ready");
    serve::serve(
        listener,
        tls,
        router(state),
        serve::shutdown_signal(),
        Duration::from_secs(config.shutdown_grace_secs),
    )
    .await;
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    init_logs(&config.log_format);
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "kataloop-server stopped");
            eprintln!("kataloop-server: {e}");
            ExitCode::FAILURE
        }
    }
}
