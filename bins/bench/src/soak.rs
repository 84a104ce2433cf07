//! Load and soak: minutes of mixed traffic against the server with its
//! production rate limits. Pass: no answer but 2xx and 429; resident memory
//! grows less than 10 % from minute 2 to the end; no file-descriptor or
//! database-connection leak. Not part of `all` (it runs for minutes).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::env::{connect, BenchEnv};
use crate::http::{client_config, Conn};
use kataloop_credentials::NewManagerToken;

use crate::load::{conversation, dashboard_tenants, invites, token_keys};
use crate::measure::{Goal, Row};
use crate::server::Server;

/// One sample of the server's resources.
#[derive(Debug, Clone, Copy)]
struct Sample {
    at: Duration,
    rss_mib: f64,
    fds: usize,
    db_connections: i64,
}

pub async fn soak(env: &BenchEnv, minutes: f64) -> Result<(Vec<Row>, String), String> {
    // Production limits: 60 requests a minute per credential, bursts of 20.
    let server = Server::start_with_limits(env, 60, 20).await?;
    eprintln!("  preparing 20 tenants with releases ...");
    let tenants = dashboard_tenants(env, "soak", 20, 200).await?;
    // Five managers per tenant, so that the cold credentials stay under
    // 60 a minute; the first tenant's single credential is the hot one.
    let mut readers: Vec<String> = vec![tenants[0].1.clone()];
    for (tenant, _) in &tenants[1..] {
        let keys = token_keys(env, *tenant).await?;
        for _ in 0..5 {
            readers.push(
                keys.issue_manager(
                    &NewManagerToken {
                        tenant: *tenant,
                        team: None,
                        expires_at: chrono::Utc::now().timestamp() + 86_400,
                    },
                    chrono::Utc::now().timestamp(),
                )
                .map_err(|e| e.to_string())?
                .token
                .expose()
                .to_owned(),
            );
        }
    }
    let tenants = Arc::new(readers);
    let total = Duration::from_secs_f64(minutes * 60.0);
    let stop = Arc::new(AtomicBool::new(false));
    let statuses: Arc<Mutex<BTreeMap<u16, u64>>> = Arc::default();
    let tls = client_config(&server.cert)?;
    let invites = Arc::new(
        invites(
            env,
            &format!("soak-{}", chrono::Utc::now().timestamp()),
            20_000,
        )
        .await?,
    );
    let next_invite = Arc::new(std::sync::atomic::AtomicUsize::new(0));

    let mut workers = Vec::new();
    for w in 0..8usize {
        let (stop, statuses, tls, addr, tenants, invites, next_invite) = (
            stop.clone(),
            statuses.clone(),
            tls.clone(),
            server.addr.clone(),
            tenants.clone(),
            invites.clone(),
            next_invite.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut conn = Conn::open(&addr, &tls).await?;
            let mut i = w;
            while !stop.load(Ordering::Relaxed) {
                i += 8;
                // 1 in 4 requests submits (a fresh employee each time);
                // the rest read dashboards, some credentials far above the
                // rate limit so that 429 is exercised.
                let (status, _, _) = if i % 4 == 0 {
                    let n = next_invite.fetch_add(1, Ordering::Relaxed);
                    let Some(invite) = invites.get(n) else { break };
                    conn.call("POST", "/api/v1/rides", invite, Some(conversation(n)))
                        .await?
                } else {
                    let token = &tenants[if i % 7 == 0 {
                        0
                    } else {
                        1 + i % (tenants.len() - 1)
                    }];
                    conn.call("GET", "/api/v1/themes", token, None).await?
                };
                *statuses
                    .lock()
                    .map_err(|e| e.to_string())?
                    .entry(status)
                    .or_default() += 1;
                tokio::time::sleep(Duration::from_millis(60)).await;
            }
            Ok::<_, String>(())
        }));
    }

    let admin = connect(&env.admin_url).await?;
    let start = Instant::now();
    let mut samples = Vec::new();
    while start.elapsed() < total {
        tokio::time::sleep(Duration::from_secs(10).min(total.saturating_sub(start.elapsed())))
            .await;
        let db_connections: i64 = admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE usename IN ($1, $2)",
                &[
                    &kataloop_server::dev::APP_LOGIN,
                    &kataloop_server::dev::MANAGER_LOGIN,
                ],
            )
            .await
            .map_err(|e| e.to_string())?
            .get(0);
        let s = Sample {
            at: start.elapsed(),
            rss_mib: server.rss_mib().unwrap_or(f64::NAN),
            fds: server.open_fds().unwrap_or(0),
            db_connections,
        };
        eprintln!(
            "  {:>5.0} s  rss {:.1} MiB  fds {}  db connections {}",
            s.at.as_secs_f64(),
            s.rss_mib,
            s.fds,
            s.db_connections
        );
        samples.push(s);
    }
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        w.await.map_err(|e| e.to_string())??;
    }
    let statuses = statuses.lock().map_err(|e| e.to_string())?.clone();
    server.stop();

    // From minute 2 (or a fifth of a short run) to the end.
    let warm = Duration::from_secs_f64((minutes * 60.0 / 5.0).min(120.0));
    let after: Vec<&Sample> = samples.iter().filter(|s| s.at >= warm).collect();
    let (first, last) = match (after.first(), after.last()) {
        (Some(f), Some(l)) => (**f, **l),
        _ => return Err("the soak was too short to sample".into()),
    };
    let unexpected: u64 = statuses
        .iter()
        .filter(|(s, _)| !matches!(**s, 200 | 201 | 429))
        .map(|(_, n)| n)
        .sum();
    let total_requests: u64 = statuses.values().sum();
    let timeline = samples
        .iter()
        .map(|s| {
            format!(
                "| {:.0} s | {:.1} MiB | {} | {} |",
                s.at.as_secs_f64(),
                s.rss_mib,
                s.fds,
                s.db_connections
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let report = format!(
        "answers: {statuses:?} ({total_requests} requests)\n\n| time | RSS | fds | db connections |\n|---|---|---|---|\n{timeline}\n"
    );
    let max_fds = after.iter().map(|s| s.fds).max().unwrap_or(0);
    let max_conns = after.iter().map(|s| s.db_connections).max().unwrap_or(0);
    Ok((
        vec![
            Row {
                workload: format!(
                    "soak {minutes} min: answers other than 2xx/429 of {total_requests}"
                ),
                measured: unexpected.to_string(),
                reference: "0".into(),
                ratio: unexpected as f64,
                goal: Goal::AtMost(0.0),
            },
            Row {
                workload: format!("soak: RSS at the end ÷ at {:.0} s", first.at.as_secs_f64()),
                measured: format!("{:.1} MiB", last.rss_mib),
                reference: format!("{:.1} MiB", first.rss_mib),
                ratio: last.rss_mib / first.rss_mib,
                goal: Goal::AtMost(1.1),
            },
            Row {
                workload: "soak: open fds at the end ÷ peak after warm-up".into(),
                measured: last.fds.to_string(),
                reference: max_fds.to_string(),
                ratio: last.fds as f64 / max_fds.max(1) as f64,
                goal: Goal::AtMost(1.0),
            },
            Row {
                workload: "soak: database connections (peak ÷ both pools' limit, 32)".into(),
                measured: max_conns.to_string(),
                reference: "32".into(),
                ratio: max_conns as f64 / 32.0,
                goal: Goal::AtMost(1.0),
            },
        ],
        report,
    ))
}
