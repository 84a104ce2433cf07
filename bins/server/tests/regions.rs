//! One server, two data regions (two databases): each tenant's rides land
//! only in its region's database, and the server serves both tenants.

mod common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_server::hygiene::RateLimit;
use kataloop_server::{router, AppState};
use kataloop_service::submission::Pipeline;
use kataloop_testkit::TestDatabase;

use common::*;

async fn rides_in(db: &TestDatabase, tenant: kataloop_tenancy::TenantId) -> i64 {
    let client = TestDatabase::raw_client(&db.superuser_url()).await;
    client
        .query_one(
            "SELECT count(*) FROM rides WHERE tenant_id = $1",
            &[tenant.as_uuid()],
        )
        .await
        .unwrap()
        .get(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn one_server_serves_two_regions_and_keeps_their_rows_apart() {
    let us = TestDatabase::new().await;
    let eu = TestDatabase::new().await;
    let kek = Arc::new(MasterKey::generate().unwrap());
    let a = create_tenant(&us, &kek, "a.example").await;
    let b = create_tenant(&eu, &kek, "b.example").await;
    let pipeline = Arc::new(Pipeline::with_test_cost(
        kek.clone(),
        HashingPool::new(2, 32).unwrap(),
    ));
    let state = AppState::new(
        us.app_store(),
        us.manager_store(),
        pipeline,
        RateLimit {
            per_minute: 60_000,
            burst: 10_000,
        },
    )
    .with_regions(vec![(eu.app_store(), eu.manager_store())]);
    let app = router(state);

    for (tenant, db) in [(&a, &us), (&b, &eu)] {
        for (i, text) in APPROVALS.iter().enumerate() {
            let invite = tenant.invite(&format!("emp-{i}"), Some(tenant.team));
            let answer = call(
                &app,
                Method::POST,
                "/api/v1/rides",
                Some(&invite),
                &[],
                Some(conversation(text)),
            )
            .await;
            assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
        }
        kataloop_service::operations::release_now(
            &db.owner_store(),
            tenant.id,
            kek.as_ref(),
            chrono::Utc::now().date_naive(),
            "test",
        )
        .await
        .unwrap();
        let view = call(
            &app,
            Method::GET,
            "/api/v1/themes",
            Some(&tenant.manager(None)),
            &[],
            None,
        )
        .await;
        assert_eq!(view.status, StatusCode::OK);
        assert!(
            view.json()["themes"][0]["contributor_count"]
                .as_u64()
                .unwrap()
                >= 5
        );
    }
    assert_eq!(rides_in(&us, a.id).await, 6);
    assert_eq!(
        rides_in(&eu, a.id).await,
        0,
        "A's rides leaked to the EU database"
    );
    assert_eq!(rides_in(&eu, b.id).await, 6);
    assert_eq!(
        rides_in(&us, b.id).await,
        0,
        "B's rides leaked to the US database"
    );

    // A tenant of no region answers like any unknown credential.
    let ghost = create_tenant(&TestDatabase::new().await, &kek, "ghost.example").await;
    let refused = call(
        &app,
        Method::GET,
        "/api/v1/themes",
        Some(&ghost.manager(None)),
        &[],
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
}
