//! Private PostgreSQL clusters started with the system's `initdb` and
//! `pg_ctl`: the one place that knows how to find the binaries, run them as
//! the `postgres` user when this process is root (initdb refuses root), and
//! stop a cluster when the process that started it dies. Used by the test
//! kit (throwaway clusters) and by `kataloop-server --dev`.
#![forbid(unsafe_code)]

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a cluster could not be found, started or stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ClusterError(pub String);

/// The system's PostgreSQL server binaries, and how to run them.
#[derive(Debug, Clone)]
pub struct PgTools {
    bin: PathBuf,
    as_postgres_user: bool,
}

impl PgTools {
    /// Finds the binaries (see [`find_postgres_bin`]); when this process is
    /// root they run as `postgres` through `runuser`.
    pub fn find() -> Result<PgTools, ClusterError> {
        Ok(PgTools {
            bin: find_postgres_bin()?,
            as_postgres_user: running_as_root(),
        })
    }

    /// The directory holding `initdb`, `pg_ctl`, `pg_dump`...
    pub fn bin(&self) -> &Path {
        &self.bin
    }

    /// A command for one of the tools, run as the right user.
    pub fn command(&self, tool: &str) -> Command {
        self.command_for(&self.bin.join(tool))
    }

    /// Any PostgreSQL-side program (such as PgBouncer, which refuses to run
    /// as root either), run as `postgres` when this process is root.
    pub fn command_for(&self, program: &Path) -> Command {
        if self.as_postgres_user {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(program);
            cmd
        } else {
            Command::new(program)
        }
    }

    /// Creates `dir` and, when running as root, hands it to `postgres`.
    pub fn prepare_dir(&self, dir: &Path) -> Result<(), ClusterError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| ClusterError(format!("cannot create {}: {e}", dir.display())))?;
        if self.as_postgres_user {
            run(Command::new("chown").arg("postgres:postgres").arg(dir))?;
        }
        Ok(())
    }

    /// `initdb` with trust authentication for `superuser`, UTF-8, C locale.
    pub fn initdb(&self, data: &Path, superuser: &str) -> Result<(), ClusterError> {
        run(self.command("initdb").arg("-D").arg(data).args([
            "-U",
            superuser,
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        ]))
    }

    /// Starts the cluster on loopback `port`, with its socket in
    /// `socket_dir`, plus `extra` server options; waits until it answers.
    pub fn start(
        &self,
        data: &Path,
        log: &Path,
        port: u16,
        socket_dir: &Path,
        extra: &str,
    ) -> Result<(), ClusterError> {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} {extra}",
            socket_dir.display()
        );
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(data)
            .arg("-l")
            .arg(log)
            .args(["-w", "-t", "60", "-o", &options, "start"]))
    }

    /// Whether a postmaster runs on `data`.
    pub fn is_running(&self, data: &Path) -> bool {
        self.command("pg_ctl")
            .arg("-D")
            .arg(data)
            .arg("status")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    /// Stops the cluster on `data` with `mode` (`fast` or `immediate`).
    pub fn stop(&self, data: &Path, mode: &str) -> Result<(), ClusterError> {
        run(self
            .command("pg_ctl")
            .arg("-D")
            .arg(data)
            .args(["-w", "-m", mode, "stop"]))
    }

    /// Stops the cluster on `data` once this process is gone, however it
    /// ends, and then removes `remove` if given (see [`on_exit`]).
    pub fn spawn_watchdog(&self, data: &Path, mode: &str, remove: Option<&Path>) {
        let stop = format!(
            "{}'{}' -D '{}' -m {mode} -w stop",
            if self.as_postgres_user {
                "runuser -u postgres -- "
            } else {
                ""
            },
            self.bin.join("pg_ctl").display(),
            data.display()
        );
        let cleanup = remove
            .map(|d| format!("; rm -rf '{}'", d.display()))
            .unwrap_or_default();
        on_exit(&format!("{stop} >/dev/null 2>&1{cleanup}"));
    }
}

/// Runs the shell command `cleanup` once this process is gone, however it
/// ends. The watchdog runs in its own session so a Ctrl-C to this process
/// group does not kill it first.
pub fn on_exit(cleanup: &str) {
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {cleanup}",
        pid = std::process::id(),
    );
    let _ = Command::new("setsid")
        .args(["sh", "-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}

/// Runs a command, turning a failure into its stderr.
pub fn run(cmd: &mut Command) -> Result<(), ClusterError> {
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

/// Whether nothing listens on loopback `port`.
pub fn port_is_free(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> Result<u16, ClusterError> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| ClusterError(format!("no free local port: {e}")))
}

/// `pg_ctl` and `initdb` from PATH, `pg_config --bindir`, or the newest
/// `/usr/lib/postgresql/*/bin`; otherwise a one-line instruction.
pub fn find_postgres_bin() -> Result<PathBuf, ClusterError> {
    let has_tools = |dir: &Path| dir.join("pg_ctl").is_file() && dir.join("initdb").is_file();
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if has_tools(&dir) {
                // Debian's PATH entries are wrappers or links; resolve to the
                // real binaries so `postgres` is found next to them.
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
