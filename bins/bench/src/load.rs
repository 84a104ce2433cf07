//! Workloads over HTTPS against the real server process: submissions (1),
//! the manager dashboard against the same SQL driven directly (2), work
//! isolation (4), scale (5) and memory (7).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use kataloop_credentials::{HrIdSecret, NewInvite, NewManagerToken, TokenKeys};
use kataloop_service::{credentials, keys, operations};
use kataloop_tenancy::{DisplayName, Domain, TenantId, TenantSettings};

use crate::data::{load_tenant, Shape};
use crate::env::{connect, in_tenant, BenchEnv};
use crate::http::{client_config, percentile, Conn};
use crate::measure::{median, ms, Goal, Row};
use crate::server::Server;
use crate::workloads::Size;

const TEXTS: [&str; 4] = [
    "Approvals take forever, we wait days for a signature on trivial changes",
    "My workload is crushing me, too many tickets and not enough people",
    "The build tools are slow and the laptop freezes every afternoon",
    "Meetings eat the whole afternoon and decisions still get made elsewhere",
];

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

pub fn conversation(i: usize) -> String {
    serde_json::json!({"conversation": [
        {"role": "guide", "text": "What is on your mind this week?"},
        {"role": "employee", "text": TEXTS[i % TEXTS.len()]},
    ]})
    .to_string()
}

pub async fn token_keys(env: &BenchEnv, tenant: TenantId) -> Result<TokenKeys, String> {
    let keyring = keys::load_keyring(&env.setup.owner, tenant, env.setup.kek.as_ref())
        .await
        .map_err(|e| e.to_string())?;
    TokenKeys::from_root(tenant, &credentials::credential_root(&keyring)).map_err(|e| e.to_string())
}

/// Invites for `n` distinct new employees of the demo tenant.
pub async fn invites(env: &BenchEnv, run: &str, n: usize) -> Result<Vec<String>, String> {
    let keys = token_keys(env, env.setup.tenant).await?;
    (0..n)
        .map(|i| {
            keys.issue_invite(
                &NewInvite {
                    tenant: env.setup.tenant,
                    team: env.setup.teams.get(i % 2).copied(),
                    hr_id: HrIdSecret::new(format!("bench-{run}-{i}")),
                    expires_at: now() + 86_400,
                },
                now(),
            )
            .map(|t| t.token.expose().to_owned())
            .map_err(|e| e.to_string())
        })
        .collect()
}

/// One submitting connection; it returns the latencies of its rides.
type Submitter = tokio::task::JoinHandle<Result<Vec<Duration>, String>>;

/// Starts `workers` connections that submit one ride per invite until the
/// invites run out or `stop` is set. 503 (hashing pool full) is retried
/// after a short pause, as a client honouring Retry-After would. Each task
/// returns the latencies of its accepted rides.
fn start_submitting(
    server: &Server,
    invites: Arc<Vec<String>>,
    workers: usize,
    stop: Arc<AtomicBool>,
) -> Result<Vec<Submitter>, String> {
    let tls = client_config(&server.cert)?;
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (tls, next, invites, addr, stop) = (
            tls.clone(),
            next.clone(),
            invites.clone(),
            server.addr.clone(),
            stop.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::open(&addr, &tls).await?;
            let mut lat = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(invite) = invites.get(i) else {
                    break;
                };
                loop {
                    let (status, body, took) = conn
                        .call("POST", "/api/v1/rides", invite, Some(conversation(i)))
                        .await?;
                    match status {
                        201 => {
                            lat.push(took);
                            break;
                        }
                        503 => tokio::time::sleep(Duration::from_millis(20)).await,
                        s => {
                            return Err(format!(
                                "submission answered {s}: {}",
                                String::from_utf8_lossy(&body)
                            ))
                        }
                    }
                }
            }
            Ok(lat)
        }));
    }
    Ok(tasks)
}

/// Submits every invite's ride with `workers` connections; returns the
/// wall time and each request's latency.
async fn submit_all(
    server: &Server,
    invites: Arc<Vec<String>>,
    workers: usize,
) -> Result<(Duration, Vec<Duration>), String> {
    let start = Instant::now();
    let tasks = start_submitting(server, invites, workers, Arc::new(AtomicBool::new(false)))?;
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.map_err(|e| e.to_string())??);
    }
    Ok((start.elapsed(), all))
}

/// The time of one participant hash at the server's cost (10), measured
/// in this process.
fn one_hash(env: &BenchEnv, samples: usize) -> Result<Duration, String> {
    let pepper = kataloop_crypto::Pepper::generate().map_err(|e| e.to_string())?;
    let hasher = kataloop_pseudonymity::HrIdHasher::new(pepper, 10).map_err(|e| e.to_string())?;
    let _ = env;
    let id = kataloop_pseudonymity::CanonicalHrId::new("E-100200").map_err(|e| e.to_string())?;
    let start = Instant::now();
    for _ in 0..samples {
        std::hint::black_box(hasher.hash(&id).map_err(|e| e.to_string())?);
    }
    Ok(start.elapsed() / samples as u32)
}

/// Workloads 1 and 4 and the memory of 7 (submission side).
pub async fn submissions(env: &BenchEnv, server: &Server, size: Size) -> Result<Vec<Row>, String> {
    let threads = Server::hashing_threads();
    let per_sample = if size.quick { 40 } else { 120 };
    let workers = threads * 4;
    let pairs = if size.quick { 3 } else { 5 };
    let mut ratios = Vec::new();
    let mut rates = Vec::new();
    let mut ceilings = Vec::new();
    let mut lat = Vec::new();
    eprintln!(
        "  {pairs} pairs of {per_sample} submissions ({workers} connections) and hash timing"
    );
    let warm = invites(env, "warm", workers).await?;
    submit_all(server, Arc::new(warm), workers).await?;
    for p in 0..pairs {
        let inv = Arc::new(invites(env, &format!("s{p}-{}", now()), per_sample).await?);
        let (wall, l) = submit_all(server, inv, workers).await?;
        let rate = per_sample as f64 / wall.as_secs_f64();
        let hash = one_hash(env, 6)?;
        let ceiling = threads as f64 / hash.as_secs_f64();
        ratios.push(rate / ceiling);
        rates.push(rate);
        ceilings.push(ceiling);
        lat.extend(l);
    }
    let rate = median(&mut rates);
    let ceiling = median(&mut ceilings);
    let (p50, p99) = (percentile(&mut lat, 50.0), percentile(&mut lat, 99.0));
    Ok(vec![Row {
        workload: format!(
            "1. submit over HTTPS, bcrypt 10 (p50 {}, p99 {}) vs hashing ceiling ({threads} threads)",
            ms(p50),
            ms(p99)
        ),
        measured: format!("{rate:.1} rides/s"),
        reference: format!("{ceiling:.1} rides/s"),
        ratio: median(&mut ratios),
        goal: Goal::AtLeast(0.9),
    }])
}

/// A tenant with keys (so managers can hold tokens) and synthetic rides
/// and a release loaded with SQL.
pub async fn dashboard_tenants(
    env: &BenchEnv,
    prefix: &str,
    count: usize,
    rides: usize,
) -> Result<Vec<(TenantId, String)>, String> {
    let admin = connect(&env.admin_url).await?;
    let mut out = Vec::new();
    for i in 0..count {
        let tenant = operations::create_tenant(
            &env.setup.owner,
            env.setup.kek.as_ref(),
            operations::NewTenant {
                name: DisplayName::new("Bench").map_err(|e| e.to_string())?,
                domain: Domain::new(&format!("{prefix}{i}.bench.example"))
                    .map_err(|e| e.to_string())?,
                settings: TenantSettings::default(),
            },
            "kataloop-bench",
        )
        .await
        .map_err(|e| e.to_string())?
        .id;
        load_tenant(
            &admin,
            tenant,
            Shape {
                rides,
                teams: 10,
                participants: (rides / 5).max(50),
                release: true,
                tenant_row: false,
            },
            0.0001 * i as f64,
        )
        .await?;
        let token = token_keys(env, tenant)
            .await?
            .issue_manager(
                &NewManagerToken {
                    tenant,
                    team: None,
                    expires_at: now() + 86_400,
                },
                now(),
            )
            .map_err(|e| e.to_string())?
            .token
            .expose()
            .to_owned();
        out.push((tenant, token));
        if i % 100 == 99 {
            eprintln!("    {} tenants", i + 1);
        }
    }
    admin
        .batch_execute("ANALYZE")
        .await
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// `requests` dashboard reads over `workers` connections, tenants chosen
/// round-robin from a fixed shuffle; returns wall time and latencies.
async fn dashboard_load(
    server: &Server,
    tenants: &Arc<Vec<(TenantId, String)>>,
    workers: usize,
    requests: usize,
) -> Result<(Duration, Vec<Duration>), String> {
    let tls = client_config(&server.cert)?;
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (tls, next, tenants, addr) = (
            tls.clone(),
            next.clone(),
            tenants.clone(),
            server.addr.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::open(&addr, &tls).await?;
            let mut lat = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    return Ok::<_, String>(lat);
                }
                let (_, token) = &tenants[(i * 7919) % tenants.len()];
                let (status, body, took) = conn.call("GET", "/api/v1/themes", token, None).await?;
                if status != 200 || body.len() < 100 {
                    return Err(format!("dashboard answered {status}"));
                }
                lat.push(took);
            }
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.map_err(|e| e.to_string())??);
    }
    Ok((start.elapsed(), all))
}

/// What the server's database work is for one dashboard request, driven
/// directly: the same four transactions and statements (revocation check,
/// the release read as the managers' role, the audit append, the tenant's
/// settings), each scoped to the tenant as the store scopes it.
struct DirectDashboard {
    app: tokio_postgres::Client,
    manager: tokio_postgres::Client,
    revoked: tokio_postgres::Statement,
    header: tokio_postgres::Statement,
    cells: tokio_postgres::Statement,
    tail: tokio_postgres::Statement,
    append: tokio_postgres::Statement,
    settings: tokio_postgres::Statement,
}

impl DirectDashboard {
    async fn new(env: &BenchEnv) -> Result<Self, String> {
        let app = connect(&env.setup.app_url).await?;
        let manager = connect(&env.setup.manager_url).await?;
        Ok(DirectDashboard {
            revoked: app.prepare("SELECT EXISTS (SELECT 1 FROM manager_token_revocations WHERE tenant_id = $1 AND token_id = $2)").await.map_err(|e| e.to_string())?,
            header: manager.prepare("SELECT id, released_on FROM releases WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1").await.map_err(|e| e.to_string())?,
            cells: manager.prepare(crate::workloads::DASHBOARD_CELLS).await.map_err(|e| e.to_string())?,
            tail: app.prepare("SELECT seq, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1").await.map_err(|e| e.to_string())?,
            append: app.prepare("INSERT INTO audit_events (tenant_id, seq, occurred_at, actor, action, details, prev_hash, hash) VALUES ($1, $2, now(), $3, 'manager.view', '{\"scope\": \"tenant\"}'::jsonb, $4, $5)").await.map_err(|e| e.to_string())?,
            settings: app.prepare("SELECT id, name, domain, k_anonymity, data_region FROM tenants WHERE id = $1").await.map_err(|e| e.to_string())?,
            app,
            manager,
        })
    }

    async fn request(&self, tenant: &uuid::Uuid) -> Result<(), String> {
        let token_id = uuid::Uuid::new_v4();
        in_tenant(&self.app, tenant, || async {
            self.app
                .query(&self.revoked, &[tenant, &token_id])
                .await
                .map(|_| ())
        })
        .await?;
        in_tenant(&self.manager, tenant, || async {
            let h = self.manager.query(&self.header, &[tenant]).await?;
            if let Some(row) = h.first() {
                let id: uuid::Uuid = row.get(0);
                self.manager.query(&self.cells, &[tenant, &id]).await?;
            }
            Ok(())
        })
        .await?;
        let lock = 0x6175_6469_7400_0001_i64 ^ (tenant.as_u128() as i64);
        in_tenant(&self.app, tenant, || async {
            self.app
                .query(&format!("SELECT pg_advisory_xact_lock({lock})"), &[])
                .await?;
            let tail = self.app.query(&self.tail, &[tenant]).await?;
            let (seq, prev): (i64, Vec<u8>) = tail
                .first()
                .map_or((0, vec![0; 32]), |r| (r.get(0), r.get(1)));
            let hash = vec![(seq % 251) as u8; 32];
            self.app
                .query(
                    &self.append,
                    &[tenant, &(seq + 1), &"manager-token:bench", &prev, &hash],
                )
                .await
                .map(|_| ())
        })
        .await?;
        in_tenant(&self.app, tenant, || async {
            self.app.query(&self.settings, &[tenant]).await.map(|_| ())
        })
        .await
    }
}

async fn direct_load(
    env: &BenchEnv,
    tenants: &Arc<Vec<(TenantId, String)>>,
    workers: usize,
    requests: usize,
) -> Result<Duration, String> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for _ in 0..workers {
        clients.push(Arc::new(DirectDashboard::new(env).await?));
    }
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in clients {
        let (next, tenants) = (next.clone(), tenants.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    return Ok::<_, String>(());
                }
                let (t, _) = &tenants[(i * 7919) % tenants.len()];
                c.request(t.as_uuid()).await?;
            }
        }));
    }
    for t in tasks {
        t.await.map_err(|e| e.to_string())??;
    }
    Ok(start.elapsed())
}

/// Workloads 2, 4 and 5.
pub async fn dashboard(env: &BenchEnv, server: &Server, size: Size) -> Result<Vec<Row>, String> {
    let (count, rides) = if size.quick {
        (100, 1000)
    } else {
        (1000, 1000)
    };
    eprintln!("  creating {count} tenants × {rides} rides with a release ...");
    let base = Arc::new(dashboard_tenants(env, "dash", count, rides).await?);
    let workers = 8;
    let requests = if size.quick { 400 } else { 2000 };
    let pairs = if size.quick { 3 } else { 5 };

    eprintln!("  2: server vs direct SQL, {pairs} pairs of {requests} requests");
    dashboard_load(server, &base, workers, workers).await?;
    direct_load(env, &base, workers, workers).await?;
    let mut ratios = Vec::new();
    let mut rps = Vec::new();
    let mut direct_rps = Vec::new();
    let mut lat = Vec::new();
    for _ in 0..pairs {
        let (wall, l) = dashboard_load(server, &base, workers, requests).await?;
        let direct = direct_load(env, &base, workers, requests).await?;
        let a = requests as f64 / wall.as_secs_f64();
        let b = requests as f64 / direct.as_secs_f64();
        ratios.push(a / b);
        rps.push(a);
        direct_rps.push(b);
        lat.extend(l);
    }
    let (p50, p99) = (percentile(&mut lat, 50.0), percentile(&mut lat, 99.0));
    let mut rows = vec![Row {
        workload: format!(
            "2. dashboard over HTTPS, {count} tenants × {rides} rides (p50 {}, p99 {}) vs the same SQL direct, {workers} connections",
            ms(p50),
            ms(p99)
        ),
        measured: format!("{:.0} req/s", median(&mut rps)),
        reference: format!("{:.0} req/s", median(&mut direct_rps)),
        ratio: median(&mut ratios),
        goal: Goal::AtLeast(0.5),
    }];

    // 4: dashboard p99 while submissions saturate hashing, vs idle.
    eprintln!("  4: dashboard p99 under submission load vs idle, {pairs} pairs");
    let small = requests / 2;
    let mut ratios = Vec::new();
    let mut busy99 = Vec::new();
    let mut idle99 = Vec::new();
    for p in 0..pairs {
        let stop = Arc::new(AtomicBool::new(false));
        let inv = Arc::new(invites(env, &format!("iso{p}-{}", now()), 2000).await?);
        let load = start_submitting(server, inv, Server::hashing_threads() * 4, stop.clone())?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (_, mut busy) = dashboard_load(server, &base, 2, small).await?;
        stop.store(true, Ordering::Relaxed);
        for t in load {
            t.await.map_err(|e| e.to_string())??;
        }
        let (_, mut idle) = dashboard_load(server, &base, 2, small).await?;
        let (b, i) = (percentile(&mut busy, 99.0), percentile(&mut idle, 99.0));
        ratios.push(b.as_secs_f64() / i.as_secs_f64());
        busy99.push(b.as_secs_f64());
        idle99.push(i.as_secs_f64());
    }
    rows.push(Row {
        workload: "4. dashboard p99 with hashing saturated ÷ idle".into(),
        measured: ms(Duration::from_secs_f64(median(&mut busy99))),
        reference: ms(Duration::from_secs_f64(median(&mut idle99))),
        ratio: median(&mut ratios),
        goal: Goal::AtMost(1.2),
    });

    // 5: 10× the rides per tenant (same team sizes), p50 vs baseline.
    let scaled_count = if size.quick { 20 } else { 100 };
    eprintln!(
        "  5: creating {scaled_count} tenants × {} rides ...",
        rides * 10
    );
    let scaled = Arc::new(dashboard_tenants(env, "dash10x", scaled_count, rides * 10).await?);
    let baseline = Arc::new(base.iter().take(scaled_count).cloned().collect::<Vec<_>>());
    let mut ratios = Vec::new();
    let mut big50 = Vec::new();
    let mut base50 = Vec::new();
    for _ in 0..pairs {
        let (_, mut big) = dashboard_load(server, &scaled, workers, small).await?;
        let (_, mut normal) = dashboard_load(server, &baseline, workers, small).await?;
        let (b, n) = (percentile(&mut big, 50.0), percentile(&mut normal, 50.0));
        ratios.push(b.as_secs_f64() / n.as_secs_f64());
        big50.push(b.as_secs_f64());
        base50.push(n.as_secs_f64());
    }
    rows.push(Row {
        workload: format!("5. dashboard p50 with {}× rides per tenant ÷ baseline", 10),
        measured: ms(Duration::from_secs_f64(median(&mut big50))),
        reference: ms(Duration::from_secs_f64(median(&mut base50))),
        ratio: median(&mut ratios),
        goal: Goal::AtMost(1.2),
    });
    Ok(rows)
}

/// Workload 7: the server's peak RSS after workloads 1 and 2.
pub fn memory(server: &Server) -> Row {
    let peak = server.peak_rss_mib().unwrap_or(f64::NAN);
    Row {
        workload: "7. server peak RSS during workloads 1, 2, 4, 5".into(),
        measured: format!("{peak:.1} MiB"),
        reference: "100 MiB budget".into(),
        ratio: peak / 100.0,
        goal: Goal::AtMost(1.0),
    }
}
