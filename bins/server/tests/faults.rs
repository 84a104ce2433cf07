//! Fault injection: PostgreSQL stops and starts again while employees
//! submit and managers read. Every ride acknowledged with 201 is stored
//! exactly once and whole (its contribution is there too); `/readyz` turns
//! false during the outage and true after it; and the same server process
//! serves again without a restart. The test runs its own throwaway cluster
//! (it never stops the shared one) and stops it at the end. The outage is a
//! clean stop and start (`pg_ctl -m fast`), not a crash: the throwaway
//! cluster runs with `fsync=off`, which a crash test could not use.

mod common;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use kataloop_pseudonymity::HashingPool;
use kataloop_server::hygiene::RateLimit;
use kataloop_service::submission::{receipt_hash, Pipeline};
use kataloop_testkit::{Cluster, TestDatabase};

use common::*;

const LIMIT: RateLimit = RateLimit {
    per_minute: 1_000_000,
    burst: 100_000,
};

async fn ready(w: &World) -> StatusCode {
    call(&w.app, Method::GET, "/readyz", None, &[], None)
        .await
        .status
}

async fn wait_until(w: &World, want: StatusCode, within: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < within {
        if ready(w).await == want {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_outage_loses_no_acknowledged_ride_and_the_server_recovers() {
    let cluster: &'static Cluster = Box::leak(Box::new(
        Cluster::start_throwaway().expect("a throwaway cluster"),
    ));
    let db = TestDatabase::new_on(cluster).await;
    let w = Arc::new(
        world_in(db, LIMIT, |kek| {
            Pipeline::with_test_cost(kek, HashingPool::new(2, 64).unwrap())
        })
        .await,
    );
    assert_eq!(ready(&w).await, StatusCode::OK);

    // Employees submit and a manager reads, without pause, throughout.
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(AtomicUsize::new(0));
    let submitter = {
        let (w, stop, acked) = (w.clone(), stop.clone(), acked.clone());
        tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let mut refused = 0usize;
            let mut i = 0usize;
            while !stop.load(Ordering::Relaxed) {
                let token = w.a.invite(&format!("fault-{i}"), Some(w.a.team));
                let answer = call(
                    &w.app,
                    Method::POST,
                    "/api/v1/rides",
                    Some(&token),
                    &[],
                    Some(conversation("The deploy pipeline breaks every Friday")),
                )
                .await;
                match answer.status {
                    StatusCode::CREATED => {
                        acknowledged.push(
                            answer.json()["receipt"]
                                .as_str()
                                .expect("a receipt")
                                .to_owned(),
                        );
                        acked.fetch_add(1, Ordering::Relaxed);
                    }
                    s => {
                        assert!(s.is_server_error(), "unexpected answer {s}");
                        refused += 1;
                    }
                }
                i += 1;
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            (acknowledged, refused, i)
        })
    };
    let reader = {
        let (w, stop) = (w.clone(), stop.clone());
        tokio::spawn(async move {
            let manager = w.a.manager(None);
            let (mut ok, mut failed) = (0usize, 0usize);
            while !stop.load(Ordering::Relaxed) {
                let answer = call(
                    &w.app,
                    Method::GET,
                    "/api/v1/themes",
                    Some(&manager),
                    &[],
                    None,
                )
                .await;
                if answer.status == StatusCode::OK {
                    ok += 1;
                } else {
                    assert!(
                        answer.status.is_server_error(),
                        "unexpected {}",
                        answer.status
                    );
                    failed += 1;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            (ok, failed)
        })
    };

    tokio::time::sleep(Duration::from_millis(800)).await;
    tokio::task::spawn_blocking(|| cluster.pause())
        .await
        .unwrap()
        .expect("stop PostgreSQL");
    assert!(
        wait_until(&w, StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(10)).await,
        "/readyz stayed true with the database down"
    );
    tokio::time::sleep(Duration::from_millis(700)).await;
    tokio::task::spawn_blocking(|| cluster.resume())
        .await
        .unwrap()
        .expect("start PostgreSQL");
    assert!(
        wait_until(&w, StatusCode::OK, Duration::from_secs(30)).await,
        "/readyz did not recover"
    );
    // The same process serves again: rides are acknowledged after the outage.
    let at_recovery = acked.load(Ordering::Relaxed);
    let start = Instant::now();
    while acked.load(Ordering::Relaxed) < at_recovery + 5
        && start.elapsed() < Duration::from_secs(30)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        acked.load(Ordering::Relaxed) >= at_recovery + 5,
        "no ride acknowledged after the database came back"
    );
    stop.store(true, Ordering::Relaxed);
    let (acknowledged, refused, attempts) = submitter.await.unwrap();
    let (reads_ok, reads_failed) = reader.await.unwrap();
    assert!(refused > 0 && reads_failed > 0, "the outage was not felt");
    assert!(reads_ok > 0);

    // Every acknowledged ride, exactly once and whole.
    let admin = TestDatabase::raw_client(&w.db.superuser_url()).await;
    for receipt in &acknowledged {
        let n: i64 = admin
            .query_one(
                "SELECT count(*) FROM rides WHERE receipt_hash = $1",
                &[&receipt_hash(receipt)],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "an acknowledged ride is stored {n} times");
    }
    // Each attempt used a fresh employee: nobody may have two rides.
    let doubled: i64 = admin
        .query_one(
            "SELECT count(*) FROM (SELECT participant_pid FROM rides \
             GROUP BY participant_pid HAVING count(*) > 1) d",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(doubled, 0, "a submission was stored twice");
    let stored: i64 = admin
        .query_one("SELECT count(*) FROM rides", &[])
        .await
        .unwrap()
        .get(0);
    assert!(stored as usize >= acknowledged.len() && stored as usize <= attempts);
    // Nothing half-written: every ride counts in its theme's tenant cell.
    let orphans: i64 = admin
        .query_one(
            "SELECT count(*) FROM rides r WHERE NOT EXISTS (
               SELECT 1 FROM theme_contributions c JOIN themes t
                 ON t.tenant_id = c.tenant_id AND t.id = c.theme_id
               WHERE c.tenant_id = r.tenant_id AND c.participant_pid = r.participant_pid
                 AND t.team_id IS NULL)",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(orphans, 0, "rides stored without their contribution");
    eprintln!(
        "faults: {attempts} submissions, {} acknowledged, {refused} refused during the outage; \
         reads {reads_ok} ok, {reads_failed} refused",
        acknowledged.len()
    );
    drop(admin);
    // The world holds the test database, whose drop connects to the cluster:
    // before the cluster stops. (On a panic, the cluster's exit watchdog
    // stops it when this one-test binary exits.)
    drop(w);
    cluster.stop().expect("stop the throwaway cluster");
}
