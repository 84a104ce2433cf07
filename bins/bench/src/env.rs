//! Where the benchmarks run: a private PostgreSQL cluster started as in
//! dev mode (or the server an admin `DATABASE_URL` names), prepared by the
//! dev bootstrap (migrations, login roles, keys), and stopped at the end.

use std::path::Path;

use kataloop_server::dev::postgres::DevCluster;
use kataloop_server::dev::{bootstrap, DevDatabase, DevOptions, DevSetup};
use kataloop_store::DatabaseConfig;

/// The database the benchmarks use (the dev database is left alone).
pub const BENCH_DATABASE: &str = "kataloop_bench";
/// The same schema with row-level security switched off (RLS tax).
pub const NO_RLS_DATABASE: &str = "kataloop_bench_norls";

/// The superuser URL of a named database on the bench server.
type AdminUrlFor = Box<dyn Fn(&str) -> String>;

pub struct BenchEnv {
    pub setup: DevSetup,
    /// Superuser URL of the bench database (bulk loading only).
    pub admin_url: String,
    /// Superuser URL of the no-RLS twin.
    pub no_rls_admin_url: String,
    /// The owner login on the no-RLS twin.
    pub no_rls_owner_url: String,
    cluster: Option<DevCluster>,
}

impl BenchEnv {
    pub async fn start(dir: &Path) -> Result<BenchEnv, String> {
        let (cluster, admin_for): (Option<DevCluster>, AdminUrlFor) =
            match std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()) {
                Some(url) => {
                    // The bench creates databases and cluster-wide login
                    // roles, and talks without TLS: a local server only.
                    let config: tokio_postgres::Config =
                        url.parse().map_err(|_| "DATABASE_URL is not a valid URL")?;
                    let local = config.get_hosts().iter().all(|h| match h {
                        tokio_postgres::config::Host::Tcp(name) => {
                            name == "localhost" || name.starts_with("127.") || name == "::1"
                        }
                        tokio_postgres::config::Host::Unix(_) => true,
                    });
                    if !local {
                        return Err("kataloop-bench runs against a local server only".into());
                    }
                    let url = url.clone();
                    (None, Box::new(move |db| swap_database(&url, db)))
                }
                None => {
                    let dir = dir.to_path_buf();
                    let cluster = tokio::task::spawn_blocking(move || DevCluster::start(&dir))
                        .await
                        .map_err(|e| e.to_string())?
                        .map_err(|e| e.to_string())?;
                    eprintln!(
                        "PostgreSQL (private, bench only) on 127.0.0.1:{}",
                        cluster.port()
                    );
                    let url = cluster.admin_url("postgres");
                    (Some(cluster), Box::new(move |db| swap_database(&url, db)))
                }
            };
        // Every run starts from empty databases.
        let postgres = connect(&admin_for("postgres")).await?;
        for db in [BENCH_DATABASE, NO_RLS_DATABASE] {
            postgres
                .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                .await
                .map_err(|e| e.to_string())?;
        }
        let admin_url = admin_for(BENCH_DATABASE);
        let setup = bootstrap(
            &DevDatabase {
                admin_url: admin_url.clone(),
            },
            &DevOptions {
                dir: dir.to_path_buf(),
                bcrypt_cost: 10,
            },
        )
        .await
        .map_err(|e| format!("bench database: {e}"))?;

        // The twin without row-level security: the same migrations, then
        // RLS switched off on every table.
        let no_rls_admin_url = admin_for(NO_RLS_DATABASE);
        postgres
            .batch_execute(&format!("CREATE DATABASE {NO_RLS_DATABASE}"))
            .await
            .map_err(|e| e.to_string())?;
        kataloop_store::run_migrations(&DatabaseConfig::new(no_rls_admin_url.clone()))
            .await
            .map_err(|e| format!("no-RLS twin: {e}"))?;
        let twin = connect(&no_rls_admin_url).await?;
        twin.batch_execute(
            "DO $$ DECLARE t record; BEGIN \
               FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP \
                 EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t.tablename); \
                 EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t.tablename); \
               END LOOP; END $$;",
        )
        .await
        .map_err(|e| e.to_string())?;
        let no_rls_owner_url = swap_database(&setup.owner_url, NO_RLS_DATABASE);
        Ok(BenchEnv {
            setup,
            admin_url,
            no_rls_admin_url,
            no_rls_owner_url,
            cluster,
        })
    }

    /// Stops the private cluster, if this run started it.
    pub async fn stop(self) {
        if let Some(cluster) = self.cluster {
            match tokio::task::spawn_blocking(move || cluster.stop()).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => eprintln!("kataloop-bench: could not stop PostgreSQL: {e}"),
                Err(e) => eprintln!("kataloop-bench: could not stop PostgreSQL: {e}"),
            }
        }
    }
}

/// The same URL naming another database (its query string kept).
pub fn swap_database(url: &str, db: &str) -> String {
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (url, None),
    };
    let base = path.rsplit_once('/').map_or(path, |(b, _)| b);
    match query {
        Some(q) => format!("{base}/{db}?{q}"),
        None => format!("{base}/{db}"),
    }
}

/// A plain tokio-postgres client (loopback, no TLS), its connection driven
/// on the runtime.
pub async fn connect(url: &str) -> Result<tokio_postgres::Client, String> {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(client)
}

/// Runs `body` as `client` in one transaction scoped to `tenant`, exactly
/// as the store opens one (`set_config('app.current_tenant_id', $1, true)`),
/// so that direct SQL pays what the application pays.
pub async fn in_tenant<T, F, Fut>(
    client: &tokio_postgres::Client,
    tenant: &uuid::Uuid,
    body: F,
) -> Result<T, String>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<T, tokio_postgres::Error>>,
{
    let e = |e: tokio_postgres::Error| e.to_string();
    client.batch_execute("BEGIN").await.map_err(e)?;
    client
        .query(
            "SELECT set_config('app.current_tenant_id', $1, true)",
            &[&tenant.to_string()],
        )
        .await
        .map_err(e)?;
    let out = body().await.map_err(e)?;
    client.batch_execute("COMMIT").await.map_err(e)?;
    Ok(out)
}
