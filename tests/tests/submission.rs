//! The submission pipeline end to end against PostgreSQL: hashing, PII
//! stripping, analysis, sealing, storing and counting in one transaction;
//! then a release over the sealed rides and the managers' view.

use std::sync::Arc;

use chrono::NaiveDate;
use kataloop_analysis::Turn;
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_service::aggregation::{manager_view, release_tenant, ReleaseRequest, RideTexts};
use kataloop_service::keys::{conversation_context, create_tenant_keys};
use kataloop_service::submission::{
    receipt_hash, receipt_tenant, Pipeline, SealedConversation, SubmitError,
};
use kataloop_service::CatalogNarrator;
use kataloop_store::{participants, rides, teams};
use kataloop_tenancy::{DisplayName, TenantId};
use kataloop_testkit::TestDatabase;

mod common;

const FEEDBACK: [&str; 6] = [
    "Every purchase needs four approvals and my manager John Smith sits on them for weeks, mail him at john.smith@acme.com if you doubt it",
    "Approvals take forever, we wait days for a signature on trivial changes",
    "The approval chain for expenses is absurd, three sign-offs for a keyboard",
    "Nothing moves without approvals from people who never read the request",
    "Waiting on approvals again, the process kills every small improvement",
    "So many approvals and handoffs that simple requests take a month",
];

async fn setup() -> (
    TestDatabase,
    TenantId,
    kataloop_tenancy::TeamId,
    Arc<MasterKey>,
    Pipeline,
) {
    let db = TestDatabase::new().await;
    let tenant = common::create_tenant(&db, "pipeline.example").await;
    let kek = Arc::new(MasterKey::generate().unwrap());
    create_tenant_keys(&db.owner_store(), tenant, kek.as_ref())
        .await
        .unwrap();
    let team = db
        .owner_store()
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move { teams::create(tx, &DisplayName::new("Ops").unwrap()).await })
        })
        .await
        .unwrap()
        .id;
    let pipeline = Pipeline::with_test_cost(kek.clone(), HashingPool::new(2, 32).unwrap());
    (db, tenant, team, kek, pipeline)
}

#[tokio::test(flavor = "multi_thread")]
async fn submissions_are_stripped_sealed_counted_and_released() {
    let (db, tenant, team, _kek, pipeline) = setup().await;
    let app = db.app_store();
    let mut receipts = Vec::new();
    for (i, text) in FEEDBACK.iter().enumerate() {
        let conversation = vec![
            Turn::guide("What is getting in your way?"),
            Turn::employee(*text),
        ];
        let done = pipeline
            .submit(
                &app,
                tenant,
                &format!("  EMP-{i:04}@Pipeline.Example "),
                Some(team),
                &conversation,
            )
            .await
            .unwrap();
        assert_eq!(receipt_tenant(&done.receipt), Some(tenant));
        receipts.push(done);
    }
    // The same person again (other spelling of the same HR id): no new participant.
    pipeline
        .submit(
            &app,
            tenant,
            "emp-0000@pipeline.example",
            Some(team),
            &[Turn::employee("approvals, approvals")],
        )
        .await
        .unwrap();
    let people = app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { participants::list(tx).await }))
        .await
        .unwrap();
    assert_eq!(people.len(), FEEDBACK.len());

    // Stored sealed, PII-stripped, findable by receipt hash only.
    let keyring = pipeline.keyring(&app, tenant).await.unwrap();
    let first = receipts[0].clone();
    let hash = receipt_hash(&first.receipt);
    let row = app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { rides::by_receipt(tx, &hash).await }))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.id, first.ride);
    assert_eq!(row.session_alias, first.alias);
    assert!(!String::from_utf8_lossy(&row.conversation_ciphertext).contains("approvals"));
    let plain = keyring
        .open(
            &row.conversation_ciphertext,
            &conversation_context(tenant, row.id),
        )
        .unwrap();
    let conversation: SealedConversation = serde_json::from_slice(&plain).unwrap();
    let text = conversation.employee_text();
    assert!(
        !text.contains("John Smith") && !text.contains("john.smith@acme.com"),
        "{text}"
    );
    assert!(
        text.contains("[PERSON]") && text.contains("[EMAIL]"),
        "{text}"
    );

    // A release over the sealed rides.
    let request = ReleaseRequest {
        released_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        narrator: Arc::new(CatalogNarrator),
        term_key: Arc::new(pipeline.term_key(&app, tenant).await.unwrap()),
        texts: RideTexts::Sealed(keyring),
    };
    let outcome = release_tenant(&app, tenant, &request).await.unwrap();
    assert!(outcome.visible_cells >= 1, "{outcome:?}");
    let view = manager_view(&db.manager_store(), tenant, None)
        .await
        .unwrap()
        .unwrap();
    let shown = serde_json::to_string(&view).unwrap();
    assert!(
        view.themes.iter().any(|t| t.contributor_count >= 5),
        "{shown}"
    );
    for secret in ["John", "Smith", "acme.com", "EMP-0000", "emp-0000"] {
        assert!(
            !shown.contains(secret),
            "{secret} reached a manager: {shown}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_submissions_store_nothing() {
    let (db, tenant, team, _kek, pipeline) = setup().await;
    let app = db.app_store();
    let too_long = vec![Turn::employee("x".repeat(4001))];
    assert!(matches!(
        pipeline
            .submit(&app, tenant, "emp-1", Some(team), &too_long)
            .await,
        Err(SubmitError::TurnTooLong { .. })
    ));
    assert!(matches!(
        pipeline
            .submit(&app, tenant, "\0", Some(team), &[Turn::employee("hello")])
            .await,
        Err(SubmitError::InvalidHrId)
    ));
    assert!(matches!(
        pipeline
            .submit(
                &app,
                tenant,
                "emp-1",
                Some(team),
                &[Turn::guide("Anything else?")]
            )
            .await,
        Err(SubmitError::Empty)
    ));
    let (people, rides) = app
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                Ok::<_, kataloop_store::StoreError>((
                    participants::list(tx).await?,
                    rides::list_ids(tx).await?,
                ))
            })
        })
        .await
        .unwrap();
    assert!(people.is_empty() && rides.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_without_keys_cannot_store_rides() {
    let db = TestDatabase::new().await;
    let tenant = common::create_tenant(&db, "nokeys.example").await;
    let pipeline = Pipeline::with_test_cost(
        Arc::new(MasterKey::generate().unwrap()),
        HashingPool::new(1, 4).unwrap(),
    );
    let err = pipeline
        .submit(
            &db.app_store(),
            tenant,
            "emp-1",
            None,
            &[Turn::employee("hello there")],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SubmitError::Service(kataloop_service::ServiceError::NoKeys)
        ),
        "{err:?}"
    );
}
