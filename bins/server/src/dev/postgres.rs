//! A private PostgreSQL cluster for `--dev`, started with the system's
//! `initdb`/`pg_ctl` (adapted from the test kit, which the server must not
//! depend on).
//!
//! The cluster lives in `<dir>/pg/data`, listens on loopback only at a port
//! remembered in `<dir>/pg/port` (reused on restart when free), trusts local
//! connections, and is stopped by [`DevCluster::stop`] — and, should this
//! process die without calling it, by a small watchdog that outlives it.

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why the private cluster could not be started or stopped.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ClusterError(pub String);

/// The superuser of the private cluster (local trust authentication).
pub const DEV_SUPERUSER: &str = "postgres";

/// A running private cluster.
#[derive(Debug)]
pub struct DevCluster {
    root: PathBuf,
    bin: PathBuf,
    as_postgres_user: bool,
    port: u16,
}

impl DevCluster {
    /// Starts (creating it on first use) the cluster under `<dir>/pg`.
    /// A cluster already running there is reused.
    pub fn start(dir: &Path) -> Result<DevCluster, ClusterError> {
        let bin = find_postgres_bin()?;
        let as_postgres_user = running_as_root();
        std::fs::create_dir_all(dir)
            .map_err(|e| ClusterError(format!("cannot create {}: {e}", dir.display())))?;
        let dir = dir
            .canonicalize()
            .map_err(|e| ClusterError(format!("cannot resolve {}: {e}", dir.display())))?;
        let root = dir.join("pg");
        std::fs::create_dir_all(&root)
            .map_err(|e| ClusterError(format!("cannot create {}: {e}", root.display())))?;
        let mut cluster = DevCluster {
            root,
            bin,
            as_postgres_user,
            port: 0,
        };
        if as_postgres_user {
            // initdb refuses to run as root: the cluster belongs to `postgres`.
            run(Command::new("chown")
                .arg("postgres:postgres")
                .arg(&cluster.root))?;
        }
        let data = cluster.data_dir();
        if !data.join("PG_VERSION").is_file() {
            run(cluster.command("initdb").arg("-D").arg(&data).args([
                "-U",
                DEV_SUPERUSER,
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ]))?;
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
            let options = format!(
                "-c listen_addresses=127.0.0.1 -p {} -k {} -c max_connections=100",
                cluster.port,
                cluster.root.display()
            );
            run(cluster
                .command("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(cluster.root.join("server.log"))
                .args(["-w", "-t", "60", "-o", &options, "start"]))?;
        }
        cluster.spawn_watchdog();
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
        self.command("pg_ctl")
            .arg("-D")
            .arg(self.data_dir())
            .arg("status")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    /// Stops the cluster (fast shutdown); the data stays for the next run.
    pub fn stop(&self) -> Result<(), ClusterError> {
        if !self.is_running() {
            return Ok(());
        }
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.data_dir())
            .args(["-w", "-m", "fast", "stop"]))
    }

    fn command(&self, tool: &str) -> Command {
        let program = self.bin.join(tool);
        if self.as_postgres_user {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(program);
            cmd
        } else {
            Command::new(program)
        }
    }

    /// Stops the cluster once this process is gone, however it ends.
    fn spawn_watchdog(&self) {
        let stop = format!(
            "{}'{}' -D '{}' -m fast -w stop",
            if self.as_postgres_user {
                "runuser -u postgres -- "
            } else {
                ""
            },
            self.bin.join("pg_ctl").display(),
            self.data_dir().display()
        );
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1",
            pid = std::process::id(),
        );
        // setsid: the watchdog must survive a Ctrl-C sent to this process
        // group to do its job.
        let _ = Command::new("setsid")
            .args(["sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    }
}

fn run(cmd: &mut Command) -> Result<(), ClusterError> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| ClusterError(format!("cannot run {:?}: {e}", cmd.get_program())))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(ClusterError(format!(
            "{:?} failed: {}",
            cmd.get_program(),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

fn port_is_free(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

fn free_port() -> Result<u16, ClusterError> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| ClusterError(format!("no free local port: {e}")))
}

/// `pg_ctl` and `initdb` from PATH, `pg_config --bindir`, or the newest
/// `/usr/lib/postgresql/*/bin`.
pub fn find_postgres_bin() -> Result<PathBuf, ClusterError> {
    let has_tools = |dir: &Path| dir.join("pg_ctl").is_file() && dir.join("initdb").is_file();
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if has_tools(&dir) {
                let real = dir
                    .join("pg_ctl")
                    .canonicalize()
                    .ok()
                    .and_then(|p| p.parent().map(Path::to_path_buf))
                    .unwrap_or(dir);
                if has_tools(&real) {
                    return Ok(real);
                }
            }
        }
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && has_tools(&dir) {
            return Ok(dir);
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|entries| entries.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    versions.retain(|d| has_tools(d));
    versions.sort_by_key(|d| {
        d.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    versions.pop().ok_or_else(|| {
        ClusterError(
            "no PostgreSQL server binaries found: run `apt-get install postgresql`, or set DATABASE_URL to the admin URL of a running server".into(),
        )
    })
}
