//! The workloads. Each returns rows for the results table; every ratio is
//! two things measured side by side in this run.

use std::time::{Duration, Instant};

use kataloop_store::{DatabaseConfig, DedicatedConnection, Store};
use kataloop_tenancy::{KAnonymity, ParticipantId, RideId, TeamId, TenantId};
use kataloop_themes::{
    aggregate, compute_release, terms_of, LiveState, PlainNarrator, ReleaseId, ReleaseInput,
    RideFacts, TermKey, ThemeSlug,
};

use crate::data::{load_tenant, tenant_named, Shape};
use crate::env::{connect, in_tenant, BenchEnv};
use crate::measure::{interleave, ms, us, Goal, Row};

/// How much work each workload does.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub pairs: usize,
    pub quick: bool,
}

/// The SQL anchor of workload 6: distinct people per theme and team.
pub const GROUP_BY_SQL: &str = "SELECT theme_id, team_id, count(DISTINCT participant_pid) \
     FROM rides WHERE tenant_id = $1 GROUP BY theme_id, team_id";

const PHRASES: [&str; 6] = [
    "too many approvals slow every release down and nobody owns the process",
    "the deadlines are impossible and overtime has become normal for the team",
    "my laptop is ancient and the build takes forever to finish",
    "nobody reads the weekly status reports we spend hours writing",
    "promotions feel random and nobody explains the criteria to us",
    "meetings eat the whole afternoon and decisions still get made elsewhere",
];

/// Workload 6: a release for one tenant with 100,000 rides and 50 teams
/// against one SQL `GROUP BY theme, team count(DISTINCT participant_pid)`
/// over the same rows, as the runtime role.
pub async fn release(env: &BenchEnv, size: Size) -> Result<Vec<Row>, String> {
    let admin = connect(&env.admin_url).await?;
    let tenant = tenant_named("release-100k");
    let shape = Shape {
        rides: 100_000,
        teams: 50,
        participants: 20_000,
        release: false,
        tenant_row: true,
    };
    eprintln!("  loading {} rides, {} teams ...", shape.rides, shape.teams);
    load_tenant(&admin, tenant, shape, 0.42).await?;
    admin
        .batch_execute("ANALYZE rides")
        .await
        .map_err(|e| e.to_string())?;

    // The live state a release starts from, built from the same rows.
    let rows = admin
        .query(
            "SELECT r.id, r.participant_pid, r.team_id, t.slug, r.sentiment, r.confidence \
             FROM rides r JOIN themes t ON t.tenant_id = r.tenant_id AND t.id = r.theme_id \
             WHERE r.tenant_id = $1",
            &[tenant.as_uuid()],
        )
        .await
        .map_err(|e| e.to_string())?;
    let key = TermKey::new(b"bench");
    let terms: Vec<_> = PHRASES.iter().map(|p| terms_of(p, &key)).collect();
    let mut live = LiveState::new();
    let mut texts = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let ride = RideId::from_uuid(row.get(0));
        let team: Option<uuid::Uuid> = row.get(2);
        let slug: String = row.get(3);
        let sentiment: Option<f32> = row.get(4);
        let confidence: Option<f32> = row.get(5);
        live.add_ride(RideFacts {
            ride,
            participant: ParticipantId::from_uuid(row.get(1)),
            team: team.map(TeamId::from_uuid),
            theme: ThemeSlug::new(&slug).map_err(|e| e.to_string())?,
            sentiment: sentiment.unwrap_or(0.0),
            confidence: confidence.unwrap_or(0.0),
            terms: terms[i % PHRASES.len()].clone(),
        })
        .map_err(|e| e.to_string())?;
        texts.insert(ride, PHRASES[i % PHRASES.len()].to_owned());
    }

    let app = connect(&env.setup.app_url).await?;
    let group_by = app.prepare(GROUP_BY_SQL).await.map_err(|e| e.to_string())?;
    let t = *tenant.as_uuid();
    let k = KAnonymity::DEFAULT;
    let (app, group_by, live) = (&app, &group_by, &live);
    let sql = move || async move {
        let n = in_tenant(app, &t, || async {
            app.query(group_by, &[&t]).await.map(|r| r.len())
        })
        .await?;
        if n == 0 {
            return Err("the GROUP BY saw no rows: is the tenant setting applied?".into());
        }
        Ok(())
    };
    eprintln!(
        "  counting: release aggregation vs SQL, {} pairs",
        size.pairs
    );
    let counting = interleave(size.pairs, sql, move || async move {
        std::hint::black_box(aggregate(live, None, k));
        Ok(())
    })
    .await?;

    let narrator = PlainNarrator;
    let lookup = |r: RideId| texts.get(&r).cloned();
    let full_pairs = if size.quick { 3 } else { 5 };
    eprintln!("  full release with texts vs SQL, {full_pairs} pairs");
    let (narrator, lookup, key) = (&narrator, &lookup, &key);
    let full = interleave(full_pairs, sql, move || async move {
        std::hint::black_box(compute_release(
            live,
            &ReleaseInput {
                id: ReleaseId::random(),
                previous: None,
                k,
                released_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default(),
                shuffle_seed: [7; 32],
                narrator,
                term_key: key,
                ride_text: lookup,
            },
        ));
        Ok(())
    })
    .await?;
    let cells = aggregate(live, None, k);
    let summaries: usize = cells
        .to_narrate
        .iter()
        .filter_map(|c| cells.figures.get(c))
        .map(|c| c.contributor_count as usize)
        .sum();
    Ok(vec![
        Row {
            workload: "6. release counting (100k rides, 50 teams) vs SQL GROUP BY".into(),
            measured: ms(counting.median_b()),
            reference: ms(counting.median_a()),
            ratio: counting.median_ratio(),
            goal: Goal::AtLeast(0.5),
        },
        Row {
            workload: format!(
                "6b. release with texts ({summaries} summaries checked) vs SQL GROUP BY"
            ),
            measured: ms(full.median_b()),
            reference: ms(full.median_a()),
            ratio: full.median_ratio(),
            goal: Goal::Informational,
        },
    ])
}

/// The two statements of the manager dashboard, as `ManagerStore` runs
/// them (explicit tenant conditions, as every store query has).
const DASHBOARD_HEADER: &str =
    "SELECT id FROM releases WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1";
pub const DASHBOARD_CELLS: &str = "SELECT c.theme_id, t.slug, c.contributor_count, c.sentiment, \
     c.confidence, c.name, c.description, c.suggested_action, c.summaries \
     FROM release_cells c JOIN themes t ON t.tenant_id = c.tenant_id AND t.id = c.theme_id \
     WHERE c.tenant_id = $1 AND c.release_id = $2 AND c.visible AND t.team_id IS NULL";
/// The ride insert of a submission (the columns the pipeline writes).
const RIDE_INSERT: &str = "INSERT INTO rides (tenant_id, id, participant_pid, session_alias, \
     team_id, conversation_ciphertext, key_version, theme_id, sentiment, confidence, status) \
     VALUES ($1, $2, $3, 'Bench Ride', $4, $5, 1, $6, 0.1, 0.8, 'processed')";

struct Side {
    client: tokio_postgres::Client,
    header: tokio_postgres::Statement,
    cells: tokio_postgres::Statement,
    insert: tokio_postgres::Statement,
}

impl Side {
    async fn new(url: &str) -> Result<Side, String> {
        let client = connect(url).await?;
        let header = client
            .prepare(DASHBOARD_HEADER)
            .await
            .map_err(|e| e.to_string())?;
        let cells = client
            .prepare(DASHBOARD_CELLS)
            .await
            .map_err(|e| e.to_string())?;
        let insert = client
            .prepare(RIDE_INSERT)
            .await
            .map_err(|e| e.to_string())?;
        Ok(Side {
            client,
            header,
            cells,
            insert,
        })
    }

    /// One dashboard request: the latest release's visible tenant cells.
    async fn dashboard(&self, tenant: &uuid::Uuid) -> Result<usize, String> {
        let c = &self.client;
        let cells = in_tenant(c, tenant, || async {
            let header = c.query(&self.header, &[tenant]).await?;
            match header.first() {
                Some(row) => {
                    let release: uuid::Uuid = row.get(0);
                    c.query(&self.cells, &[tenant, &release])
                        .await
                        .map(|r| r.len())
                }
                None => Ok(0),
            }
        })
        .await?;
        if cells == 0 {
            return Err("no release: the tenant setting is not applied?".into());
        }
        Ok(cells)
    }

    /// One ride insert for `participant` of `tenant`.
    async fn insert(&self, tenant: &uuid::Uuid, who: &Who) -> Result<(), String> {
        let sealed: &[u8] = &[0u8; 600];
        let id = uuid::Uuid::new_v4();
        in_tenant(&self.client, tenant, || async {
            self.client
                .execute(
                    &self.insert,
                    &[
                        tenant,
                        &id,
                        &who.participant,
                        &who.team,
                        &sealed,
                        &who.theme,
                    ],
                )
                .await
                .map(|_| ())
        })
        .await
    }
}

/// Someone who may submit for a tenant (ids as stored in both databases).
struct Who {
    tenant: uuid::Uuid,
    participant: uuid::Uuid,
    team: uuid::Uuid,
    theme: uuid::Uuid,
}

/// Workload 3: the dashboard SQL and the ride insert on the RLS tables as
/// the runtime roles, against identical tables without RLS as their owner.
pub async fn rls_tax(env: &BenchEnv, size: Size) -> Result<Vec<Row>, String> {
    let tenants = if size.quick { 40 } else { 200 };
    let shape = Shape {
        rides: 500,
        teams: 5,
        participants: 100,
        release: true,
        tenant_row: true,
    };
    let admin = connect(&env.admin_url).await?;
    let twin = connect(&env.no_rls_admin_url).await?;
    eprintln!(
        "  loading {tenants} tenants × {} rides, twice ...",
        shape.rides
    );
    let ids: Vec<TenantId> = (0..tenants)
        .map(|i| tenant_named(&format!("rls-{i}")))
        .collect();
    for (i, t) in ids.iter().enumerate() {
        load_tenant(&admin, *t, shape, 0.001 * i as f64).await?;
        load_tenant(&twin, *t, shape, 0.001 * i as f64).await?;
    }
    for c in [&admin, &twin] {
        c.batch_execute("ANALYZE")
            .await
            .map_err(|e| e.to_string())?;
    }
    let mut who = Vec::new();
    for t in &ids {
        let row = admin
            .query_one(
                "SELECT p.participant_pid, p.team_id, \
                        (SELECT id FROM themes WHERE tenant_id = $1 ORDER BY slug LIMIT 1) \
                 FROM participants p WHERE p.tenant_id = $1 LIMIT 1",
                &[t.as_uuid()],
            )
            .await
            .map_err(|e| e.to_string())?;
        who.push(Who {
            tenant: *t.as_uuid(),
            participant: row.get(0),
            team: row.get(1),
            theme: row.get(2),
        });
    }

    let rls_reader = Side::new(&env.setup.manager_url).await?;
    let rls_writer = Side::new(&env.setup.app_url).await?;
    let plain = Side::new(&env.no_rls_owner_url).await?;
    const PER_SAMPLE: usize = 200;
    // The same spread of tenants for every sample, on both sides.
    let order: Vec<uuid::Uuid> = (0..PER_SAMPLE)
        .map(|i| *ids[(i * 104_729) % ids.len()].as_uuid())
        .collect();
    let (rls_reader, rls_writer, plain, who, order) =
        (&rls_reader, &rls_writer, &plain, &who, &order);
    eprintln!("  dashboard SQL, {} pairs", size.pairs);
    let read = interleave(
        size.pairs,
        move || async move {
            for t in order {
                rls_reader.dashboard(t).await?;
            }
            Ok(())
        },
        move || async move {
            for t in order {
                plain.dashboard(t).await?;
            }
            Ok(())
        },
    )
    .await?;
    eprintln!("  ride insert, {} pairs", size.pairs);
    let write = interleave(
        size.pairs,
        move || async move {
            for i in 0..PER_SAMPLE {
                let w = &who[i % who.len()];
                rls_writer.insert(&w.tenant, w).await?;
            }
            Ok(())
        },
        move || async move {
            for i in 0..PER_SAMPLE {
                let w = &who[i % who.len()];
                plain.insert(&w.tenant, w).await?;
            }
            Ok(())
        },
    )
    .await?;
    let per = |d: Duration| us(d / PER_SAMPLE as u32);
    Ok(vec![
        Row {
            workload: format!("3. RLS tax: dashboard SQL ({tenants} tenants), RLS ÷ no RLS"),
            measured: per(read.median_a()),
            reference: per(read.median_b()),
            ratio: read.median_ratio(),
            goal: Goal::AtMost(1.05),
        },
        Row {
            workload: "3. RLS tax: ride insert, RLS ÷ no RLS".into(),
            measured: per(write.median_a()),
            reference: per(write.median_b()),
            ratio: write.median_ratio(),
            goal: Goal::AtMost(1.05),
        },
    ])
}

/// Workload 9: one query through the pool against the same query on one
/// dedicated connection.
pub async fn pool(env: &BenchEnv, size: Size) -> Result<Vec<Row>, String> {
    let config = DatabaseConfig::new(env.setup.app_url.clone());
    let store = Store::connect(&config).map_err(|e| e.to_string())?;
    let mut dedicated = DedicatedConnection::connect(&config)
        .await
        .map_err(|e| e.to_string())?;
    const PER_SAMPLE: u32 = 1000;
    let store = &store;
    let dedicated = std::cell::RefCell::new(&mut dedicated);
    let dedicated = &dedicated;
    eprintln!("  pooled vs dedicated query, {} pairs", size.pairs);
    #[allow(clippy::await_holding_refcell_ref)] // one task, strictly sequential
    let pairs = interleave(
        size.pairs,
        move || async move {
            for _ in 0..PER_SAMPLE {
                store.ping().await.map_err(|e| e.to_string())?;
            }
            Ok(())
        },
        move || async move {
            let mut conn = dedicated.borrow_mut();
            for _ in 0..PER_SAMPLE {
                conn.ping().await.map_err(|e| e.to_string())?;
            }
            Ok(())
        },
    )
    .await?;
    Ok(vec![Row {
        workload: "9. pool overhead: pooled ÷ dedicated connection (SELECT 1)".into(),
        measured: us(pairs.median_a() / PER_SAMPLE),
        reference: us(pairs.median_b() / PER_SAMPLE),
        ratio: pairs.median_ratio(),
        goal: Goal::AtMost(1.2),
    }])
}

/// Presidio's throughput on the same kind of text, measured with
/// `scripts/presidio_compare.py` and recorded in docs/benchmarks.md (it is
/// a Python service and does not run inside this harness).
const PRESIDIO_CHARS_PER_SEC: f64 = 27_600.0;

/// Workload 8: PII redaction and analysis throughput per core, beside the
/// recorded Presidio figure.
pub fn text(size: Size) -> Result<Vec<Row>, String> {
    use kataloop_anonymization::evaluation::{dev_policy, load_corpus};
    let corpus = load_corpus(include_str!(
        "../../../crates/anonymization/corpus/dev.jsonl"
    ))
    .map_err(|e| e.to_string())?;
    let messages = kataloop_anonymization::evaluation::messages(&corpus, 500);
    let bytes: usize = messages.iter().map(String::len).sum();
    let chars: usize = messages.iter().map(|m| m.chars().count()).sum();
    let policy = dev_policy();
    let analyzer = kataloop_analysis::Analyzer::shipped();
    let rounds = if size.quick { 3 } else { 10 };
    let time = |f: &dyn Fn()| {
        f();
        let mut best = Duration::MAX;
        for _ in 0..rounds {
            let t = Instant::now();
            f();
            best = best.min(t.elapsed());
        }
        best
    };
    eprintln!("  redaction and analysis over {} messages", messages.len());
    let redact = time(&|| {
        for m in &messages {
            std::hint::black_box(kataloop_anonymization::redact(m, &policy));
        }
    });
    let analyze = time(&|| {
        for m in &messages {
            std::hint::black_box(analyzer.analyze(m));
        }
    });
    let mib = |d: Duration| bytes as f64 / d.as_secs_f64() / (1024.0 * 1024.0);
    let chars_per_sec = chars as f64 / redact.as_secs_f64();
    Ok(vec![
        Row {
            workload: "8. PII redaction per core (≈500-byte messages)".into(),
            measured: format!("{:.1} MiB/s", mib(redact)),
            reference: format!("Presidio {PRESIDIO_CHARS_PER_SEC:.0} chars/s (recorded)"),
            ratio: chars_per_sec / PRESIDIO_CHARS_PER_SEC,
            goal: Goal::AtLeast(100.0),
        },
        Row {
            workload: "8. analysis (theme, sentiment, keyphrases, summary) per core".into(),
            measured: format!("{:.1} MiB/s", mib(analyze)),
            reference: "redaction, same run".into(),
            ratio: redact.as_secs_f64() / analyze.as_secs_f64(),
            goal: Goal::Informational,
        },
    ])
}
