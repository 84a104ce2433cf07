//! Set-up shared by the server suites: a fresh database, a tenant with
//! keys and a team, the application in-process, and token issuing exactly
//! as the admin binary does it.
#![allow(dead_code)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use chrono::NaiveDate;
use http_body_util::BodyExt;
use kataloop_credentials::{HrIdSecret, NewInvite, NewManagerToken, TokenKeys};
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_server::hygiene::RateLimit;
use kataloop_server::{router, AppState};
use kataloop_service::aggregation::{release_tenant, ReleaseRequest, RideTexts};
use kataloop_service::submission::Pipeline;
use kataloop_service::CatalogNarrator;
use kataloop_store::{teams, tenants};
use kataloop_tenancy::{DisplayName, Domain, TeamId, TenantId, TenantSettings};
use kataloop_testkit::TestDatabase;
use tower::ServiceExt;

pub const NOW_SLACK: i64 = 3600;

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

pub struct Tenant {
    pub id: TenantId,
    pub team: TeamId,
    pub keys: TokenKeys,
}

pub struct World {
    pub db: TestDatabase,
    pub kek: Arc<MasterKey>,
    pub pipeline: Arc<Pipeline>,
    pub state: AppState,
    pub app: Router,
    pub a: Tenant,
    pub b: Tenant,
}

pub async fn create_tenant(db: &TestDatabase, kek: &MasterKey, domain: &str) -> Tenant {
    let id = TenantId::random();
    let new = tenants::NewTenant {
        name: DisplayName::new(domain).unwrap(),
        domain: Domain::new(domain).unwrap(),
        settings: TenantSettings::default(),
    };
    let owner = db.owner_store();
    owner
        .tenant(id)
        .transaction(|tx| Box::pin(async move { tenants::create(tx, &new).await }))
        .await
        .unwrap();
    kataloop_service::keys::create_tenant_keys(&owner, id, kek)
        .await
        .unwrap();
    let team = owner
        .tenant(id)
        .transaction(|tx| {
            Box::pin(async move { teams::create(tx, &DisplayName::new("Ops").unwrap()).await })
        })
        .await
        .unwrap()
        .id;
    // What the admin binary does to issue tokens.
    let keyring = kataloop_service::keys::load_keyring(&owner, id, kek)
        .await
        .unwrap();
    let root = kataloop_service::credentials::credential_root(&keyring);
    let keys = TokenKeys::from_root(id, &root).unwrap();
    Tenant { id, team, keys }
}

pub async fn world_with(limit: RateLimit) -> World {
    world_with_pipeline(limit, |kek| {
        Pipeline::with_test_cost(kek, HashingPool::new(2, 32).unwrap())
    })
    .await
}

/// A world whose submission pipeline is built by `make` (for example with
/// a tiny hashing pool at the production bcrypt cost).
pub async fn world_with_pipeline(
    limit: RateLimit,
    make: impl FnOnce(Arc<MasterKey>) -> Pipeline,
) -> World {
    world_in(TestDatabase::new().await, limit, make).await
}

/// A world on a given database (for example on a cluster of the test's own).
pub async fn world_in(
    db: TestDatabase,
    limit: RateLimit,
    make: impl FnOnce(Arc<MasterKey>) -> Pipeline,
) -> World {
    let kek = Arc::new(MasterKey::generate().unwrap());
    let a = create_tenant(&db, &kek, "a.example").await;
    let b = create_tenant(&db, &kek, "b.example").await;
    let pipeline = Arc::new(make(kek.clone()));
    let state = AppState::new(db.app_store(), db.manager_store(), pipeline.clone(), limit);
    let app = router(state.clone());
    World {
        db,
        kek,
        pipeline,
        state,
        app,
        a,
        b,
    }
}

pub async fn world() -> World {
    world_with(RateLimit {
        per_minute: 60_000,
        burst: 10_000,
    })
    .await
}

impl Tenant {
    pub fn invite(&self, hr_id: &str, team: Option<TeamId>) -> String {
        self.keys
            .issue_invite(
                &NewInvite {
                    tenant: self.id,
                    team,
                    hr_id: HrIdSecret::new(hr_id),
                    expires_at: now() + NOW_SLACK,
                },
                now(),
            )
            .unwrap()
            .token
            .expose()
            .to_owned()
    }

    pub fn manager(&self, team: Option<TeamId>) -> String {
        self.manager_issued(team).token.expose().to_owned()
    }

    pub fn manager_issued(&self, team: Option<TeamId>) -> kataloop_credentials::IssuedToken {
        self.keys
            .issue_manager(
                &NewManagerToken {
                    tenant: self.id,
                    team,
                    expires_at: now() + NOW_SLACK,
                },
                now(),
            )
            .unwrap()
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }
}

pub async fn call(
    app: &Router,
    method: Method,
    uri: &str,
    token: Option<&str>,
    extra: &[(&str, &str)],
    body: Option<Vec<u8>>,
) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    for (k, v) in extra {
        request = request.header(*k, *v);
    }
    let request = match body {
        Some(b) => request
            .header("content-type", "application/json")
            .body(Body::from(b)),
        None => request.body(Body::empty()),
    }
    .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

pub fn conversation(text: &str) -> Vec<u8> {
    serde_json::json!({"conversation": [
        {"role": "guide", "text": "What has been on your mind about work lately?"},
        {"role": "employee", "text": text}
    ]})
    .to_string()
    .into_bytes()
}

pub const APPROVALS: [&str; 6] = [
    "Approvals take forever, we wait days for a signature on trivial changes",
    "The approval chain for expenses is absurd, three sign-offs for a keyboard",
    "Nothing moves without approvals from people who never read the request",
    "Waiting on approvals again, the process kills every small improvement",
    "So many approvals and handoffs that simple requests take a month",
    "Every purchase needs four approvals and the approvals sit for weeks",
];

/// Submits one ride per text through the API (distinct employees, the
/// tenant's team) and runs a release.
pub async fn submit_and_release(w: &World, tenant: &Tenant) -> Vec<String> {
    let mut receipts = Vec::new();
    for (i, text) in APPROVALS.iter().enumerate() {
        let token = tenant.invite(&format!("emp-{i}"), Some(tenant.team));
        let answer = call(
            &w.app,
            Method::POST,
            "/api/v1/rides",
            Some(&token),
            &[],
            Some(conversation(text)),
        )
        .await;
        assert_eq!(answer.status, StatusCode::CREATED, "{:?}", answer.json());
        receipts.push(answer.json()["receipt"].as_str().unwrap().to_owned());
    }
    let app = w.db.app_store();
    let keyring = w.pipeline.keyring(&app, tenant.id).await.unwrap();
    let request = ReleaseRequest {
        released_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        narrator: Arc::new(CatalogNarrator),
        term_key: Arc::new(w.pipeline.term_key(&app, tenant.id).await.unwrap()),
        texts: RideTexts::Sealed(keyring),
    };
    let outcome = release_tenant(&app, tenant.id, &request).await.unwrap();
    assert!(outcome.visible_cells >= 1, "{outcome:?}");
    receipts
}
