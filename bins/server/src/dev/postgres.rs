//! A private PostgreSQL cluster for `--dev`, started with the system's
//! `initdb`/`pg_ctl` (adapted from the test kit, which the server must not
//! depend on).
//!
//! The cluster lives in `<dir>/pg/data`, listens on loopback only at a port
//! remembered in `<dir>/pg/port` (reused on restart when free), trusts local
//! connections, and is stopped by [`DevCluster::stop`] — and, should this
//! process die without calling it, by a small watchdog that outlives it.

use std::path::{Path, PathBuf};

pub use kataloop_pgcluster::ClusterError;
use kataloop_pgcluster::{free_port, port_is_free, PgTools};

/// The superuser of the private cluster (local trust authentication).
pub const DEV_SUPERUSER: &str = "postgres";

/// A running private cluster.
#[derive(Debug)]
pub struct DevCluster {
    root: PathBuf,
    tools: PgTools,
    port: u16,
}

impl DevCluster {
    /// Starts (creating it on first use) the cluster under `<dir>/pg`.
    /// A cluster already running there is reused.
    pub fn start(dir: &Path) -> Result<DevCluster, ClusterError> {
        let tools = PgTools::find()?;
        std::fs::create_dir_all(dir)
            .map_err(|e| ClusterError(format!("cannot create {}: {e}", dir.display())))?;
        let dir = dir
            .canonicalize()
            .map_err(|e| ClusterError(format!("cannot resolve {}: {e}", dir.display())))?;
        let root = dir.join("pg");
        tools.prepare_dir(&root)?;
        let mut cluster = DevCluster {
            root,
            tools,
            port: 0,
        };
        let data = cluster.data_dir();
        if !data.join("PG_VERSION").is_file() {
            cluster.tools.initdb(&data, DEV_SUPERUSER)?;
        }
        let remembered = std::fs::read_to_string(cluster.port_file())
            .ok()
            .and_then(|s| s.trim().parse::<u16>().ok());
        if cluster.is_running() {
            cluster.port = remembered.ok_or_else(|| {
                ClusterError(format!(
                    "a cluster runs in {} but its port is unknown; stop it with pg_ctl",
                    data.display()
                ))
            })?;
        } else {
            cluster.port = match remembered {
                Some(p) if port_is_free(p) => p,
                _ => free_port()?,
            };
            std::fs::write(cluster.port_file(), cluster.port.to_string()).map_err(|e| {
                ClusterError(format!(
                    "cannot write {}: {e}",
                    cluster.port_file().display()
                ))
            })?;
            cluster.tools.start(
                &data,
                &cluster.root.join("server.log"),
                cluster.port,
                &cluster.root,
                "-c max_connections=100",
            )?;
        }
        cluster.tools.spawn_watchdog(&data, "fast", None);
        Ok(cluster)
    }

    /// The loopback port the cluster listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The data directory.
    pub fn data_dir(&self) -> PathBuf {
        self.root.join("data")
    }

    fn port_file(&self) -> PathBuf {
        self.root.join("port")
    }

    /// The superuser's URL for database `db`.
    pub fn admin_url(&self, db: &str) -> String {
        format!("postgres://{DEV_SUPERUSER}@127.0.0.1:{}/{db}", self.port)
    }

    /// Whether the postmaster of this data directory runs.
    pub fn is_running(&self) -> bool {
        self.tools.is_running(&self.data_dir())
    }

    /// Stops the cluster (fast shutdown); the data stays for the next run.
    pub fn stop(&self) -> Result<(), ClusterError> {
        if !self.is_running() {
            return Ok(());
        }
        self.tools.stop(&self.data_dir(), "fast")
    }
}
