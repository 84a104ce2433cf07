//! Configuration by flags and environment variables (12-factor).

use std::net::SocketAddr;
use std::path::PathBuf;

/// `kataloop-server` options. Every flag has an environment variable.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "kataloop-server", version, about = "Kataloop's HTTPS server")]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "KATALOOP_LISTEN", default_value = "127.0.0.1:8443")]
    pub listen: SocketAddr,
    /// PEM certificate chain (TLS 1.3 is the only protocol offered).
    #[arg(
        long,
        env = "KATALOOP_TLS_CERT",
        required_unless_present_any = ["behind_tls_proxy", "dev"]
    )]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of the certificate.
    #[arg(
        long,
        env = "KATALOOP_TLS_KEY",
        required_unless_present_any = ["behind_tls_proxy", "dev"]
    )]
    pub tls_key: Option<PathBuf>,
    /// Serve plain HTTP, for a TLS-terminating proxy in front. Never expose
    /// this port directly.
    #[arg(long, env = "KATALOOP_BEHIND_TLS_PROXY", default_value_t = false)]
    pub behind_tls_proxy: bool,
    /// The runtime login (granted `kataloop_app`, never an owner or
    /// superuser).
    /// With `--dev`: the admin URL of a server to use instead of the
    /// private cluster.
    #[arg(
        long,
        env = "DATABASE_URL",
        hide_env_values = true,
        required_unless_present = "dev"
    )]
    pub database_url: Option<String>,
    /// The managers' login (granted `kataloop_manager` only).
    #[arg(
        long,
        env = "KATALOOP_MANAGER_DATABASE_URL",
        hide_env_values = true,
        required_unless_present = "dev"
    )]
    pub manager_database_url: Option<String>,
    /// The master key file (0600).
    #[arg(
        long,
        env = "KATALOOP_MASTER_KEY_FILE",
        required_unless_present = "dev"
    )]
    pub master_key_file: Option<PathBuf>,
    /// Extra PEM CA file for the database's TLS.
    #[arg(long, env = "KATALOOP_DATABASE_CA_FILE")]
    pub database_ca_file: Option<PathBuf>,
    /// bcrypt cost of participant hashes (10 or more).
    #[arg(long, env = "KATALOOP_BCRYPT_COST", default_value_t = 10)]
    pub bcrypt_cost: u32,
    /// Hashing threads (default: one per core but one, at least one).
    #[arg(long, env = "KATALOOP_HASHING_THREADS")]
    pub hashing_threads: Option<usize>,
    /// Submissions that may wait for a hashing thread before 503.
    #[arg(long, env = "KATALOOP_HASHING_QUEUE", default_value_t = 64)]
    pub hashing_queue: usize,
    /// Requests per minute per credential.
    #[arg(long, env = "KATALOOP_RATE_LIMIT_PER_MINUTE", default_value_t = 60)]
    pub rate_limit_per_minute: u32,
    /// Requests a credential may send at once.
    #[arg(long, env = "KATALOOP_RATE_LIMIT_BURST", default_value_t = 20)]
    pub rate_limit_burst: u32,
    /// Log format: `json` (production) or `text`.
    #[arg(long, env = "KATALOOP_LOG_FORMAT", default_value = "json")]
    pub log_format: String,
    /// Seconds to let in-flight requests finish on shutdown.
    #[arg(long, env = "KATALOOP_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,
    /// Development mode: a private PostgreSQL cluster (unless DATABASE_URL
    /// names an admin URL), a master key, a self-signed certificate and a
    /// seeded demo tenant under `--dev-dir`; prints the dashboard and
    /// invite URLs. Never for production.
    #[arg(long, default_value_t = false)]
    pub dev: bool,
    /// Where `--dev` keeps its cluster, keys and certificate.
    #[arg(long, env = "KATALOOP_DEV_DIR", default_value = ".kataloop")]
    pub dev_dir: PathBuf,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::Config;

    #[test]
    fn dev_needs_no_database_key_or_certificate_flags() {
        let config = Config::try_parse_from(["kataloop-server", "--dev"]).unwrap();
        assert!(config.dev);
        assert_eq!(config.dev_dir, std::path::PathBuf::from(".kataloop"));
    }
}
