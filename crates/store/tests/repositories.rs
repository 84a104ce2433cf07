//! The store's repositories against a real PostgreSQL: typed errors for bad
//! input, nothing half-written, and the runtime-role check.

use kataloop_store::{
    participants, rides, run_migrations, teams, tenants, DatabaseConfig, Store, StoreError,
};
use kataloop_tenancy::{
    DataRegion, DisplayName, Domain, KAnonymity, RideId, TenantId, TenantSettings,
};
use kataloop_testkit::TestDatabase;

fn new_tenant(domain: &str) -> tenants::NewTenant {
    tenants::NewTenant {
        name: DisplayName::new("Acme").unwrap(),
        domain: Domain::new(domain).unwrap(),
        settings: TenantSettings::default(),
    }
}

async fn create(
    store: &Store,
    id: TenantId,
    new: tenants::NewTenant,
) -> Result<tenants::Tenant, StoreError> {
    store
        .tenant(id)
        .transaction(|tx| Box::pin(async move { tenants::create(tx, &new).await }))
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenant_round_trips_with_its_settings() {
    let db = TestDatabase::new().await;
    let owner = db.owner_store();
    let id = TenantId::random();
    let mut new = new_tenant("acme.com");
    new.settings = TenantSettings {
        k: KAnonymity::new(7).unwrap(),
        region: DataRegion::new("eu-central-1").unwrap(),
    };
    let created = create(&owner, id, new).await.unwrap();
    assert_eq!(created.id, id);
    let read = db
        .app_store()
        .tenant(id)
        .transaction(|tx| Box::pin(async move { tenants::get(tx).await }))
        .await
        .unwrap();
    assert_eq!(read, created);
    assert_eq!(read.settings.k.get(), 7);
    assert_eq!(read.settings.region.as_str(), "eu-central-1");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_duplicate_domain_is_a_typed_error_and_writes_nothing() {
    let db = TestDatabase::new().await;
    let owner = db.owner_store();
    create(&owner, TenantId::random(), new_tenant("acme.com"))
        .await
        .unwrap();
    let second = TenantId::random();
    let err = create(&owner, second, new_tenant("ACME.com"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::AlreadyExists {
                what: "a tenant with that domain"
            }
        ),
        "{err:?}"
    );
    // The message names the conflict, not the value.
    assert!(!err.to_string().contains("acme.com"));
    let missing = owner
        .tenant(second)
        .transaction(|tx| Box::pin(async move { tenants::get(tx).await }))
        .await
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound { what: "tenant" }));
}

#[tokio::test(flavor = "multi_thread")]
async fn duplicate_team_names_are_refused_within_a_tenant_only() {
    let db = TestDatabase::new().await;
    let owner = db.owner_store();
    let a = TenantId::random();
    let b = TenantId::random();
    create(&owner, a, new_tenant("a.example")).await.unwrap();
    create(&owner, b, new_tenant("b.example")).await.unwrap();
    let name = DisplayName::new("Platform").unwrap();
    for tenant in [a, b] {
        let n = name.clone();
        owner
            .tenant(tenant)
            .transaction(|tx| Box::pin(async move { teams::create(tx, &n).await }))
            .await
            .unwrap();
    }
    let n = name.clone();
    let err = owner
        .tenant(a)
        .transaction(|tx| Box::pin(async move { teams::create(tx, &n).await }))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::AlreadyExists {
                what: "a team with that name"
            }
        ),
        "{err:?}"
    );
    let listed = owner
        .tenant(a)
        .transaction(|tx| Box::pin(async move { teams::list(tx).await }))
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_runtime_role_cannot_create_tenants_or_teams() {
    let db = TestDatabase::new().await;
    let err = create(&db.app_store(), TenantId::random(), new_tenant("x.example"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Refused("missing privilege")),
        "{err:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_8_k_is_raised_freely_and_lowered_only_without_rides() {
    let db = TestDatabase::new().await;
    let owner = db.owner_store();
    let id = TenantId::random();
    create(&owner, id, new_tenant("k.example")).await.unwrap();
    let set_k = |k: u64| {
        let owner = owner.clone();
        async move {
            owner
                .tenant(id)
                .transaction(|tx| {
                    Box::pin(async move { tenants::set_k(tx, KAnonymity::new(k).unwrap()).await })
                })
                .await
        }
    };
    assert_eq!(set_k(8).await.unwrap().get(), 8);
    assert_eq!(
        set_k(4).await.unwrap().get(),
        4,
        "no rides yet: lowering is allowed"
    );

    db.app_store()
        .tenant(id)
        .transaction(|tx| {
            Box::pin(async move {
                let p = participants::find_or_create(tx, "hash", None).await?;
                rides::insert(
                    tx,
                    &rides::NewRide {
                        id: RideId::random(),
                        participant: p,
                        session_alias: "Calm Otter".into(),
                        team: None,
                        conversation_ciphertext: vec![0; 8],
                        key_version: 1,
                        theme: None,
                        sentiment: None,
                        confidence: None,
                        anonymized_summary: None,
                        status: rides::RideStatus::Pending,
                        receipt_hash: None,
                    },
                )
                .await
            })
        })
        .await
        .unwrap();

    let err = set_k(3).await.unwrap_err();
    assert!(matches!(err, StoreError::Settings(_)), "{err:?}");
    assert_eq!(set_k(6).await.unwrap().get(), 6, "raising still works");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_hash_is_the_same_participant() {
    let db = TestDatabase::new().await;
    let id = TenantId::random();
    create(&db.owner_store(), id, new_tenant("p.example"))
        .await
        .unwrap();
    let (first, second, other) = db
        .app_store()
        .tenant(id)
        .transaction(|tx| {
            Box::pin(async move {
                let a = participants::find_or_create(tx, "hash-a", None).await?;
                let b = participants::find_or_create(tx, "hash-a", None).await?;
                let c = participants::find_or_create(tx, "hash-b", None).await?;
                Ok::<_, StoreError>((a, b, c))
            })
        })
        .await
        .unwrap();
    assert_eq!(first, second);
    assert_ne!(first, other);
}

#[tokio::test(flavor = "multi_thread")]
async fn out_of_range_values_are_refused_and_nothing_is_stored() {
    let db = TestDatabase::new().await;
    let id = TenantId::random();
    create(&db.owner_store(), id, new_tenant("r.example"))
        .await
        .unwrap();
    let app = db.app_store();
    let err = app
        .tenant(id)
        .transaction(|tx| {
            Box::pin(async move {
                let p = participants::find_or_create(tx, "hash", None).await?;
                rides::insert(
                    tx,
                    &rides::NewRide {
                        id: RideId::random(),
                        participant: p,
                        session_alias: "Calm Otter".into(),
                        team: None,
                        conversation_ciphertext: vec![],
                        key_version: 1,
                        theme: None,
                        sentiment: Some(3.0),
                        confidence: None,
                        anonymized_summary: None,
                        status: rides::RideStatus::Pending,
                        receipt_hash: None,
                    },
                )
                .await
            })
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Refused("a check constraint")),
        "{err:?}"
    );
    // The participant created earlier in the same transaction is gone too.
    let left = app
        .tenant(id)
        .transaction(|tx| Box::pin(async move { participants::list(tx).await }))
        .await
        .unwrap();
    assert!(left.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_server_role_check_accepts_only_rls_bound_roles() {
    let db = TestDatabase::new().await;
    let app = db.app_store().require_runtime_role().await.unwrap();
    assert_eq!(app.role, kataloop_testkit::APP_LOGIN);

    let owner = db.owner_store().require_runtime_role().await.unwrap_err();
    assert!(
        matches!(owner, StoreError::PrivilegedRole { .. }),
        "{owner:?}"
    );

    let superuser = Store::connect(&DatabaseConfig::new(db.superuser_url())).unwrap();
    let err = superuser.require_runtime_role().await.unwrap_err();
    assert!(matches!(err, StoreError::PrivilegedRole { .. }), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn migrations_are_idempotent() {
    let db = TestDatabase::new().await;
    let config = DatabaseConfig::new(db.superuser_url());
    assert!(kataloop_store::pending_migrations(&config)
        .await
        .unwrap()
        .is_empty());
    assert!(run_migrations(&config).await.unwrap().is_empty());
    let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(kataloop_store::known_migrations().len(), on_disk);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_database_is_a_typed_error() {
    // Port 1 on loopback: nothing listens there.
    let mut config = DatabaseConfig::new("postgres://nobody@127.0.0.1:1/none");
    config.acquire_timeout = std::time::Duration::from_secs(2);
    let store = Store::connect(&config).unwrap();
    let err = store.ping().await.unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_remote_database_without_trusted_tls_is_refused() {
    // sslmode=require against a local server: the certificate (if any) is not
    // trusted for this host name, so no connection is made in clear text or
    // with an unverified certificate.
    let db = TestDatabase::new().await;
    let url = format!("{}?sslmode=require", db.app_url());
    let mut config = DatabaseConfig::new(url);
    config.acquire_timeout = std::time::Duration::from_secs(5);
    let err = Store::connect(&config).unwrap().ping().await.unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)), "{err:?}");
}
