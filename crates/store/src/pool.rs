use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use diesel::sql_types::{Bool, Text};
use diesel::QueryableByName;
use diesel_async::pooled_connection::deadpool::Pool;
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::FutureExt;
use kataloop_tenancy::TenantId;
use tokio_postgres::config::SslMode;

use crate::error::StoreError;
use crate::tenant_tx::TenantScope;

/// How to reach the database.
#[derive(Clone)]
pub struct DatabaseConfig {
    /// A libpq-style URL. `sslmode=disable` turns TLS off; `require`,
    /// `verify-ca` and `verify-full` all mean TLS with full certificate and
    /// host-name verification; without `sslmode`, TLS is used for every host
    /// that is not loopback or a Unix socket.
    pub url: String,
    /// Extra PEM certificate authorities to trust besides the system's.
    pub ca_file: Option<PathBuf>,
    /// Upper bound of pooled connections.
    pub max_connections: usize,
    /// How long a caller waits for a free connection.
    pub acquire_timeout: Duration,
}

impl DatabaseConfig {
    /// A configuration with defaults sized for a small server.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            ca_file: None,
            max_connections: 16,
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

impl std::fmt::Debug for DatabaseConfig {
    // The URL may carry a password: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &"[redacted]")
            .field("ca_file", &self.ca_file)
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

/// What the connected role is allowed to do, as PostgreSQL reports it.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct RoleCheck {
    /// `current_user`.
    #[diesel(sql_type = Text)]
    pub role: String,
    /// `rolsuper`.
    #[diesel(sql_type = Bool)]
    pub superuser: bool,
    /// `rolbypassrls`.
    #[diesel(sql_type = Bool)]
    pub bypass_rls: bool,
    /// Whether the role (or a role it inherits from) owns any table in the
    /// database; owners are bound by FORCEd RLS, but must not be the runtime.
    #[diesel(sql_type = Bool)]
    pub owns_tables: bool,
}

/// A pool of connections to one Kataloop database.
#[derive(Clone)]
pub struct Store {
    pool: Pool<AsyncPgConnection>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let status = self.pool.status();
        f.debug_struct("Store")
            .field("size", &status.size)
            .field("available", &status.available)
            .finish()
    }
}

impl Store {
    /// Builds the pool. Connections are opened lazily; call
    /// [`Store::role_check`] or [`Store::require_runtime_role`] to test the
    /// connection at start-up.
    pub fn connect(config: &DatabaseConfig) -> Result<Store, StoreError> {
        let Target {
            url,
            tls,
            statement_cache,
        } = connection_target(config)?;
        let mut manager_config = ManagerConfig::<AsyncPgConnection>::default();
        // No test query on every checkout: it doubled the round trips of a
        // short request (kataloop-bench, workload 9). A connection whose
        // server went away is still refused at checkout, because
        // `AsyncPgConnection::is_broken` checks that the socket is open, and
        // a transaction left open is refused too (pool hygiene, guarantee 20).
        manager_config.recycling_method = diesel_async::pooled_connection::RecyclingMethod::Fast;
        manager_config.custom_setup = Box::new(move |url: &str| {
            let tls = tls.clone();
            let url = url.to_owned();
            async move { establish(&url, tls, statement_cache).await }.boxed()
        });
        let manager =
            AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(url, manager_config);
        let pool = Pool::builder(manager)
            .max_size(config.max_connections.max(1))
            .wait_timeout(Some(config.acquire_timeout))
            .create_timeout(Some(config.acquire_timeout))
            .runtime(deadpool_runtime())
            .build()
            .map_err(|e| StoreError::Config(e.to_string()))?;
        Ok(Store { pool })
    }

    /// Opens the door to one tenant's rows. Nothing runs until
    /// [`TenantScope::transaction`] is called.
    pub fn tenant(&self, tenant: TenantId) -> TenantScope<'_> {
        TenantScope::new(self, tenant)
    }

    pub(crate) async fn connection(
        &self,
    ) -> Result<diesel_async::pooled_connection::deadpool::Object<AsyncPgConnection>, StoreError>
    {
        self.pool.get().await.map_err(StoreError::from)
    }

    /// Reports what the connected role may do.
    pub async fn role_check(&self) -> Result<RoleCheck, StoreError> {
        let mut conn = self.connection().await?;
        // In a transaction, like every statement the store sends, so that
        // a transaction-mode pooler keeps it on one server connection.
        let check = conn
            .transaction::<_, diesel::result::Error, _>(async |conn| {
                diesel::sql_query(
                    "SELECT current_user::text AS role, r.rolsuper AS superuser, \
                            r.rolbypassrls AS bypass_rls, \
                            EXISTS (SELECT 1 FROM pg_class c \
                                    WHERE c.relkind IN ('r', 'p') \
                                      AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns_tables \
                     FROM pg_roles r WHERE r.rolname = current_user",
                )
                .get_result::<RoleCheck>(conn)
                .await
            })
            .await?;
        Ok(check)
    }

    /// Fails unless the connected role is bound by row-level security: not a
    /// superuser, no BYPASSRLS, owner of no table (guarantee 18). The server
    /// calls this before it accepts a request.
    pub async fn require_runtime_role(&self) -> Result<RoleCheck, StoreError> {
        let check = self.role_check().await?;
        if check.superuser || check.bypass_rls || check.owns_tables {
            return Err(StoreError::PrivilegedRole { role: check.role });
        }
        Ok(check)
    }

    /// Whether the database answers (for readiness probes).
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut conn = self.connection().await?;
        // The simple protocol: no prepared statement, so it works through
        // any pooler mode.
        diesel_async::SimpleAsyncConnection::batch_execute(&mut *conn, "SELECT 1").await?;
        Ok(())
    }

    /// What the next user of a pooled connection would see outside any
    /// transaction: its backend process id, the value of
    /// `app.current_tenant_id`, and how many `tenants` rows are visible.
    /// After any tenant transaction has ended the setting must be empty and
    /// no row visible (guarantee 20); tests and diagnostics use this to prove
    /// pool hygiene.
    pub async fn idle_connection_state(&self) -> Result<IdleConnectionState, StoreError> {
        let mut conn = self.connection().await?;
        // A fresh transaction sees what the session carries over.
        let row = conn
            .transaction::<_, diesel::result::Error, _>(async |conn| {
                diesel::sql_query(
                    "SELECT pg_backend_pid() AS backend_pid, \
                            NULLIF(current_setting('app.current_tenant_id', true), '') AS tenant_setting, \
                            (SELECT count(*) FROM tenants) AS visible_tenants",
                )
                .get_result::<IdleConnectionState>(conn)
                .await
            })
            .await?;
        Ok(row)
    }
}

/// One connection of its own, outside any pool: the baseline the pool's
/// overhead is measured against (benchmarks, diagnostics).
pub struct DedicatedConnection {
    conn: AsyncPgConnection,
}

impl std::fmt::Debug for DedicatedConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DedicatedConnection")
    }
}

impl DedicatedConnection {
    /// Opens the connection with the same TLS rules as [`Store::connect`].
    pub async fn connect(config: &DatabaseConfig) -> Result<DedicatedConnection, StoreError> {
        let target = connection_target(config)?;
        let conn = establish(&target.url, target.tls, target.statement_cache)
            .await
            .map_err(|e| StoreError::Config(e.to_string()))?;
        Ok(DedicatedConnection { conn })
    }

    /// The same statement as [`Store::ping`].
    pub async fn ping(&mut self) -> Result<(), StoreError> {
        diesel_async::SimpleAsyncConnection::batch_execute(&mut self.conn, "SELECT 1").await?;
        Ok(())
    }
}

/// See [`Store::idle_connection_state`].
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct IdleConnectionState {
    /// `pg_backend_pid()`: equal across calls when the pool reused the connection.
    #[diesel(sql_type = diesel::sql_types::Int4)]
    pub backend_pid: i32,
    /// `app.current_tenant_id`, `None` when unset or empty.
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub tenant_setting: Option<String>,
    /// `SELECT count(*) FROM tenants` as this role, outside any tenant.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub visible_tenants: i64,
}

/// The URL to hand to tokio-postgres and the TLS settings it needs.
/// Where and how to connect: the URL for tokio-postgres, TLS, and whether
/// prepared statements are cached per connection.
pub(crate) struct Target {
    pub(crate) url: String,
    pub(crate) tls: Option<Arc<rustls::ClientConfig>>,
    pub(crate) statement_cache: bool,
}

/// Kataloop's own URL parameter `statement_cache=off`: no prepared
/// statement outlives its transaction, for poolers in transaction mode that
/// cannot carry named statements from one transaction to the next
/// (PgBouncer before 1.21, or without `max_prepared_statements`). It is
/// removed before the URL reaches the driver.
fn take_statement_cache(url: &str) -> Result<(String, bool), StoreError> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_owned(), true));
    };
    let mut cache = true;
    let mut kept = Vec::new();
    for pair in query.split('&') {
        match pair {
            "statement_cache=off" => cache = false,
            "statement_cache=on" => cache = true,
            p if p.starts_with("statement_cache=") => {
                return Err(StoreError::Config(
                    "statement_cache must be on or off".into(),
                ))
            }
            p => kept.push(p),
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok((url, cache))
}

pub(crate) fn connection_target(config: &DatabaseConfig) -> Result<Target, StoreError> {
    let (url, statement_cache) = take_statement_cache(&config.url)?;
    let url = normalise_sslmode(&url);
    let pg_config: tokio_postgres::Config = url
        .parse()
        .map_err(|_| StoreError::Config("DATABASE_URL is not a valid PostgreSQL URL".into()))?;
    let use_tls = match pg_config.get_ssl_mode() {
        SslMode::Disable => false,
        SslMode::Require => true,
        _ => !all_hosts_local(&pg_config),
    };
    let tls = if use_tls {
        Some(Arc::new(client_tls_config(config.ca_file.as_ref())?))
    } else {
        None
    };
    Ok(Target {
        url,
        tls,
        statement_cache,
    })
}

fn deadpool_runtime() -> deadpool::Runtime {
    deadpool::Runtime::Tokio1
}

/// tokio-postgres knows only disable/prefer/require; the stricter libpq modes
/// map to `require`, which here always verifies certificate and host name.
fn normalise_sslmode(url: &str) -> String {
    url.replace("sslmode=verify-full", "sslmode=require")
        .replace("sslmode=verify-ca", "sslmode=require")
}

fn all_hosts_local(config: &tokio_postgres::Config) -> bool {
    use tokio_postgres::config::Host;
    let hosts = config.get_hosts();
    !hosts.is_empty()
        && hosts.iter().all(|h| match h {
            Host::Unix(_) => true,
            Host::Tcp(name) => {
                name == "localhost"
                    || name
                        .parse::<std::net::IpAddr>()
                        .map(|ip| ip.is_loopback())
                        .unwrap_or(false)
            }
        })
}

fn client_tls_config(ca_file: Option<&PathBuf>) -> Result<rustls::ClientConfig, StoreError> {
    let mut roots = rustls::RootCertStore::empty();
    let native = rustls_native_certs::load_native_certs();
    for cert in native.certs {
        // A system store can hold a certificate rustls rejects; skip it
        // rather than refuse every connection.
        let _ = roots.add(cert);
    }
    if let Some(path) = ca_file {
        let pem = std::fs::read(path).map_err(|e| {
            StoreError::Config(format!("cannot read CA file {}: {e}", path.display()))
        })?;
        let mut reader = std::io::BufReader::new(pem.as_slice());
        let mut added = 0;
        for cert in rustls_pemfile::certs(&mut reader) {
            let cert = cert.map_err(|_| {
                StoreError::Config(format!("CA file {} is not valid PEM", path.display()))
            })?;
            roots
                .add(cert)
                .map_err(|e| StoreError::Config(format!("unusable CA certificate: {e}")))?;
            added += 1;
        }
        if added == 0 {
            return Err(StoreError::Config(format!(
                "CA file {} holds no certificate",
                path.display()
            )));
        }
    }
    if roots.is_empty() {
        return Err(StoreError::Config(
            "TLS is required but no trusted certificate authority was found; install ca-certificates or set a CA file".into(),
        ));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| StoreError::Config(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

pub(crate) async fn establish(
    url: &str,
    tls: Option<Arc<rustls::ClientConfig>>,
    statement_cache: bool,
) -> diesel::ConnectionResult<AsyncPgConnection> {
    let bad = |e: tokio_postgres::Error| diesel::ConnectionError::BadConnection(e.to_string());
    match tls {
        Some(config) => {
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new((*config).clone());
            let (client, conn) = tokio_postgres::connect(url, tls).await.map_err(bad)?;
            finish(client, conn, statement_cache).await
        }
        None => {
            let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
                .await
                .map_err(bad)?;
            finish(client, conn, statement_cache).await
        }
    }
}

/// Hands a fresh tokio-postgres connection to diesel-async.
async fn finish<S>(
    client: tokio_postgres::Client,
    conn: tokio_postgres::Connection<tokio_postgres::Socket, S>,
    statement_cache: bool,
) -> diesel::ConnectionResult<AsyncPgConnection>
where
    S: tokio_postgres::tls::TlsStream + Unpin + Send + 'static,
{
    if statement_cache {
        return AsyncPgConnection::try_from_client_and_connection(client, conn).await;
    }
    // Behind a transaction-mode pooler. diesel-async's set-up runs two
    // prepared statements outside any transaction, whose Parse and Bind
    // could reach different server connections; inside one transaction
    // they cannot (and the pooler replays the session settings they make).
    // The connection is driven here, so its end shows as `is_closed`.
    tokio::spawn(async move {
        let _ = conn.await;
    });
    let bad = |e: tokio_postgres::Error| diesel::ConnectionError::BadConnection(e.to_string());
    client.batch_execute("BEGIN").await.map_err(bad)?;
    let mut conn = AsyncPgConnection::try_from(client).await?;
    use diesel_async::{AsyncConnection, SimpleAsyncConnection};
    conn.batch_execute("COMMIT")
        .await
        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
    // No statement outlives its transaction (the pooler would lose it).
    conn.set_prepared_statement_cache_size(diesel::connection::CacheSize::Disabled);
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_need_no_tls_remote_hosts_do() {
        let local: tokio_postgres::Config = "postgres://u@127.0.0.1/db".parse().unwrap();
        assert!(all_hosts_local(&local));
        let remote: tokio_postgres::Config = "postgres://u@db.example.com/db".parse().unwrap();
        assert!(!all_hosts_local(&remote));
    }

    #[test]
    fn debug_output_hides_the_url() {
        let config = DatabaseConfig::new("postgres://u:hunter2@db.example.com/db");
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[test]
    fn statement_cache_parameter_is_read_and_removed() {
        let t = |u: &str| take_statement_cache(u).unwrap();
        assert_eq!(t("postgres://u@h/db"), ("postgres://u@h/db".into(), true));
        assert_eq!(
            t("postgres://u@h/db?statement_cache=off"),
            ("postgres://u@h/db".into(), false)
        );
        assert_eq!(
            t("postgres://u@h/db?sslmode=require&statement_cache=off&connect_timeout=5"),
            (
                "postgres://u@h/db?sslmode=require&connect_timeout=5".into(),
                false
            )
        );
        assert!(matches!(
            take_statement_cache("postgres://u@h/db?statement_cache=maybe"),
            Err(StoreError::Config(_))
        ));
    }

    #[test]
    fn invalid_urls_are_a_config_error() {
        let err = Store::connect(&DatabaseConfig::new("not a url at all ::")).unwrap_err();
        assert!(matches!(err, StoreError::Config(_)), "{err:?}");
    }
}
