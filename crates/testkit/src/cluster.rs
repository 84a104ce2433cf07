//! Finding a PostgreSQL server, or starting a throwaway one.

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Why no PostgreSQL server could be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterError(pub String);

impl std::fmt::Display for ClusterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ClusterError {}

/// A PostgreSQL server with a superuser (or CREATEDB/CREATEROLE) admin login.
#[derive(Debug)]
pub struct Cluster {
    host: String,
    port: u16,
    admin_user: String,
    admin_password: Option<String>,
    throwaway: Option<Throwaway>,
}

#[derive(Debug)]
struct Throwaway {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres_user: bool,
}

const LOCAL_ADMIN: &str = "postgres://postgres@127.0.0.1:5432/postgres";

impl Cluster {
    /// `DATABASE_URL` if set; else the local server if it answers; else a
    /// throwaway cluster.
    pub fn discover() -> Result<Cluster, ClusterError> {
        if let Ok(url) = std::env::var("DATABASE_URL") {
            if !url.is_empty() {
                return Cluster::from_url(&url);
            }
        }
        let local = Cluster::from_url(LOCAL_ADMIN)?;
        if local.answers() {
            return Ok(local);
        }
        Cluster::start_throwaway()
    }

    /// A cluster reached through an admin URL.
    pub fn from_url(url: &str) -> Result<Cluster, ClusterError> {
        use tokio_postgres::config::Host;
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|_| ClusterError("DATABASE_URL is not a valid PostgreSQL URL".into()))?;
        let host = match config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            Some(Host::Unix(p)) => p.to_string_lossy().into_owned(),
            None => "127.0.0.1".into(),
        };
        Ok(Cluster {
            host,
            port: config.get_ports().first().copied().unwrap_or(5432),
            admin_user: config.get_user().unwrap_or("postgres").to_owned(),
            admin_password: config
                .get_password()
                .map(|p| String::from_utf8_lossy(p).into_owned()),
            throwaway: None,
        })
    }

    /// Starts a private cluster in a temp directory with the system's
    /// `initdb`/`pg_ctl`. A watchdog stops it and removes the directory as
    /// soon as this process ends, however it ends.
    pub fn start_throwaway() -> Result<Cluster, ClusterError> {
        let bin = find_postgres_bin()?;
        let as_postgres_user = running_as_root();
        let dir = std::env::temp_dir().join(format!(
            "kataloop-pg-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&dir)
            .map_err(|e| ClusterError(format!("cannot create {}: {e}", dir.display())))?;
        let throwaway = Throwaway {
            dir: dir.clone(),
            bin,
            as_postgres_user,
        };
        if as_postgres_user {
            // initdb refuses to run as root; the cluster belongs to `postgres`.
            run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let data = dir.join("data");
        run(throwaway.command("initdb").arg("-D").arg(&data).args([
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        ]))?;
        let port = free_port()?;
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            dir.display()
        );
        throwaway.spawn_watchdog();
        run(throwaway
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-t", "60", "-o", &options, "start"]))?;
        Ok(Cluster {
            host: "127.0.0.1".into(),
            port,
            admin_user: "postgres".into(),
            admin_password: None,
            throwaway: Some(throwaway),
        })
    }

    /// Whether this is a throwaway cluster this process started.
    pub fn is_throwaway(&self) -> bool {
        self.throwaway.is_some()
    }

    /// The data directory of a throwaway cluster.
    pub fn throwaway_dir(&self) -> Option<&Path> {
        self.throwaway.as_ref().map(|t| t.dir.as_path())
    }

    /// Stops a throwaway cluster now and removes its directory (the watchdog
    /// would do it at process exit). A no-op for a server found running.
    pub fn stop(&self) -> Result<(), ClusterError> {
        if let Some(t) = &self.throwaway {
            run(t
                .command("pg_ctl")
                .arg("-D")
                .arg(t.dir.join("data"))
                .args(["-w", "-m", "fast", "stop"]))?;
            std::fs::remove_dir_all(&t.dir)
                .map_err(|e| ClusterError(format!("cannot remove {}: {e}", t.dir.display())))?;
        }
        Ok(())
    }

    /// Whether a server answers at this address (within two seconds).
    pub fn answers(&self) -> bool {
        let url = self.admin_url_for("postgres");
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                let connect = tokio_postgres::connect(&url, tokio_postgres::NoTls);
                match tokio::time::timeout(Duration::from_secs(2), connect).await {
                    Ok(Ok((client, conn))) => {
                        let driver = tokio::spawn(conn);
                        let ok = client.simple_query("SELECT 1").await.is_ok();
                        drop(client);
                        let _ = driver.await;
                        Some(ok)
                    }
                    _ => Some(false),
                }
            })
        })
        .join()
        .ok()
        .flatten()
        .unwrap_or(false)
    }

    /// A URL for `user` on database `db` of this cluster.
    pub fn url_for(&self, user: &str, password: &str, db: &str) -> String {
        format!(
            "postgres://{}:{}@{}:{}/{}",
            encode(user),
            encode(password),
            encode(&self.host),
            self.port,
            encode(db)
        )
    }

    /// The admin login's URL for database `db`.
    pub fn admin_url_for(&self, db: &str) -> String {
        match &self.admin_password {
            Some(pw) => self.url_for(&self.admin_user, pw, db),
            None => format!(
                "postgres://{}@{}:{}/{}",
                encode(&self.admin_user),
                encode(&self.host),
                self.port,
                encode(db)
            ),
        }
    }

    /// An admin client on database `db`.
    pub async fn admin_client(&self, db: &str) -> Result<tokio_postgres::Client, String> {
        let (client, conn) =
            tokio_postgres::connect(&self.admin_url_for(db), tokio_postgres::NoTls)
                .await
                .map_err(|e| format!("cannot connect as the admin user: {e}"))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(client)
    }
}

/// Runs one statement as the admin on the `postgres` database.
pub(crate) async fn admin_query(cluster: &Cluster, sql: &str) -> Result<(), String> {
    let client = cluster.admin_client("postgres").await?;
    client.batch_execute(sql).await.map_err(|e| describe(&e))
}

/// A tokio-postgres error with the server's message (its `Display` says only
/// "db error").
pub(crate) fn describe(e: &tokio_postgres::Error) -> String {
    e.as_db_error()
        .map(|d| format!("{}: {}", d.code().code(), d.message()))
        .unwrap_or_else(|| e.to_string())
}

impl Throwaway {
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

    fn spawn_watchdog(&self) {
        let stop = format!(
            "{}{} -D {} -m immediate stop",
            if self.as_postgres_user {
                "runuser -u postgres -- "
            } else {
                ""
            },
            self.bin.join("pg_ctl").display(),
            self.dir.join("data").display()
        );
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            dir = self.dir.display()
        );
        // setsid: the watchdog must outlive this process (and a Ctrl-C to its
        // process group) long enough to stop the server.
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
            "no PostgreSQL server binaries found: run `apt-get install postgresql`, or set DATABASE_URL to an admin URL of a running server".into(),
        )
    })
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_percent_encoded() {
        let c = Cluster::from_url("postgres://admin:p%40ss@db.local:6543/postgres").unwrap();
        assert_eq!(
            c.admin_url_for("x"),
            "postgres://admin:p%40ss@db.local:6543/x"
        );
        assert_eq!(
            c.url_for("u", "a b", "d"),
            "postgres://u:a%20b@db.local:6543/d"
        );
    }

    #[test]
    fn invalid_urls_are_refused_with_a_message() {
        assert!(Cluster::from_url("definitely not a url ::").is_err());
    }
}
