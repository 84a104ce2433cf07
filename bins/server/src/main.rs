//! `kataloop-server`: see the library's documentation and README.md.
#![forbid(unsafe_code)]

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_server::config::Config;
use kataloop_server::dev::postgres::DevCluster;
use kataloop_server::dev::{bootstrap, DevDatabase, DevOptions};
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

/// The other data regions: `KATALOOP_REGION_<NAME>_DATABASE_URL` (runtime
/// login) and `KATALOOP_REGION_<NAME>_MANAGER_DATABASE_URL` (managers'
/// login) for each region, checked like the default region's.
async fn region_stores(config: &Config) -> Result<Vec<(Store, ManagerStore)>, String> {
    let vars: std::collections::BTreeMap<String, String> = std::env::vars().collect();
    let mut out = Vec::new();
    for (region, url) in kataloop_service::regions::region_database_urls(vars.clone()) {
        let name = format!("KATALOOP_REGION_{region}_DATABASE_URL");
        let manager_var = format!("KATALOOP_REGION_{region}_MANAGER_DATABASE_URL");
        let manager_url = vars
            .get(&manager_var)
            .ok_or_else(|| format!("{manager_var} is required with {name}"))?;
        let mut db = DatabaseConfig::new(url.clone());
        db.ca_file = config.database_ca_file.clone();
        let app = Store::connect(&db).map_err(|e| e.to_string())?;
        app.require_runtime_role()
            .await
            .map_err(|e| e.to_string())?;
        let mut mdb = DatabaseConfig::new(manager_url.clone());
        mdb.ca_file = config.database_ca_file.clone();
        let managers = ManagerStore::connect(&mdb).map_err(|e| e.to_string())?;
        managers
            .require_manager_role()
            .await
            .map_err(|e| e.to_string())?;
        out.push((app, managers));
    }
    Ok(out)
}

async fn run(config: Config) -> Result<(), String> {
    if config.dev {
        return run_dev(config).await;
    }
    let required = |value: Option<String>, name: &str| {
        value.ok_or_else(|| format!("{name} is required (or --dev)"))
    };
    let mut db = DatabaseConfig::new(required(config.database_url.clone(), "DATABASE_URL")?);
    db.ca_file = config.database_ca_file.clone();
    let app = Store::connect(&db).map_err(|e| e.to_string())?;
    app.require_runtime_role()
        .await
        .map_err(|e| e.to_string())?;
    let mut mdb = DatabaseConfig::new(required(
        config.manager_database_url.clone(),
        "KATALOOP_MANAGER_DATABASE_URL",
    )?);
    mdb.ca_file = config.database_ca_file.clone();
    let managers = ManagerStore::connect(&mdb).map_err(|e| e.to_string())?;
    managers
        .require_manager_role()
        .await
        .map_err(|e| e.to_string())?;
    let key_file = config
        .master_key_file
        .clone()
        .ok_or("KATALOOP_MASTER_KEY_FILE is required (or --dev)")?;
    let kek = MasterKey::load_file(&key_file).map_err(|e| e.to_string())?;
    let threads = config
        .hashing_threads
        .unwrap_or_else(HashingPool::default_threads);
    let pool = HashingPool::new(threads, config.hashing_queue).map_err(|e| e.to_string())?;
    let pipeline =
        Pipeline::new(Arc::new(kek), pool, config.bcrypt_cost).map_err(|e| e.to_string())?;
    let regions = region_stores(&config).await?;
    let state =
        AppState::new(app, managers, Arc::new(pipeline), rate_limit(&config)).with_regions(regions);
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
    listen_and_serve(&config, state, tls).await
}

fn rate_limit(config: &Config) -> RateLimit {
    RateLimit {
        per_minute: config.rate_limit_per_minute,
        burst: config.rate_limit_burst,
    }
}

async fn listen_and_serve(
    config: &Config,
    state: AppState,
    tls: Option<Arc<rustls::ServerConfig>>,
) -> Result<(), String> {
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

/// `--dev`: a private cluster (unless `DATABASE_URL` names an admin URL),
/// the bootstrap, the printed URLs, then the server; the cluster is
/// stopped when the server stops (Ctrl-C included).
async fn run_dev(config: Config) -> Result<(), String> {
    let dir = config.dev_dir.clone();
    let (cluster, admin_url) = match config.database_url.clone().filter(|u| !u.is_empty()) {
        Some(url) => (None, url),
        None => {
            let started = {
                let dir = dir.clone();
                tokio::task::spawn_blocking(move || DevCluster::start(&dir))
                    .await
                    .map_err(|e| e.to_string())?
                    .map_err(|e| e.to_string())?
            };
            let url = started.admin_url(kataloop_server::dev::DEV_DATABASE);
            println!(
                "PostgreSQL (private, dev only): {} on 127.0.0.1:{}",
                started.data_dir().display(),
                started.port()
            );
            (Some(started), url)
        }
    };
    let result = serve_dev(&config, &admin_url, &dir).await;
    if let Some(cluster) = cluster {
        match tokio::task::spawn_blocking(move || cluster.stop()).await {
            Ok(Ok(())) => println!("PostgreSQL stopped."),
            Ok(Err(e)) => eprintln!("kataloop-server: could not stop PostgreSQL: {e}"),
            Err(e) => eprintln!("kataloop-server: could not stop PostgreSQL: {e}"),
        }
    }
    result
}

async fn serve_dev(config: &Config, admin_url: &str, dir: &std::path::Path) -> Result<(), String> {
    let setup = bootstrap(
        &DevDatabase {
            admin_url: admin_url.to_owned(),
        },
        &DevOptions {
            dir: dir.to_path_buf(),
            bcrypt_cost: config.bcrypt_cost,
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    let tls = serve::tls_config(&setup.tls_cert, &setup.tls_key).map_err(|e| e.to_string())?;
    let base = format!("https://{}", config.listen);
    // Printed once to the terminal (never to the logs): these are the
    // credentials to try the demo with.
    println!(
        "\nKataloop dev mode ({}).\n\
         The certificate is self-signed ({}): your browser will warn once.\n\n\
         Manager dashboard:\n  {}\n\nEmployee invite:\n  {}\n\nCtrl-C stops the server and PostgreSQL.\n",
        if setup.seeded {
            "demo tenant seeded, first release done"
        } else {
            "demo tenant reused"
        },
        setup.tls_cert.display(),
        setup.dashboard_url(&base),
        setup.invite_url(&base),
    );
    let state = AppState::new(
        setup.app.clone(),
        setup.managers.clone(),
        setup.pipeline.clone(),
        rate_limit(config),
    );
    listen_and_serve(config, state, Some(tls)).await
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    init_logs(if config.dev {
        "text"
    } else {
        &config.log_format
    });
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "kataloop-server stopped");
            eprintln!("kataloop-server: {e}");
            ExitCode::FAILURE
        }
    }
}
