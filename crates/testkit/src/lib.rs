//! Test-only: a fresh, migrated PostgreSQL database for every test.
//!
//! The server is, in order of preference: the admin URL in `DATABASE_URL`;
//! `postgres://postgres@127.0.0.1:5432/postgres` if it answers; otherwise a
//! throwaway cluster started with the system's `initdb`/`pg_ctl` in a temp
//! directory, stopped when the test process exits. Migrations run once into a
//! template database named after a hash of `migrations/`; each test clones
//! it (`CREATE DATABASE ... TEMPLATE ...`) and drops its clone when done.
//!
//! Tests connect as login roles that hold the product's roles: `app_store()`
//! is bound by row-level security exactly like the server; `owner_store()` is
//! the operators' role (owner of the tables, and bound by FORCEd RLS too).
#![forbid(unsafe_code)]

mod cluster;
mod pooler;
mod template;

use std::sync::OnceLock;

use kataloop_store::{DatabaseConfig, Store};

pub use cluster::{find_postgres_bin, Cluster, ClusterError};
pub use pooler::Pooler;

/// Login role for the runtime (member of `kataloop_app`).
pub const APP_LOGIN: &str = "kataloop_test_app";
/// Login role for managers' reads (member of `kataloop_manager` only).
pub const MANAGER_LOGIN: &str = "kataloop_test_manager";
/// Login role for operators (member of `kataloop_owner`).
pub const OWNER_LOGIN: &str = "kataloop_test_owner";
pub(crate) const LOGIN_PASSWORD: &str = "kataloop-test-only";

static SHARED: OnceLock<Result<Cluster, ClusterError>> = OnceLock::new();

/// The PostgreSQL server this test process uses (found or started once).
pub fn shared_cluster() -> &'static Cluster {
    match SHARED.get_or_init(Cluster::discover) {
        Ok(cluster) => cluster,
        Err(e) => panic!("{e}"),
    }
}

/// One freshly migrated database, dropped when this value is dropped.
#[derive(Debug)]
pub struct TestDatabase {
    name: String,
    cluster: &'static Cluster,
}

impl TestDatabase {
    /// Clones a fresh database from the migrated template.
    pub async fn new() -> TestDatabase {
        let cluster = shared_cluster();
        let name = template::clone_fresh(cluster)
            .await
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
        TestDatabase { name, cluster }
    }

    /// Like [`TestDatabase::new`], on a cluster of the test's own (for
    /// tests that stop and start PostgreSQL, which must never touch the
    /// shared one).
    pub async fn new_on(cluster: &'static Cluster) -> TestDatabase {
        let name = template::clone_fresh(cluster)
            .await
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
        TestDatabase { name, cluster }
    }

    /// The cluster this database lives on.
    pub fn cluster(&self) -> &'static Cluster {
        self.cluster
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// URL for the runtime login (member of `kataloop_app`).
    pub fn app_url(&self) -> String {
        self.cluster.url_for(APP_LOGIN, LOGIN_PASSWORD, &self.name)
    }

    /// URL for the managers' login (member of `kataloop_manager` only).
    pub fn manager_url(&self) -> String {
        self.cluster
            .url_for(MANAGER_LOGIN, LOGIN_PASSWORD, &self.name)
    }

    /// URL for the operators' login (member of `kataloop_owner`).
    pub fn owner_url(&self) -> String {
        self.cluster
            .url_for(OWNER_LOGIN, LOGIN_PASSWORD, &self.name)
    }

    /// URL for the cluster's superuser, for catalog inspection only: a
    /// superuser bypasses row-level security, so no isolation test uses it.
    pub fn superuser_url(&self) -> String {
        self.cluster.admin_url_for(&self.name)
    }

    /// A store connected as the runtime role.
    pub fn app_store(&self) -> Store {
        self.store(self.app_url(), 4)
    }

    /// A store connected as the runtime role, with a pool of exactly one
    /// connection (to observe what the next user of a connection sees).
    pub fn app_store_single_connection(&self) -> Store {
        self.store(self.app_url(), 1)
    }

    /// A store connected as the runtime role through a PgBouncer in
    /// transaction mode, configured as a pooler needs
    /// (`statement_cache=off`), with `max` client connections.
    pub fn app_store_through(&self, pooler: &crate::Pooler, max: usize) -> Store {
        self.store(
            format!(
                "{}?statement_cache=off",
                pooler.url_for(APP_LOGIN, self.name())
            ),
            max,
        )
    }

    /// A store connected as the managers' role: it can read released data
    /// only.
    pub fn manager_store(&self) -> kataloop_store::ManagerStore {
        let mut config = DatabaseConfig::new(self.manager_url());
        config.max_connections = 2;
        kataloop_store::ManagerStore::connect(&config).expect("test store configuration")
    }

    /// A store connected as the operators' role.
    pub fn owner_store(&self) -> Store {
        self.store(self.owner_url(), 4)
    }

    fn store(&self, url: String, max: usize) -> Store {
        let mut config = DatabaseConfig::new(url);
        config.max_connections = max;
        Store::connect(&config).expect("test store configuration")
    }

    /// A plain tokio-postgres client as the given URL, for tests that must
    /// send SQL the store API would never send (to prove the database itself
    /// refuses it).
    pub async fn raw_client(url: &str) -> tokio_postgres::Client {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .unwrap_or_else(|e| panic!("cannot connect for a raw test client: {e}"));
        tokio::spawn(async move {
            let _ = conn.await;
        });
        client
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        template::drop_database(self.cluster, &self.name);
    }
}
