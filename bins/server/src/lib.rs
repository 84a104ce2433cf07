//! `kataloop-server`: what employees and managers touch.
//!
//! Thin by design: each handler parses the request, authenticates it, calls
//! one use case of `kataloop-service` and renders JSON. TLS 1.3 only
//! (rustls); plain HTTP only behind `--behind-tls-proxy`. Every response
//! carries the security headers of guarantee 24; logs and metrics carry no
//! client address, token, HR id or feedback text (guarantee 23).
#![forbid(unsafe_code)]

pub mod api;
pub mod auth;
pub mod config;
pub mod dev;
pub mod error;
pub mod hygiene;
pub mod openapi;
pub mod pages;
pub mod serve;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use kataloop_service::submission::Pipeline;
use kataloop_store::{ManagerStore, Store};

pub use error::ApiError;

/// Largest request body accepted (a full ride is at most 8 × 4,000
/// characters, well below this).
pub const BODY_LIMIT: usize = 256 * 1024;
/// Longest time a request may take before the server answers 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything a request needs, shared by all of them.
#[derive(Clone)]
pub struct AppState {
    /// The runtime role's pool of the default region (bound by row-level
    /// security).
    pub app: Store,
    /// The managers' read-only pool of the default region.
    pub managers: ManagerStore,
    /// The other data regions' pools (runtime, managers).
    pub regions: Arc<Vec<(Store, ManagerStore)>>,
    /// Which region holds a tenant (index into `regions`, `None` for the
    /// default), learned on first use.
    located:
        Arc<std::sync::Mutex<std::collections::HashMap<kataloop_tenancy::TenantId, Option<usize>>>>,
    pub pipeline: Arc<Pipeline>,
    pub metrics: Arc<hygiene::Metrics>,
    pub limiter: Arc<hygiene::RateLimiter>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    /// A state with default metrics and the given per-credential rate
    /// limit.
    pub fn new(
        app: Store,
        managers: ManagerStore,
        pipeline: Arc<Pipeline>,
        limit: hygiene::RateLimit,
    ) -> Self {
        AppState {
            app,
            managers,
            regions: Arc::new(Vec::new()),
            located: Arc::default(),
            pipeline,
            metrics: Arc::new(hygiene::Metrics::default()),
            limiter: Arc::new(hygiene::RateLimiter::new(limit)),
        }
    }
}

impl AppState {
    /// Adds the pools of the other data regions.
    pub fn with_regions(mut self, regions: Vec<(Store, ManagerStore)>) -> Self {
        self.regions = Arc::new(regions);
        self
    }

    /// The runtime and managers' pools of the region that holds `tenant`.
    /// A tenant found in no region gets the default region's pools, where
    /// it is simply absent (the same answers as for any unknown id).
    pub async fn stores_for(&self, tenant: kataloop_tenancy::TenantId) -> (Store, ManagerStore) {
        let pick = |i: Option<usize>| match i.and_then(|i| self.regions.get(i)) {
            Some((app, managers)) => (app.clone(), managers.clone()),
            None => (self.app.clone(), self.managers.clone()),
        };
        if self.regions.is_empty() {
            return pick(None);
        }
        if let Some(i) = self
            .located
            .lock()
            .ok()
            .and_then(|m| m.get(&tenant).copied())
        {
            return pick(i);
        }
        let holds = |store: Store| async move {
            store
                .tenant(tenant)
                .transaction(|tx| Box::pin(async move { kataloop_store::tenants::get(tx).await }))
                .await
                .is_ok()
        };
        let mut found = None;
        if !holds(self.app.clone()).await {
            for (i, (app, _)) in self.regions.iter().enumerate() {
                if holds(app.clone()).await {
                    found = Some(i);
                    break;
                }
            }
            if found.is_none() {
                // Unknown everywhere: not cached, so a tenant created later
                // is found.
                return pick(None);
            }
        }
        if let Ok(mut m) = self.located.lock() {
            m.insert(tenant, found);
        }
        pick(found)
    }
}

/// The API routes, as `(method, path)`: the OpenAPI document must list
/// exactly these (a test checks it). Pages: [`pages::PAGE_ROUTES`].
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("get", "/api/v1/openapi.json"),
    ("post", "/api/v1/guide"),
    ("post", "/api/v1/rides"),
    ("get", "/api/v1/themes"),
    ("post", "/api/v1/themes/{id}/responses"),
    ("get", "/api/v1/receipts/{receipt}"),
];

/// The whole application: routes, body limit, timeout, metrics, logs and
/// security headers.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/metrics", get(api::metrics))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/guide", post(api::guide))
        .route("/api/v1/rides", post(api::submit_ride))
        .route("/api/v1/themes", get(api::themes))
        .route("/api/v1/themes/{id}/responses", post(api::respond))
        .route("/api/v1/receipts/{receipt}", get(api::receipt))
        .route("/", get(pages::index))
        .route("/employee", get(pages::employee))
        .route("/receipt", get(pages::receipt))
        .route("/manager", get(pages::manager))
        .route("/static/kataloop.css", get(pages::css))
        .route("/static/common.js", get(pages::common_js))
        .route("/static/employee.js", get(pages::employee_js))
        .route("/static/receipt.js", get(pages::receipt_js))
        .route("/static/manager.js", get(pages::manager_js))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            hygiene::observe,
        ))
        .layer(axum::middleware::from_fn(hygiene::timeout))
        .layer(axum::middleware::from_fn(hygiene::security_headers))
        .with_state(state)
}
