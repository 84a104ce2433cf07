//! Finding a PostgreSQL server, or starting a throwaway one.

use std::path::Path;
use std::time::Duration;

pub use kataloop_pgcluster::{find_postgres_bin, ClusterError};
use kataloop_pgcluster::{free_port, PgTools};

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
    dir: std::path::PathBuf,
    tools: PgTools,
}

/// Settings of throwaway clusters: durability is not what tests test.
const THROWAWAY_OPTIONS: &str =
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";

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
        let tools = PgTools::find()?;
        let dir = std::env::temp_dir().join(format!(
            "kataloop-pg-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        tools.prepare_dir(&dir)?;
        let data = dir.join("data");
        tools.initdb(&data, "postgres")?;
        let port = free_port()?;
        // Set up before starting, so the cluster never outlives this process.
        tools.spawn_watchdog(&data, "immediate", Some(&dir));
        tools.start(
            &data,
            &dir.join("server.log"),
            port,
            &dir,
            THROWAWAY_OPTIONS,
        )?;
        Ok(Cluster {
            host: "127.0.0.1".into(),
            port,
            admin_user: "postgres".into(),
            admin_password: None,
            throwaway: Some(Throwaway { dir, tools }),
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
            t.tools.stop(&t.dir.join("data"), "fast")?;
            std::fs::remove_dir_all(&t.dir)
                .map_err(|e| ClusterError(format!("cannot remove {}: {e}", t.dir.display())))?;
        }
        Ok(())
    }

    /// Stops a throwaway cluster as an outage would (every connection is
    /// cut), keeping its data for [`Cluster::resume`]. Fault-injection
    /// tests only; refused for a server this process did not start.
    pub fn pause(&self) -> Result<(), ClusterError> {
        let t = self.throwaway()?;
        t.tools.stop(&t.dir.join("data"), "fast")
    }

    /// Starts a paused throwaway cluster again on the same port.
    pub fn resume(&self) -> Result<(), ClusterError> {
        let t = self.throwaway()?;
        t.tools.start(
            &t.dir.join("data"),
            &t.dir.join("server.log"),
            self.port,
            &t.dir,
            THROWAWAY_OPTIONS,
        )
    }

    /// The cluster this process started; tests may stop and start only
    /// that one.
    fn throwaway(&self) -> Result<&Throwaway, ClusterError> {
        self.throwaway.as_ref().ok_or_else(|| {
            ClusterError("only a throwaway cluster may be stopped or started by a test".into())
        })
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

    /// Host and port of the server.
    pub fn address(&self) -> (&str, u16) {
        (&self.host, self.port)
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
