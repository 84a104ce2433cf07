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
