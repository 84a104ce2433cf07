//! PgBouncer in transaction pooling mode in front of the test server, for
//! the suites that must also pass through a pooler (guarantee 20). Started
//! by the test, stopped when dropped — and by a watchdog should the test
//! process die first.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use kataloop_pgcluster::{free_port, on_exit, ClusterError, PgTools};

use crate::cluster::Cluster;
use crate::{APP_LOGIN, LOGIN_PASSWORD, MANAGER_LOGIN, OWNER_LOGIN};

/// A running PgBouncer.
#[derive(Debug)]
pub struct Pooler {
    child: Child,
    dir: PathBuf,
    port: u16,
}

/// The pgbouncer binary (Debian package `pgbouncer`).
fn binary() -> Result<PathBuf, ClusterError> {
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")]);
    for dir in candidates {
        let exe = dir.join("pgbouncer");
        if exe.is_file() {
            return Ok(exe);
        }
    }
    Err(ClusterError(
        "pgbouncer not found: install it (Debian: apt-get install pgbouncer)".into(),
    ))
}

impl Pooler {
    /// Starts PgBouncer (`pool_mode = transaction`, a small server pool so
    /// that clients really share server connections) in front of `cluster`.
    pub fn start(cluster: &Cluster) -> Result<Pooler, ClusterError> {
        let exe = binary()?;
        let tools = PgTools::find()?;
        let dir = std::env::temp_dir().join(format!(
            "kataloop-pgbouncer-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        tools.prepare_dir(&dir)?;
        let port = free_port()?;
        let (host, server_port) = cluster.address();
        let users: String = [APP_LOGIN, MANAGER_LOGIN, OWNER_LOGIN]
            .iter()
            .map(|u| format!("\"{u}\" \"{LOGIN_PASSWORD}\"\n"))
            .collect();
        let write = |name: &str, content: &str| {
            std::fs::write(dir.join(name), content).map_err(|e| {
                let _ = std::fs::remove_dir_all(&dir);
                ClusterError(format!("cannot write {name}: {e}"))
            })
        };
        write("users.txt", &users)?;
        write(
            "pgbouncer.ini",
            &format!(
                "[databases]\n\
                 * = host={host} port={server_port} password={LOGIN_PASSWORD}\n\
                 [pgbouncer]\n\
                 listen_addr = 127.0.0.1\n\
                 listen_port = {port}\n\
                 unix_socket_dir =\n\
                 auth_type = plain\n\
                 auth_file = {users}\n\
                 pool_mode = transaction\n\
                 default_pool_size = 2\n\
                 max_client_conn = 200\n\
                 server_reset_query =\n\
                 ignore_startup_parameters = extra_float_digits,options\n\
                 logfile = {log}\n\
                 pidfile = {pid}\n",
                users = dir.join("users.txt").display(),
                log = dir.join("pgbouncer.log").display(),
                pid = dir.join("pgbouncer.pid").display(),
            ),
        )?;
        for f in ["users.txt", "pgbouncer.ini"] {
            let _ = Command::new("chown")
                .arg("postgres:postgres")
                .arg(dir.join(f))
                .status();
        }
        // PgBouncer refuses to run as root: as `postgres`, like the cluster.
        let child = tools
            .command_for(&exe)
            .arg(dir.join("pgbouncer.ini"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                let _ = std::fs::remove_dir_all(&dir);
                ClusterError(format!("cannot start pgbouncer: {e}"))
            })?;
        // Should this process die without dropping the pooler, stop it. A
        // dropped pooler has removed its directory, and then nothing is
        // killed (its pids may belong to someone else by then).
        on_exit(&format!(
            "[ -d '{dir}' ] || exit 0; kill -9 $(cat '{pid}') 2>/dev/null; kill -9 {child} 2>/dev/null; rm -rf '{dir}'",
            pid = dir.join("pgbouncer.pid").display(),
            child = child.id(),
            dir = dir.display(),
        ));
        let mut pooler = Pooler { child, dir, port };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(pooler);
            }
            // A PgBouncer that exited (a bad config) will not come up.
            if matches!(pooler.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let log = std::fs::read_to_string(pooler.dir.join("pgbouncer.log")).unwrap_or_default();
        Err(ClusterError(format!("pgbouncer did not start: {log}")))
    }

    /// A URL for `user` on database `db` through the pooler.
    pub fn url_for(&self, user: &str, db: &str) -> String {
        format!(
            "postgres://{user}:{LOGIN_PASSWORD}@127.0.0.1:{}/{db}",
            self.port
        )
    }
}

impl Drop for Pooler {
    fn drop(&mut self) {
        // The child may be `runuser`; the pid file names PgBouncer itself.
        // SIGKILL: from PgBouncer 1.23 on, SIGTERM waits for every client to
        // leave, and a panicking test may still hold some.
        if let Ok(pid) = std::fs::read_to_string(self.dir.join("pgbouncer.pid")) {
            let _ = Command::new("kill")
                .arg("-9")
                .arg(pid.trim())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
