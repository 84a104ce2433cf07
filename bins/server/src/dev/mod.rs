//! `--dev`: everything needed to try Kataloop on one machine.
//!
//! [`bootstrap`] prepares, idempotently, under a directory (`./.kataloop`):
//! a master key file (0600), a self-signed certificate, the database (its
//! migrations and the runtime, managers' and operators' login roles), and a
//! demo tenant with two teams and enough synthetic rides from distinct demo
//! employees for the first release to show themes. It then issues a fresh
//! manager token and an employee invite for the URLs printed at start-up.
//!
//! The database is either the private cluster of [`postgres::DevCluster`]
//! or any server reached through an admin (superuser) URL.

pub mod postgres;

use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kataloop_analysis::Turn;
use kataloop_credentials::{HrIdSecret, NewInvite, NewManagerToken, TokenKeys};
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_service::operations;
use kataloop_service::submission::Pipeline;
use kataloop_store::{run_migrations, DatabaseConfig, ManagerStore, Store};
use kataloop_tenancy::{DisplayName, Domain, TeamId, TenantId, TenantSettings};
use ring::rand::{SecureRandom, SystemRandom};

/// The demo tenant's domain: how a restart finds it again.
pub const DEMO_DOMAIN: &str = "demo.kataloop.dev";
/// The demo teams.
pub const DEMO_TEAMS: [&str; 2] = ["Platform", "Support"];
/// Login roles created for the dev database (each holds one product role).
pub const APP_LOGIN: &str = "kataloop_dev_app";
pub const MANAGER_LOGIN: &str = "kataloop_dev_manager";
pub const OWNER_LOGIN: &str = "kataloop_dev_owner";
/// The database created on the private cluster.
pub const DEV_DATABASE: &str = "kataloop";
/// How long the printed tokens stay valid.
pub const TOKEN_DAYS: i64 = 30;
/// Who the audit log names for what `--dev` does.
const ACTOR: &str = "dev-bootstrap";

/// Synthetic feedback, each text submitted by its own demo employee: six
/// about approvals, five about workload (both above the default k = 5), one
/// about tools (below it, so it stays hidden).
pub const DEMO_RIDES: &[&str] = &[
    "Approvals take forever, we wait days for a signature on trivial changes",
    "The approval chain for expenses is absurd, three sign-offs for a keyboard",
    "Nothing moves without approvals from people who never read the request",
    "Waiting on approvals again, the process kills every small improvement",
    "So many approvals and handoffs that simple requests take a month",
    "Every purchase needs four approvals and the approvals sit for weeks",
    "My workload is crushing me, too many tickets and not enough people",
    "The workload keeps growing and we are always understaffed and overloaded",
    "I am overloaded every sprint, the workload is not sustainable",
    "Too much work and too many parallel projects, the workload burns us out",
    "We are understaffed and the workload doubled since spring",
    "The build tools are slow and the laptop freezes every afternoon",
];

/// Why `--dev` could not prepare its environment.
#[derive(Debug, thiserror::Error)]
pub enum DevError {
    #[error("{0}")]
    Setup(String),
    #[error("database: {0}")]
    Database(String),
    #[error(transparent)]
    Cluster(#[from] postgres::ClusterError),
}

fn setup(what: &str, e: impl std::fmt::Display) -> DevError {
    DevError::Setup(format!("{what}: {e}"))
}

/// Where the dev database is: an admin (superuser) URL of the database to
/// use; it is created if missing.
#[derive(Clone)]
pub struct DevDatabase {
    /// Admin URL of the database (migrations, roles).
    pub admin_url: String,
}

impl std::fmt::Debug for DevDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DevDatabase { admin_url: [redacted] }")
    }
}

/// What `--dev` prepared. Tokens are secrets: `Debug` redacts them.
pub struct DevSetup {
    pub app: Store,
    pub managers: ManagerStore,
    pub owner: Store,
    pub pipeline: Arc<Pipeline>,
    pub kek: Arc<MasterKey>,
    pub tenant: TenantId,
    pub teams: Vec<TeamId>,
    pub master_key_file: PathBuf,
    pub tls_cert: PathBuf,
    pub tls_key: PathBuf,
    /// Whether this run seeded the demo rides (false on a restart).
    pub seeded: bool,
    /// A tenant-wide manager token.
    pub manager_token: String,
    /// An invite for a fresh demo employee of the first team.
    pub invite_token: String,
    /// Connection URLs of the runtime, managers' and operators' logins
    /// (secret: they carry the password), for tools such as the bench
    /// harness.
    pub app_url: String,
    pub manager_url: String,
    pub owner_url: String,
}

impl std::fmt::Debug for DevSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DevSetup")
            .field("tenant", &self.tenant)
            .field("seeded", &self.seeded)
            .finish_non_exhaustive()
    }
}

impl DevSetup {
    /// The manager dashboard's URL; the token is in the fragment, which
    /// browsers never send to the server.
    pub fn dashboard_url(&self, base: &str) -> String {
        format!("{base}/manager#token={}", self.manager_token)
    }
    /// The employee page's URL, with the invite in the fragment.
    pub fn invite_url(&self, base: &str) -> String {
        format!("{base}/employee#token={}", self.invite_token)
    }
}

/// Options of [`bootstrap`].
#[derive(Debug, Clone)]
pub struct DevOptions {
    /// Where keys and the certificate live (`./.kataloop`).
    pub dir: PathBuf,
    /// bcrypt cost of participant hashes (tests may go below 10).
    pub bcrypt_cost: u32,
}

/// Prepares everything (see the module documentation). Idempotent: a
/// second run reuses the key, certificate, roles and demo tenant, and only
/// issues new tokens.
pub async fn bootstrap(db: &DevDatabase, options: &DevOptions) -> Result<DevSetup, DevError> {
    let dir = &options.dir;
    create_private_dir(dir)?;
    let master_key_file = dir.join("master.key");
    let kek = Arc::new(if master_key_file.exists() {
        MasterKey::load_file(&master_key_file).map_err(|e| setup("master key", e))?
    } else {
        MasterKey::create_file(&master_key_file).map_err(|e| setup("master key", e))?
    });
    let (tls_cert, tls_key) = ensure_certificate(dir)?;
    let password = ensure_secret_file(&dir.join("db-password"))?;

    ensure_database(&db.admin_url).await?;
    run_migrations(&DatabaseConfig::new(db.admin_url.clone()))
        .await
        .map_err(|e| DevError::Database(format!("migrations failed: {e}")))?;
    let admin = admin_client(&db.admin_url).await?;
    for (login, role) in [
        (APP_LOGIN, "kataloop_app"),
        (MANAGER_LOGIN, "kataloop_manager"),
        (OWNER_LOGIN, "kataloop_owner"),
    ] {
        // Role names are constants; the password is hex.
        let sql = format!(
            "DO $$ BEGIN \
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{login}') THEN \
                 CREATE ROLE {login} LOGIN NOSUPERUSER NOBYPASSRLS; \
               END IF; \
               IF NOT pg_has_role('{login}', '{role}', 'MEMBER') THEN \
                 GRANT {role} TO {login}; \
               END IF; \
             END $$; \
             ALTER ROLE {login} PASSWORD '{password}';"
        );
        admin
            .batch_execute(&sql)
            .await
            .map_err(|e| DevError::Database(describe(&e)))?;
    }
    drop(admin);

    let url_for = |login: &str| login_url(&db.admin_url, login, &password);
    let store = |login: &str| {
        Store::connect(&DatabaseConfig::new(url_for(login)?))
            .map_err(|e| DevError::Database(e.to_string()))
    };
    let app = store(APP_LOGIN)?;
    let owner = store(OWNER_LOGIN)?;
    let managers = ManagerStore::connect(&DatabaseConfig::new(url_for(MANAGER_LOGIN)?))
        .map_err(|e| DevError::Database(e.to_string()))?;
    app.require_runtime_role()
        .await
        .map_err(|e| DevError::Database(e.to_string()))?;
    managers
        .require_manager_role()
        .await
        .map_err(|e| DevError::Database(e.to_string()))?;

    let threads = HashingPool::default_threads();
    let pool = HashingPool::new(threads, 64).map_err(|e| setup("hashing pool", e))?;
    let pipeline = Arc::new(
        if options.bcrypt_cost >= kataloop_pseudonymity::MIN_PRODUCTION_COST {
            Pipeline::new(kek.clone(), pool, options.bcrypt_cost)
                .map_err(|e| setup("pipeline", e))?
        } else {
            Pipeline::with_test_cost(kek.clone(), pool)
        },
    );

    let (tenant, teams) = ensure_demo_tenant(&owner, kek.as_ref()).await?;
    let seeded = if has_visible_release(&app, &managers, tenant).await? {
        false
    } else {
        seed(&app, &owner, &pipeline, kek.as_ref(), tenant, &teams).await?;
        true
    };

    let keyring = kataloop_service::keys::load_keyring(&owner, tenant, kek.as_ref())
        .await
        .map_err(|e| {
            setup(
                "the demo tenant's keys (was the master key replaced? delete the dev directory to start over)",
                e,
            )
        })?;
    let root = kataloop_service::credentials::credential_root(&keyring);
    let keys = TokenKeys::from_root(tenant, &root).map_err(|e| setup("token keys", e))?;
    let now = chrono::Utc::now().timestamp();
    let expires_at = now + TOKEN_DAYS * 86_400;
    let manager_token = keys
        .issue_manager(
            &NewManagerToken {
                tenant,
                team: None,
                expires_at,
            },
            now,
        )
        .map_err(|e| setup("manager token", e))?
        .token
        .expose()
        .to_owned();
    let visitor = format!("demo-visitor-{}", random_hex(6)?);
    let invite_token = keys
        .issue_invite(
            &NewInvite {
                tenant,
                team: teams.first().copied(),
                hr_id: HrIdSecret::new(&visitor),
                expires_at,
            },
            now,
        )
        .map_err(|e| setup("invite", e))?
        .token
        .expose()
        .to_owned();

    Ok(DevSetup {
        app,
        managers,
        owner,
        pipeline,
        kek,
        tenant,
        teams,
        master_key_file,
        tls_cert,
        tls_key,
        seeded,
        manager_token,
        invite_token,
        app_url: url_for(APP_LOGIN)?,
        manager_url: url_for(MANAGER_LOGIN)?,
        owner_url: url_for(OWNER_LOGIN)?,
    })
}

fn create_private_dir(dir: &Path) -> Result<(), DevError> {
    std::fs::create_dir_all(dir).map_err(|e| setup(&format!("cannot create {}", dir.display()), e))
}

fn random_hex(bytes: usize) -> Result<String, DevError> {
    let mut buf = vec![0u8; bytes];
    SystemRandom::new()
        .fill(&mut buf)
        .map_err(|_| DevError::Setup("no randomness".into()))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn write_private(path: &Path, content: &[u8]) -> Result<(), DevError> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| setup(&format!("cannot create {}", path.display()), e))?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .and_then(|()| file.write_all(content))
        .map_err(|e| setup(&format!("cannot write {}", path.display()), e))
}

/// A random secret kept in a 0600 file (created on first use).
fn ensure_secret_file(path: &Path) -> Result<String, DevError> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if existing.len() == 48 && existing.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(existing);
        }
        return Err(DevError::Setup(format!(
            "{} is malformed; delete it to get a new one",
            path.display()
        )));
    }
    let secret = random_hex(24)?;
    write_private(path, secret.as_bytes())?;
    Ok(secret)
}

/// A self-signed certificate for localhost and 127.0.0.1 (created once).
fn ensure_certificate(dir: &Path) -> Result<(PathBuf, PathBuf), DevError> {
    let cert = dir.join("tls-cert.pem");
    let key = dir.join("tls-key.pem");
    if cert.is_file() && key.is_file() {
        return Ok((cert, key));
    }
    let _ = std::fs::remove_file(&cert);
    let _ = std::fs::remove_file(&key);
    let generated = rcgen::generate_simple_self_signed(vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ])
    .map_err(|e| setup("self-signed certificate", e))?;
    write_private(&key, generated.key_pair.serialize_pem().as_bytes())?;
    std::fs::write(&cert, generated.cert.pem())
        .map_err(|e| setup(&format!("cannot write {}", cert.display()), e))?;
    Ok((cert, key))
}

fn describe(e: &tokio_postgres::Error) -> String {
    e.as_db_error()
        .map(|d| format!("{}: {}", d.code().code(), d.message()))
        .unwrap_or_else(|| e.to_string())
}

async fn connect(config: &tokio_postgres::Config) -> Result<tokio_postgres::Client, DevError> {
    let (client, conn) = config.connect(tokio_postgres::NoTls).await.map_err(|e| {
        DevError::Database(format!("cannot connect as the admin: {}", describe(&e)))
    })?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(client)
}

fn parse_url(url: &str) -> Result<tokio_postgres::Config, DevError> {
    url.parse()
        .map_err(|_| DevError::Database("the admin URL is not a valid PostgreSQL URL".into()))
}

async fn admin_client(url: &str) -> Result<tokio_postgres::Client, DevError> {
    connect(&parse_url(url)?).await
}

/// Creates the admin URL's database if it does not exist.
async fn ensure_database(admin_url: &str) -> Result<(), DevError> {
    let config = parse_url(admin_url)?;
    let name = config
        .get_dbname()
        .ok_or_else(|| DevError::Database("the admin URL names no database".into()))?
        .to_owned();
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(DevError::Database(
            "the dev database name must be letters, digits and underscores".into(),
        ));
    }
    let mut postgres = config.clone();
    postgres.dbname("postgres");
    let client = connect(&postgres).await?;
    let exists = client
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .await
        .map_err(|e| DevError::Database(describe(&e)))?
        .is_some();
    if !exists {
        client
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .await
            .map_err(|e| DevError::Database(describe(&e)))?;
    }
    Ok(())
}

/// The admin URL with another login and password (same host, port and
/// database).
fn login_url(admin_url: &str, login: &str, password: &str) -> Result<String, DevError> {
    use tokio_postgres::config::Host;
    let config = parse_url(admin_url)?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => {
            return Err(DevError::Database(
                "the dev database must be reached over TCP".into(),
            ))
        }
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let db = config.get_dbname().unwrap_or("postgres");
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    Ok(format!("postgres://{login}:{password}@{host}:{port}/{db}"))
}

/// The demo tenant and its teams, created on first use.
async fn ensure_demo_tenant(
    owner: &Store,
    kek: &MasterKey,
) -> Result<(TenantId, Vec<TeamId>), DevError> {
    let existing = operations::list_tenants(owner)
        .await
        .map_err(|e| setup("tenants", e))?
        .into_iter()
        .find(|t| t.domain.as_str() == DEMO_DOMAIN);
    let tenant = match existing {
        Some(t) => t.id,
        None => {
            let new = operations::NewTenant {
                name: DisplayName::new("Demo Company").map_err(|e| setup("tenant name", e))?,
                domain: Domain::new(DEMO_DOMAIN).map_err(|e| setup("tenant domain", e))?,
                settings: TenantSettings::default(),
            };
            operations::create_tenant(owner, kek, new, ACTOR)
                .await
                .map_err(|e| setup("demo tenant", e))?
                .id
        }
    };
    let mut teams = operations::list_teams(owner, tenant)
        .await
        .map_err(|e| setup("teams", e))?;
    for name in DEMO_TEAMS {
        if !teams.iter().any(|t| t.name.as_str() == name) {
            let name = DisplayName::new(name).map_err(|e| setup("team name", e))?;
            let team = operations::create_team(owner, tenant, name, ACTOR)
                .await
                .map_err(|e| setup("demo team", e))?;
            teams.push(team);
        }
    }
    let ids = DEMO_TEAMS
        .iter()
        .filter_map(|name| teams.iter().find(|t| t.name.as_str() == *name))
        .map(|t| t.id)
        .collect();
    Ok((tenant, ids))
}

/// Whether the tenant's latest release shows at least one theme.
async fn has_visible_release(
    app: &Store,
    managers: &ManagerStore,
    tenant: TenantId,
) -> Result<bool, DevError> {
    let view =
        kataloop_service::feedback::scoped_view(app, managers, tenant, None, None, "dev-bootstrap")
            .await
            .map_err(|e| setup("latest release", e))?;
    Ok(view.is_some_and(|v| !v.themes.is_empty()))
}

/// Submits the demo rides (one demo employee each, alternating teams)
/// through the submission pipeline, then releases.
async fn seed(
    app: &Store,
    owner: &Store,
    pipeline: &Pipeline,
    kek: &MasterKey,
    tenant: TenantId,
    teams: &[TeamId],
) -> Result<(), DevError> {
    for (i, text) in DEMO_RIDES.iter().enumerate() {
        let conversation = [
            Turn::guide("What has been on your mind about work lately?"),
            Turn::employee(*text),
        ];
        let team = if teams.is_empty() {
            None
        } else {
            teams.get(i % teams.len()).copied()
        };
        pipeline
            .submit(
                app,
                tenant,
                &format!("demo-employee-{i:02}"),
                team,
                &conversation,
            )
            .await
            .map_err(|e| setup("demo ride", e))?;
    }
    let today = chrono::Utc::now().date_naive();
    operations::release_now(owner, tenant, kek, today, ACTOR)
        .await
        .map_err(|e| setup("demo release", e))?;
    Ok(())
}
