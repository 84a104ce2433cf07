use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use diesel::sql_types::{Bool, Text};
use diesel::QueryableByName;
use diesel_async::pooled_connection::deadpool::Pool;
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
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
        let (url, tls) = connection_target(config)?;
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
            async move { establish(&url, tls).await }.boxed()
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
        let check = diesel::sql_query(
            "SELECT current_user::text AS role, r.rolsuper AS superuser, \
                    r.rolbypassrls AS bypass_rls, \
                    EXISTS (SELECT 1 FROM pg_class c \
                            WHERE c.relkind IN ('r', 'p') \
                              AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns_tables \
             FROM pg_roles r WHERE r.rolname = current_user",
        )
        .get_result::<RoleCheck>(&mut *conn)
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
        diesel::sql_query("SELECT 1").execute(&mut *conn).await?;
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
        let row = diesel::sql_query(
            "SELECT pg_backend_pid() AS backend_pid, \
                    NULLIF(current_setting('app.current_tenant_id', true), '') AS tenant_setting, \
                    (SELECT count(*) FROM tenants) AS visible_tenants",
        )
        .get_result::<IdleConnectionState>(&mut *conn)
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
        let (url, tls) = connection_target(config)?;
        let conn = establish(&url, tls)
            .await
            .map_err(|e| StoreError::Config(e.to_string()))?;
        Ok(DedicatedConnection { conn })
    }

    /// The same statement as [`Store::ping`].
    pub async fn ping(&mut self) -> Result<(), StoreError> {
        diesel::sql_query("SELECT 1")
            .execute(&mut self.conn)
            .await?;
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
pub(crate) fn connection_target(
    config: &DatabaseConfig,
) -> Result<(String, Option<Arc<rustls::ClientConfig>>), StoreError> {
    let url = normalise_sslmode(&config.url);
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
    Ok((url, tls))
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
) -> diesel::ConnectionResult<AsyncPgConnection> {
    let bad = |e: tokio_postgres::Error| diesel::ConnectionError::BadConnection(e.to_string());
    match tls {
        Some(config) => {
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new((*config).clone());
            let (client, conn) = tokio_postgres::connect(url, tls).await.map_err(bad)?;
            AsyncPgConnection::try_from_client_and_connection(client, conn).await
        }
        None => {
            let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
                .await
                .map_err(bad)?;
            AsyncPgConnection::try_from_client_and_connection(client, conn).await
        }
    }
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
    fn invalid_urls_are_a_config_error() {
        let err = Store::connect(&DatabaseConfig::new("not a url at all ::")).unwrap_err();
        assert!(matches!(err, StoreError::Config(_)), "{err:?}");
    }
}
