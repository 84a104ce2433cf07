//! `kataloop-admin`: how operators run Kataloop. Each subcommand parses its
//! input, calls one use case of `kataloop-service` and renders the result:
//! readable text, or one JSON document with `--json`. Exit code 0 on
//! success, 1 on failure, 2 on a usage error.
#![forbid(unsafe_code)]

mod render;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kataloop_crypto::MasterKey;
use kataloop_service::operations;
use kataloop_store::{DatabaseConfig, ManagerStore, Store};
use kataloop_tenancy::{
    DataRegion, DisplayName, Domain, KAnonymity, TeamId, TenantId, TenantSettings,
};
use serde_json::json;

use crate::render::{Output, Table};

const EXAMPLES: &str = "Examples:
  kataloop-admin keys init
  kataloop-admin migrate
  kataloop-admin tenant create --name Acme --domain acme.com --k 5
  kataloop-admin team create --tenant <TENANT_ID> --name Platform
  kataloop-admin themes release --tenant <TENANT_ID>
  kataloop-admin audit verify";

#[derive(Debug, Parser)]
#[command(name = "kataloop-admin", version, about = "Operate Kataloop: database, tenants, keys, releases, audit and text tools.", after_help = EXAMPLES)]
struct Cli {
    /// Print one JSON document on stdout instead of readable text.
    #[arg(long, global = true)]
    json: bool,
    /// Who is acting, for the audit log (default: $USER).
    #[arg(long, global = true, env = "KATALOOP_OPERATOR")]
    actor: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct Db {
    /// Owner (operators') connection URL.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: String,
}

#[derive(Debug, Args)]
struct Kek {
    /// The master key file (mode 0600 or 0400).
    #[arg(long = "master-key-file", env = "KATALOOP_MASTER_KEY_FILE")]
    master_key_file: PathBuf,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply pending database migrations (idempotent) and list what ran.
    #[command(
        after_help = "Example:\n  DATABASE_URL=postgres://kataloop_migrator@db/kataloop kataloop-admin migrate"
    )]
    Migrate {
        #[command(flatten)]
        db: Db,
    },
    /// Tenants: create, list, show, change k, erase.
    #[command(subcommand)]
    Tenant(TenantCmd),
    /// Teams of a tenant.
    #[command(subcommand)]
    Team(TeamCmd),
    /// The master key and tenants' keys.
    #[command(subcommand)]
    Keys(KeysCmd),
    /// Credentials: employee invites and manager tokens.
    #[command(subcommand)]
    Token(TokenCmd),
    /// A tenant's OpenID Connect identity provider.
    #[command(subcommand)]
    Oidc(OidcCmd),
    /// Releases: run one now, or show exactly what a manager sees.
    #[command(subcommand)]
    Themes(ThemesCmd),
    /// Export released data (never more than managers see).
    #[command(subcommand)]
    Report(ReportCmd),
    /// The tamper-evident audit log.
    #[command(subcommand)]
    Audit(AuditCmd),
    /// Redact personal data: JSON lines `{"id", "text"}` on stdin.
    #[command(
        after_help = "Example:\n  echo '{\"id\":\"1\",\"text\":\"Ask Maria at maria@acme.com\"}' | kataloop-admin anonymize --jsonl"
    )]
    Anonymize {
        /// Read and write JSON lines (the only mode).
        #[arg(long, required = true)]
        jsonl: bool,
    },
    /// Analyse PII-stripped feedback: JSON lines `{"id", "text"}` on stdin.
    #[command(
        after_help = "Example:\n  echo '{\"id\":\"1\",\"text\":\"Too many approvals\"}' | kataloop-admin analyze --jsonl"
    )]
    Analyze {
        /// Read and write JSON lines (the only mode).
        #[arg(long, required = true)]
        jsonl: bool,
    },
    /// Rebuild the theme model from a labelled corpus (reproducible).
    #[command(
        after_help = "Example:\n  kataloop-admin train --corpus crates/analysis/corpus/train.jsonl --out model.bin"
    )]
    Train {
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum TenantCmd {
    /// Create a tenant and its keys; prints the tenant id.
    #[command(
        after_help = "Example:\n  kataloop-admin tenant create --name Acme --domain acme.com --k 5 --region eu-central-1"
    )]
    Create {
        #[arg(long)]
        name: String,
        #[arg(long)]
        domain: String,
        /// k-anonymity threshold (3 or more; default 5).
        #[arg(long, default_value_t = 5)]
        k: u64,
        #[arg(long, default_value = DataRegion::DEFAULT_NAME)]
        region: String,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
    /// List tenants.
    List {
        #[command(flatten)]
        db: Db,
    },
    /// Show one tenant.
    Show {
        id: String,
        #[command(flatten)]
        db: Db,
    },
    /// Change k: raising always works; lowering is refused once rides exist.
    SetK {
        id: String,
        k: u64,
        #[command(flatten)]
        db: Db,
    },
    /// Set the hour (UTC, 0-23) from which the daily release is due.
    SetReleaseHour {
        id: String,
        hour: u8,
        #[command(flatten)]
        db: Db,
    },
    /// Crypto-shred a tenant's keys and delete all its rows.
    #[command(
        after_help = "Afterwards replace the master key (`keys replace-kek`) so that backups taken earlier cannot be opened either."
    )]
    Erase {
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug, Subcommand)]
enum TeamCmd {
    /// Create a team; prints the team id.
    Create {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        db: Db,
    },
    /// List a tenant's teams.
    List {
        #[arg(long)]
        tenant: String,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug, Subcommand)]
enum KeysCmd {
    /// Create a new master key file (mode 0600); refuses to overwrite.
    Init {
        #[command(flatten)]
        kek: Kek,
    },
    /// Add a new data key version for a tenant (or all).
    Rotate {
        #[arg(long, conflicts_with = "all", required_unless_present = "all")]
        tenant: Option<String>,
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
    /// Re-encrypt rides to the newest key version (batched, resumable).
    Rewrap {
        /// Only this tenant (default: every tenant).
        #[arg(long)]
        tenant: Option<String>,
        #[arg(long, default_value_t = 500)]
        batch: usize,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
    /// Delete data key versions below VERSION (refused while rides use them).
    Retire {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        below: u32,
        #[command(flatten)]
        db: Db,
    },
    /// Re-wrap every tenant's keys under a new master key file.
    ReplaceKek {
        /// The new master key file (create it with `keys init`).
        #[arg(long)]
        new_file: PathBuf,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
}

#[derive(Debug, Subcommand)]
enum TokenCmd {
    /// Issue an employee invite token (the HR id is sealed inside it).
    #[command(
        after_help = "Example:\n  kataloop-admin token employee --tenant <TENANT_ID> --hr-id E12345 --team <TEAM_ID> --ttl 30d"
    )]
    Employee {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        hr_id: String,
        #[arg(long)]
        team: Option<String>,
        /// Validity: a number followed by d, h or m.
        #[arg(long, default_value = "30d")]
        ttl: String,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
    /// Issue a manager token for the tenant or one team.
    #[command(
        after_help = "Example:\n  kataloop-admin token manager --tenant <TENANT_ID> --team <TEAM_ID> --ttl 7d"
    )]
    Manager {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        team: Option<String>,
        #[arg(long, default_value = "7d")]
        ttl: String,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
    /// Revoke a manager token by its id.
    Revoke {
        token_id: String,
        /// The tenant that issued it (token ids are per tenant).
        #[arg(long)]
        tenant: String,
        #[command(flatten)]
        db: Db,
    },
    /// Issue invites for a roster: CSV lines `hr_id[,team_id]`; writes
    /// `hr_id,token` lines to a new file with mode 0600.
    ImportRoster {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        csv: PathBuf,
        /// Where the tokens go (must not exist).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "30d")]
        ttl: String,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
}

#[derive(Debug, Subcommand)]
enum OidcCmd {
    /// Configure the tenant's identity provider (validated before storing).
    Set {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        issuer: String,
        #[arg(long)]
        audience: String,
        /// The provider's JWKS document (public keys).
        #[arg(long)]
        jwks_file: PathBuf,
        /// The claim holding the employee's HR id (sub, email, employee_id...).
        #[arg(long)]
        hr_id_claim: String,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug, Subcommand)]
enum ThemesCmd {
    /// Run a release now (audit-logged), or every due scheduled release.
    #[command(
        after_help = "Examples:\n  kataloop-admin themes release --tenant <TENANT_ID>\n  kataloop-admin themes release --due     # from cron, e.g. every 15 minutes"
    )]
    Release {
        #[arg(long, required_unless_present = "due", conflicts_with = "due")]
        tenant: Option<String>,
        /// Release every tenant whose daily release is due.
        #[arg(long)]
        due: bool,
        #[command(flatten)]
        db: Db,
        #[command(flatten)]
        kek: Kek,
    },
    /// Exactly what a manager of the tenant (or of one team) sees.
    Show {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        team: Option<String>,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug, Subcommand)]
enum ReportCmd {
    /// Export the latest release (visible themes only).
    Export {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        team: Option<String>,
        #[arg(long, value_parser = ["csv", "json"])]
        format: String,
        /// Write here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCmd {
    /// List the events of a tenant's chain (or the global chain).
    List {
        #[arg(long)]
        tenant: Option<String>,
        #[command(flatten)]
        db: Db,
    },
    /// Recompute every chain; exit 1 naming the first broken link.
    Verify {
        #[command(flatten)]
        db: Db,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output::new(cli.json);
    match run(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            out.error(&message);
            ExitCode::from(1)
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Runtime::new().map_err(|e| format!("cannot start: {e}"))
}

fn owner(db: &Db) -> Result<Store, String> {
    Store::connect(&DatabaseConfig::new(db.database_url.clone())).map_err(|e| e.to_string())
}

/// Every region's database: `DATABASE_URL` for the default region, and
/// `KATALOOP_REGION_<NAME>_DATABASE_URL` for the others.
fn regions(db: &Db) -> Result<kataloop_service::regions::Regions, String> {
    kataloop_service::regions::Regions::from_env(&db.database_url, std::env::vars()).map_err(err)
}

/// One tenant (with its region's database), or every tenant of every
/// region.
fn targets(
    db: &Db,
    tenant: Option<&str>,
    rt: &tokio::runtime::Runtime,
) -> Result<Vec<(Store, TenantId)>, String> {
    if let Some(t) = tenant {
        let id = tenant_id(t)?;
        return Ok(vec![(tenant_store(db, id, rt)?, id)]);
    }
    let mut out = Vec::new();
    for (_, store) in regions(db)?.all() {
        for id in rt
            .block_on(kataloop_store::tenants::list_all(store))
            .map_err(err)?
        {
            out.push((store.clone(), id));
        }
    }
    Ok(out)
}

/// The database of the region that holds `tenant`.
fn tenant_store(db: &Db, tenant: TenantId, rt: &tokio::runtime::Runtime) -> Result<Store, String> {
    let regions = regions(db)?;
    let (store, _) = rt.block_on(regions.locate(tenant)).map_err(err)?;
    Ok(store.clone())
}

fn master_key(kek: &Kek) -> Result<MasterKey, String> {
    MasterKey::load_file(&kek.master_key_file).map_err(|e| format!("master key: {e}"))
}

fn tenant_id(raw: &str) -> Result<TenantId, String> {
    raw.parse()
        .map_err(|e: kataloop_tenancy::IdParseError| e.to_string())
}

fn team_id(raw: &str) -> Result<TeamId, String> {
    raw.parse()
        .map_err(|e: kataloop_tenancy::IdParseError| e.to_string())
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn confirm(question: &str) -> Result<bool, String> {
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(err)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

fn run(cli: Cli, out: &Output) -> Result<(), String> {
    let actor = cli
        .actor
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "operator".to_owned());
    match cli.command {
        Command::Migrate { db } => {
            // Every region's database is migrated the same way.
            let rt = runtime()?;
            let mut ran = Vec::new();
            let urls = std::iter::once(db.database_url.clone()).chain(
                kataloop_service::regions::region_database_urls(std::env::vars())
                    .into_iter()
                    .map(|(_, url)| url),
            );
            for url in urls {
                ran.extend(
                    rt.block_on(kataloop_store::run_migrations(&DatabaseConfig::new(url)))
                        .map_err(err)?,
                );
            }
            let text = if ran.is_empty() {
                "database is up to date".to_owned()
            } else {
                ran.iter()
                    .map(|v| format!("applied {v}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            out.emit(json!({ "applied": ran }), text);
        }
        Command::Tenant(cmd) => tenant(cmd, out, &actor)?,
        Command::Team(cmd) => team(cmd, out, &actor)?,
        Command::Keys(cmd) => keys(cmd, out, &actor)?,
        Command::Themes(cmd) => themes(cmd, out, &actor)?,
        Command::Token(cmd) => token(cmd, out, &actor)?,
        Command::Oidc(cmd) => oidc(cmd, out, &actor)?,
        Command::Report(cmd) => report(cmd, out, &actor)?,
        Command::Audit(cmd) => audit(cmd, out)?,
        Command::Anonymize { jsonl: _ } => {
            let policy = kataloop_anonymization::Policy::default();
            for_each_line(|line| kataloop_anonymization::process_jsonl_line(line, &policy))?;
        }
        Command::Analyze { jsonl: _ } => {
            let analyzer = kataloop_analysis::Analyzer::shipped();
            for_each_line(|line| kataloop_analysis::process_jsonl_line(line, analyzer))?;
        }
        Command::Train { corpus, out: path } => {
            let text = std::fs::read_to_string(&corpus)
                .map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
            let items = kataloop_analysis::parse_corpus(&text).map_err(err)?;
            let model = kataloop_analysis::train(&items);
            let bytes = model.to_bytes();
            std::fs::write(&path, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            out.emit(
                json!({"examples": items.len(), "bytes": bytes.len(), "out": path.display().to_string()}),
                format!("trained on {} examples; wrote {} bytes to {}", items.len(), bytes.len(), path.display()),
            );
        }
    }
    Ok(())
}

fn tenant(cmd: TenantCmd, out: &Output, actor: &str) -> Result<(), String> {
    let rt = runtime()?;
    match cmd {
        TenantCmd::Create {
            name,
            domain,
            k,
            region,
            db,
            kek,
        } => {
            let new = operations::NewTenant {
                name: DisplayName::new(&name).map_err(err)?,
                domain: Domain::new(&domain).map_err(err)?,
                settings: TenantSettings {
                    k: KAnonymity::new(k).map_err(err)?,
                    region: DataRegion::new(&region).map_err(err)?,
                },
            };
            let kek = master_key(&kek)?;
            let regions = regions(&db)?;
            let store = regions.store(&new.settings.region).map_err(err)?;
            let tenant = rt
                .block_on(operations::create_tenant(store, &kek, new, actor))
                .map_err(err)?;
            out.emit(
                json!({"tenant_id": tenant.id.to_string()}),
                tenant.id.to_string(),
            );
        }
        TenantCmd::List { db } => {
            let regions = regions(&db)?;
            let mut tenants = Vec::new();
            for (_, store) in regions.all() {
                tenants.extend(rt.block_on(operations::list_tenants(store)).map_err(err)?);
            }
            let mut table = Table::new(&["ID", "NAME", "DOMAIN", "K", "REGION"]);
            let mut docs = Vec::new();
            for t in &tenants {
                table.row(vec![
                    t.id.to_string(),
                    t.name.to_string(),
                    t.domain.to_string(),
                    t.settings.k.to_string(),
                    t.settings.region.to_string(),
                ]);
                docs.push(render::tenant_json(t));
            }
            out.emit(json!({ "tenants": docs }), table.render());
        }
        TenantCmd::Show { id, db } => {
            let t = rt
                .block_on(operations::show_tenant(
                    &tenant_store(&db, tenant_id(&id)?, &rt)?,
                    tenant_id(&id)?,
                ))
                .map_err(err)?;
            out.emit(
                render::tenant_json(&t),
                format!(
                    "id: {}\nname: {}\ndomain: {}\nk: {}\nregion: {}",
                    t.id, t.name, t.domain, t.settings.k, t.settings.region
                ),
            );
        }
        TenantCmd::SetK { id, k, db } => {
            let k = KAnonymity::new(k).map_err(err)?;
            let k = rt
                .block_on(operations::set_k(
                    &tenant_store(&db, tenant_id(&id)?, &rt)?,
                    tenant_id(&id)?,
                    k,
                    actor,
                ))
                .map_err(err)?;
            out.emit(json!({"k": k.get()}), format!("k is now {k}"));
        }
        TenantCmd::SetReleaseHour { id, hour, db } => {
            rt.block_on(operations::set_release_hour(
                &tenant_store(&db, tenant_id(&id)?, &rt)?,
                tenant_id(&id)?,
                hour,
                actor,
            ))
            .map_err(err)?;
            out.emit(
                json!({"release_hour_utc": hour}),
                format!("daily release at {hour:02}:00 UTC"),
            );
        }
        TenantCmd::Erase { id, yes, db } => {
            let id = tenant_id(&id)?;
            if !yes
                && !confirm(&format!(
                    "Erase tenant {id} and destroy its keys? This cannot be undone."
                ))?
            {
                return Err("not confirmed; nothing was erased".to_owned());
            }
            rt.block_on(operations::erase_tenant(
                &tenant_store(&db, id, &rt)?,
                id,
                actor,
            ))
            .map_err(err)?;
            out.emit(
                json!({"erased": id.to_string()}),
                format!("tenant {id} erased; run `kataloop-admin keys replace-kek` so earlier backups cannot be opened"),
            );
        }
    }
    Ok(())
}

fn team(cmd: TeamCmd, out: &Output, actor: &str) -> Result<(), String> {
    let rt = runtime()?;
    match cmd {
        TeamCmd::Create { tenant, name, db } => {
            let name = DisplayName::new(&name).map_err(err)?;
            let team = rt
                .block_on(operations::create_team(
                    &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                    tenant_id(&tenant)?,
                    name,
                    actor,
                ))
                .map_err(err)?;
            out.emit(json!({"team_id": team.id.to_string()}), team.id.to_string());
        }
        TeamCmd::List { tenant, db } => {
            let teams = rt
                .block_on(operations::list_teams(
                    &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                    tenant_id(&tenant)?,
                ))
                .map_err(err)?;
            let mut table = Table::new(&["ID", "NAME"]);
            let docs: Vec<_> = teams
                .iter()
                .map(|t| {
                    table.row(vec![t.id.to_string(), t.name.to_string()]);
                    json!({"team_id": t.id.to_string(), "name": t.name.as_str()})
                })
                .collect();
            out.emit(json!({ "teams": docs }), table.render());
        }
    }
    Ok(())
}

fn keys(cmd: KeysCmd, out: &Output, actor: &str) -> Result<(), String> {
    let rt = runtime()?;
    match cmd {
        KeysCmd::Init { kek } => {
            MasterKey::create_file(&kek.master_key_file).map_err(|e| format!("master key: {e}"))?;
            out.emit(
                json!({"master_key_file": kek.master_key_file.display().to_string()}),
                format!(
                    "created {} (mode 0600); back it up separately from the database",
                    kek.master_key_file.display()
                ),
            );
        }
        KeysCmd::Rotate {
            tenant,
            all: _,
            db,
            kek,
        } => {
            let master = master_key(&kek)?;
            let mut docs = Vec::new();
            for (store, t) in targets(&db, tenant.as_deref(), &rt)? {
                let version = rt
                    .block_on(operations::rotate_keys(&store, t, &master, actor))
                    .map_err(err)?;
                docs.push(json!({"tenant_id": t.to_string(), "version": version}));
            }
            let text = docs
                .iter()
                .map(|d| format!("{} -> key version {}", d["tenant_id"], d["version"]))
                .collect::<Vec<_>>()
                .join("\n");
            out.emit(json!({ "rotated": docs }), text);
        }
        KeysCmd::Rewrap {
            tenant,
            batch,
            db,
            kek,
        } => {
            let master = master_key(&kek)?;
            let mut docs = Vec::new();
            for (store, t) in targets(&db, tenant.as_deref(), &rt)? {
                let bar = out.progress(&format!("re-wrapping {t}"));
                let report = rt
                    .block_on(operations::rewrap(
                        &store,
                        t,
                        &master,
                        batch,
                        &mut |p| render::tick(&bar, p.rewrapped, p.remaining),
                        actor,
                    ))
                    .map_err(err)?;
                bar.finish_and_clear();
                docs.push(json!({"tenant_id": t.to_string(), "rewrapped": report.rewrapped, "remaining": report.remaining}));
            }
            let text = docs
                .iter()
                .map(|d| {
                    format!(
                        "{}: {} rides re-wrapped, {} remaining",
                        d["tenant_id"], d["rewrapped"], d["remaining"]
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.emit(json!({ "rewrapped": docs }), text);
        }
        KeysCmd::Retire { tenant, below, db } => {
            let n = rt
                .block_on(operations::retire_keys(
                    &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                    tenant_id(&tenant)?,
                    below,
                    actor,
                ))
                .map_err(err)?;
            out.emit(json!({"retired": n}), format!("{n} key versions retired"));
        }
        KeysCmd::ReplaceKek { new_file, db, kek } => {
            let regions = regions(&db)?;
            let old = master_key(&kek)?;
            let new =
                MasterKey::load_file(&new_file).map_err(|e| format!("new master key: {e}"))?;
            let mut moved = 0;
            for (_, store) in regions.all() {
                moved += rt
                    .block_on(kataloop_service::keys::replace_kek(store, &old, &new))
                    .map_err(err)?;
            }
            let store = owner(&db)?;
            rt.block_on(kataloop_service::audit::record_global(
                &store,
                actor,
                "keys.replace_kek",
                json!({"keys": moved}),
            ))
            .map_err(err)?;
            out.emit(
                json!({"keys_rewrapped": moved}),
                format!("{moved} keys re-wrapped; now destroy the old master key file and every copy of it"),
            );
        }
    }
    Ok(())
}

/// "30d", "12h", "90m".
fn ttl(raw: &str) -> Result<chrono::Duration, String> {
    let (digits, unit) = raw.split_at(raw.len().saturating_sub(1));
    let n: i64 = digits
        .parse()
        .map_err(|_| format!("invalid ttl {raw:?}: use a number followed by d, h or m"))?;
    match unit {
        "d" => Ok(chrono::Duration::days(n)),
        "h" => Ok(chrono::Duration::hours(n)),
        "m" => Ok(chrono::Duration::minutes(n)),
        _ => Err(format!(
            "invalid ttl {raw:?}: use a number followed by d, h or m"
        )),
    }
}

fn token(cmd: TokenCmd, out: &Output, actor: &str) -> Result<(), String> {
    use kataloop_service::tokens;
    let rt = runtime()?;
    match cmd {
        TokenCmd::Employee {
            tenant,
            hr_id,
            team,
            ttl: t,
            db,
            kek,
        } => {
            let master = master_key(&kek)?;
            let team = team.as_deref().map(team_id).transpose()?;
            let issued = rt
                .block_on(tokens::issue_invite(
                    &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                    &master,
                    tenant_id(&tenant)?,
                    &hr_id,
                    team,
                    ttl(&t)?,
                    actor,
                ))
                .map_err(err)?;
            out.emit(json!({"token": issued.token, "token_id": issued.token_id, "expires_at": issued.expires_at}), issued.token.clone());
        }
        TokenCmd::Manager {
            tenant,
            team,
            ttl: t,
            db,
            kek,
        } => {
            let master = master_key(&kek)?;
            let team = team.as_deref().map(team_id).transpose()?;
            let issued = rt
                .block_on(tokens::issue_manager(
                    &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                    &master,
                    tenant_id(&tenant)?,
                    team,
                    ttl(&t)?,
                    actor,
                ))
                .map_err(err)?;
            out.emit(
                json!({"token": issued.token, "token_id": issued.token_id, "expires_at": issued.expires_at}),
                format!("{}\ntoken id: {}", issued.token, issued.token_id),
            );
        }
        TokenCmd::Revoke {
            token_id,
            tenant,
            db,
        } => {
            let id: uuid::Uuid = token_id
                .parse()
                .map_err(|_| "invalid token id: expected a UUID".to_owned())?;
            rt.block_on(tokens::revoke_manager(
                &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                tenant_id(&tenant)?,
                id,
                actor,
            ))
            .map_err(err)?;
            out.emit(json!({"revoked": id.to_string()}), format!("revoked {id}"));
        }
        TokenCmd::ImportRoster {
            tenant,
            csv,
            out: path,
            ttl: t,
            db,
            kek,
        } => {
            let master = master_key(&kek)?;
            let tenant = tenant_id(&tenant)?;
            let ttl = ttl(&t)?;
            let text = std::fs::read_to_string(&csv)
                .map_err(|e| format!("cannot read {}: {e}", csv.display()))?;
            let mut rows = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || (n == 0 && line.to_ascii_lowercase().starts_with("hr_id")) {
                    continue;
                }
                let mut fields = line.splitn(2, ',');
                let hr = fields.next().unwrap_or_default().trim().to_owned();
                let team = fields
                    .next()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(team_id)
                    .transpose()
                    .map_err(|e| format!("line {}: {e}", n + 1))?;
                rows.push((n + 1, hr, team));
            }
            // Everything is issued before anything is written: a bad line
            // leaves no partial file behind.
            let store = tenant_store(&db, tenant, &rt)?;
            let mut lines = Vec::new();
            for (n, hr, team) in rows {
                let issued = rt
                    .block_on(kataloop_service::tokens::issue_invite(
                        &store, &master, tenant, &hr, team, ttl, actor,
                    ))
                    .map_err(|e| format!("line {n}: {e}"))?;
                lines.push(format!("{hr},{}", issued.token));
            }
            write_private(&path, &(lines.join("\n") + "\n"))?;
            out.emit(
                json!({"issued": lines.len(), "out": path.display().to_string()}),
                format!(
                    "{} invites written to {} (mode 0600)",
                    lines.len(),
                    path.display()
                ),
            );
        }
    }
    Ok(())
}

/// Creates `path` with mode 0600, refusing to overwrite.
fn write_private(path: &std::path::Path, body: &str) -> Result<(), String> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    file.write_all(body.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn oidc(cmd: OidcCmd, out: &Output, actor: &str) -> Result<(), String> {
    let rt = runtime()?;
    let OidcCmd::Set {
        tenant,
        issuer,
        audience,
        jwks_file,
        hr_id_claim,
        db,
    } = cmd;
    let jwks = std::fs::read_to_string(&jwks_file)
        .map_err(|e| format!("cannot read {}: {e}", jwks_file.display()))?;
    let settings = kataloop_credentials::OidcSettings {
        issuer,
        audience,
        hr_id_claim,
        leeway_secs: kataloop_credentials::DEFAULT_LEEWAY_SECS,
    };
    rt.block_on(kataloop_service::tokens::set_oidc(
        &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
        tenant_id(&tenant)?,
        settings,
        jwks,
        actor,
    ))
    .map_err(err)?;
    out.emit(
        json!({"oidc": "set"}),
        "identity provider configured".to_owned(),
    );
    Ok(())
}

fn themes(cmd: ThemesCmd, out: &Output, actor: &str) -> Result<(), String> {
    let rt = runtime()?;
    match cmd {
        ThemesCmd::Release {
            tenant,
            due: _,
            db,
            kek,
        } => {
            let master = master_key(&kek)?;
            let now = chrono::Utc::now();
            let Some(tenant) = tenant else {
                let mut done = Vec::new();
                for (_, store) in regions(&db)?.all() {
                    done.extend(
                        rt.block_on(operations::release_all_due(store, &master, now, actor))
                            .map_err(err)?,
                    );
                }
                let docs: Vec<_> = done
                    .iter()
                    .map(|(t, o)| json!({"tenant_id": t.to_string(), "release_id": o.id.to_string(), "visible_cells": o.visible_cells}))
                    .collect();
                out.emit(
                    json!({ "released": docs }),
                    format!("{} releases made", docs.len()),
                );
                return Ok(());
            };
            let outcome = rt
                .block_on(operations::release_now(
                    &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
                    tenant_id(&tenant)?,
                    &master,
                    now.date_naive(),
                    actor,
                ))
                .map_err(err)?;
            out.emit(
                json!({"release_id": outcome.id.to_string(), "seq": outcome.seq, "released_on": outcome.released_on.to_string(), "visible_cells": outcome.visible_cells}),
                format!("release {} (#{}) on {}: {} visible cells", outcome.id, outcome.seq, outcome.released_on, outcome.visible_cells),
            );
        }
        ThemesCmd::Show { tenant, team, db } => {
            let view = manager_view(&db, &tenant, team.as_deref(), &rt)?;
            out.emit(
                render::view_json(view.as_ref()),
                render::view_text(view.as_ref()),
            );
        }
    }
    Ok(())
}

fn manager_view(
    db: &Db,
    tenant: &str,
    team: Option<&str>,
    rt: &tokio::runtime::Runtime,
) -> Result<Option<kataloop_themes::ManagerView>, String> {
    // The same query and rendering as the managers' API, through the owner
    // connection: an export can never show more than a manager sees.
    let regions = regions(db)?;
    let (_, url) = rt
        .block_on(regions.locate(tenant_id(tenant)?))
        .map_err(err)?;
    let store = ManagerStore::connect(&DatabaseConfig::new(url)).map_err(err)?;
    let team = team.map(team_id).transpose()?;
    rt.block_on(kataloop_service::aggregation::manager_view(
        &store,
        tenant_id(tenant)?,
        team,
    ))
    .map_err(err)
}

fn report(cmd: ReportCmd, out: &Output, actor: &str) -> Result<(), String> {
    let rt = runtime()?;
    let ReportCmd::Export {
        tenant,
        team,
        format,
        out: path,
        db,
    } = cmd;
    let view = manager_view(&db, &tenant, team.as_deref(), &rt)?;
    rt.block_on(operations::record_export(
        &tenant_store(&db, tenant_id(&tenant)?, &rt)?,
        tenant_id(&tenant)?,
        actor,
        view.as_ref().map(|v| v.release_id),
        team.as_deref().map(team_id).transpose()?,
        &format,
    ))
    .map_err(err)?;
    let body = match format.as_str() {
        "csv" => render::view_csv(view.as_ref()),
        _ => render::view_json(view.as_ref()).to_string(),
    };
    match path {
        Some(path) => {
            std::fs::write(&path, body)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            out.emit(
                json!({"out": path.display().to_string()}),
                format!("wrote {}", path.display()),
            );
        }
        None => print!("{body}"),
    }
    Ok(())
}

fn audit(cmd: AuditCmd, out: &Output) -> Result<(), String> {
    let rt = runtime()?;
    match cmd {
        AuditCmd::List { tenant, db } => {
            let tenant = tenant.as_deref().map(tenant_id).transpose()?;
            let rows = rt
                .block_on(kataloop_service::audit::list(
                    &match tenant {
                        Some(t) => tenant_store(&db, t, &rt)?,
                        None => owner(&db)?,
                    },
                    tenant,
                ))
                .map_err(err)?;
            let mut table = Table::new(&["SEQ", "TIME", "ACTOR", "ACTION", "DETAILS"]);
            let docs: Vec<_> = rows
                .iter()
                .map(|r| {
                    table.row(vec![r.seq.to_string(), r.occurred_at.to_rfc3339(), r.actor.clone(), r.action.clone(), r.details.to_string()]);
                    json!({"seq": r.seq, "occurred_at": r.occurred_at.to_rfc3339(), "actor": r.actor, "action": r.action, "details": r.details})
                })
                .collect();
            out.emit(json!({ "events": docs }), table.render());
        }
        AuditCmd::Verify { db } => {
            let mut report = kataloop_service::audit::Verification {
                chains: 0,
                events: 0,
                broken: None,
            };
            for (_, store) in regions(&db)?.all() {
                let r = rt
                    .block_on(kataloop_service::audit::verify(store))
                    .map_err(err)?;
                report.chains += r.chains;
                report.events += r.events;
                if r.broken.is_some() {
                    report.broken = r.broken;
                    break;
                }
            }
            if let Some(broken) = report.broken {
                let scope = broken
                    .tenant
                    .map_or("the global chain".to_owned(), |t| format!("tenant {t}"));
                return Err(format!("audit chain broken: {scope}, event {}", broken.seq));
            }
            out.emit(
                json!({"chains": report.chains, "events": report.events, "ok": true}),
                format!("{} chains, {} events: intact", report.chains, report.events),
            );
        }
    }
    Ok(())
}

/// Streams stdin to stdout line by line; each line is answered, even a
/// malformed one, so processing continues.
fn for_each_line(process: impl Fn(&str) -> String) -> Result<(), String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().split(b'\n') {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", process(text)).map_err(|e| format!("cannot write stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write stdout: {e}"))
}
