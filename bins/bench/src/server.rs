//! The real `kataloop-server` binary as a child process (so that its
//! memory is its own), configured for production except the rate limits.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::env::BenchEnv;

pub struct Server {
    child: Child,
    pub addr: String,
    pub cert: PathBuf,
}

/// The server binary: beside this one (`cargo build --release` builds
/// both), or built on demand.
fn binary() -> Result<PathBuf, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let beside = me.with_file_name("kataloop-server");
    if beside.is_file() {
        return Ok(beside);
    }
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "-p", "kataloop-server"])
        .status()
        .map_err(|e| format!("cargo build: {e}"))?;
    if !status.success() || !beside.is_file() {
        return Err(
            "could not build kataloop-server (cargo build --release -p kataloop-server)".into(),
        );
    }
    Ok(beside)
}

impl Server {
    /// The server with rate limits out of the way (throughput workloads).
    pub async fn start(env: &BenchEnv) -> Result<Server, String> {
        Self::start_with_limits(env, 100_000_000, 10_000_000).await
    }

    /// The server with the given per-credential rate limits.
    pub async fn start_with_limits(
        env: &BenchEnv,
        per_minute: u32,
        burst: u32,
    ) -> Result<Server, String> {
        let port = kataloop_pgcluster::free_port().map_err(|e| e.to_string())?;
        let addr = format!("127.0.0.1:{port}");
        let child = Command::new(binary()?)
            .env("DATABASE_URL", &env.setup.app_url)
            .env("KATALOOP_MANAGER_DATABASE_URL", &env.setup.manager_url)
            .env("KATALOOP_MASTER_KEY_FILE", &env.setup.master_key_file)
            .env("KATALOOP_TLS_CERT", &env.setup.tls_cert)
            .env("KATALOOP_TLS_KEY", &env.setup.tls_key)
            .env("KATALOOP_LISTEN", &addr)
            .env("KATALOOP_BCRYPT_COST", "10")
            .env("KATALOOP_RATE_LIMIT_PER_MINUTE", per_minute.to_string())
            .env("KATALOOP_RATE_LIMIT_BURST", burst.to_string())
            .env("KATALOOP_HASHING_QUEUE", "4096")
            .env("KATALOOP_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start kataloop-server: {e}"))?;
        let server = Server {
            child,
            addr,
            cert: env.setup.tls_cert.clone(),
        };
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(&server.addr).await.is_ok() {
                return Ok(server);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("kataloop-server did not start listening".into())
    }

    /// Peak resident memory so far (VmHWM), in MiB.
    pub fn peak_rss_mib(&self) -> Option<f64> {
        self.status_mib("VmHWM:")
    }

    /// Resident memory now (VmRSS), in MiB.
    pub fn rss_mib(&self) -> Option<f64> {
        self.status_mib("VmRSS:")
    }

    fn status_mib(&self, field: &str) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    }

    /// Open file descriptors of the server process.
    pub fn open_fds(&self) -> Option<usize> {
        std::fs::read_dir(format!("/proc/{}/fd", self.child.id()))
            .ok()
            .map(|d| d.count())
    }

    /// Hashing threads the server runs (its default).
    pub fn hashing_threads() -> usize {
        kataloop_pseudonymity::HashingPool::default_threads()
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
