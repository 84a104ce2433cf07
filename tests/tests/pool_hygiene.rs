//! Guarantee 20: the tenant setting is transaction-local. After a tenant
//! transaction commits, rolls back, panics or is abandoned mid-way, the next
//! user of the same pooled connection starts with no tenant set, and sees no
//! tenant's rows.

use std::time::Duration;

use kataloop_store::{rides, Store, StoreError};
use kataloop_testkit::TestDatabase;

mod common;

async fn assert_clean(store: &Store, expect_same_backend: Option<i32>) -> i32 {
    let state = store.idle_connection_state().await.unwrap();
    assert_eq!(
        state.tenant_setting, None,
        "a tenant leaked to the next user of the connection"
    );
    assert_eq!(
        state.visible_tenants, 0,
        "rows visible outside a tenant transaction"
    );
    if let Some(expected) = expect_same_backend {
        assert_eq!(
            state.backend_pid, expected,
            "the pool should have reused the connection"
        );
    }
    state.backend_pid
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_20_commit_and_rollback_leave_no_tenant_on_the_connection() {
    let db = TestDatabase::new().await;
    let tenant = common::create_tenant(&db, "commit.example").await;
    let store = db.app_store_single_connection();
    let pid = assert_clean(&store, None).await;

    let seen = store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { rides::list_ids(tx).await }))
        .await
        .unwrap();
    assert!(seen.is_empty());
    assert_clean(&store, Some(pid)).await;

    #[derive(Debug)]
    struct Abort;
    impl From<StoreError> for Abort {
        fn from(_: StoreError) -> Self {
            Abort
        }
    }
    let outcome: Result<(), Abort> = store
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                rides::list_ids(tx).await?;
                Err(Abort)
            })
        })
        .await;
    assert!(outcome.is_err());
    assert_clean(&store, Some(pid)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_20_a_panic_inside_the_transaction_leaves_no_tenant() {
    let db = TestDatabase::new().await;
    let tenant = common::create_tenant(&db, "panic.example").await;
    let store = db.app_store_single_connection();
    let s = store.clone();
    let joined = tokio::spawn(async move {
        s.tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    rides::list_ids(tx).await?;
                    panic!("boom inside a tenant transaction");
                    #[allow(unreachable_code)]
                    Ok::<(), StoreError>(())
                })
            })
            .await
    })
    .await;
    assert!(joined.is_err(), "the task should have panicked");
    assert_clean(&store, None).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_20_a_dropped_future_mid_transaction_leaves_no_tenant() {
    let db = TestDatabase::new().await;
    let tenant = common::create_tenant(&db, "dropped.example").await;
    let store = db.app_store_single_connection();
    let s = store.clone();
    let work = s.tenant(tenant).transaction(|tx| {
        Box::pin(async move {
            rides::list_ids(tx).await?;
            // Never finishes: the caller gives up first.
            tokio::time::sleep(Duration::from_secs(3600)).await;
            Ok::<(), StoreError>(())
        })
    });
    let timed_out = tokio::time::timeout(Duration::from_millis(300), work).await;
    assert!(
        timed_out.is_err(),
        "the transaction should still have been open"
    );
    assert_clean(&store, None).await;
}

/// Guarantee 20 through PgBouncer in transaction pooling mode: forty
/// concurrent tenant transactions of three tenants share two server
/// connections (checked: at most two backend pids), and each sees exactly
/// its own tenant's rides; between
/// transactions no tenant is set and no row is visible. The store runs with
/// `statement_cache=off`, as a pooler without prepared-statement support
/// needs (without it, statements prepared on one server connection are
/// missing on the next and the transactions fail).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guarantee_20_through_pgbouncer_concurrent_tenants_never_mix() {
    use kataloop_store::participants;
    use kataloop_testkit::Pooler;

    let db = TestDatabase::new().await;
    let app = db.app_store();
    let mut expected = Vec::new();
    for (i, domain) in ["p1.example", "p2.example", "p3.example"]
        .iter()
        .enumerate()
    {
        let tenant = common::create_tenant(&db, domain).await;
        let ids = app
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    let mut ids = Vec::new();
                    for n in 0..(i + 1) {
                        let p = participants::find_or_create(tx, &format!("h-{n}"), None).await?;
                        let ride = common::ride(p);
                        rides::insert(tx, &ride).await?;
                        ids.push(ride.id);
                    }
                    ids.sort();
                    Ok::<_, StoreError>(ids)
                })
            })
            .await
            .unwrap();
        expected.push((tenant, ids));
    }

    let pooler = Pooler::start(db.cluster()).expect("pgbouncer");
    let store = db.app_store_through(&pooler, 8);
    let mut tasks = Vec::new();
    for k in 0..40 {
        let (store, (tenant, ids)) = (store.clone(), expected[k % 3].clone());
        tasks.push(tokio::spawn(async move {
            let seen = store
                .tenant(tenant)
                .transaction(|tx| {
                    Box::pin(async move {
                        let mut seen = rides::list_ids(tx).await?;
                        // Hold the server connection a moment, so that
                        // transactions overlap.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        seen.extend(rides::list_ids(tx).await?);
                        Ok::<_, StoreError>(seen)
                    })
                })
                .await
                .unwrap();
            let mut twice = ids.clone();
            twice.extend(ids);
            let mut seen = seen;
            seen.sort();
            twice.sort();
            assert_eq!(seen, twice, "a transaction saw another tenant's rides");
            let idle = store.idle_connection_state().await.unwrap();
            assert_eq!(idle.tenant_setting, None);
            assert_eq!(idle.visible_tenants, 0);
            idle.backend_pid
        }));
    }
    let mut backends = std::collections::BTreeSet::new();
    for t in tasks {
        backends.insert(t.await.unwrap());
    }
    // Eight client connections went through PgBouncer's two server
    // connections: the test really ran through the pooler.
    assert!(backends.len() <= 2, "{} server connections", backends.len());
}
