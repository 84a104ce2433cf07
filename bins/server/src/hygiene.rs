//! Cross-cutting hygiene: security headers on every response (guarantee
//! 24), request timeout, metrics and logs without addresses or personal
//! data (guarantee 23), and per-credential rate limits.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::AppState;

/// HSTS: two years, subdomains included.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";
/// No inline script or style, nothing from elsewhere, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the security headers to every response, errors included.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static(HSTS),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    response
}

/// Answers 408 `timeout` when a request takes longer than
/// [`crate::REQUEST_TIMEOUT`]. (A submission already committed stays
/// committed; the employee can look it up by nothing else, so the limit is
/// generous.)
pub async fn timeout(request: Request, next: Next) -> Response {
    match tokio::time::timeout(crate::REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the request took too long",
        )
        .into_response(),
    }
}

/// Counts and logs each request by its route *template* (never the URI,
/// which may hold a receipt), method and status. No address, no header.
pub async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let elapsed = started.elapsed();
    state.metrics.request(&route, &method, status, elapsed);
    tracing::info!(
        route = route.as_str(),
        method = method.as_str(),
        status,
        ms = elapsed.as_millis() as u64,
        "request"
    );
    response
}

/// Prometheus counters. Labels are route templates, methods and status
/// classes only.
/// (route template, method, status class) → (count, seconds).
type RequestCounts = HashMap<(String, String, &'static str), (u64, f64)>;

#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<RequestCounts>,
    rides_stored: AtomicU64,
    hashing_busy: AtomicU64,
    rate_limited: AtomicU64,
}

fn class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

fn known_route(route: &str) -> bool {
    route == "unmatched"
        || crate::ROUTES
            .iter()
            .chain(crate::pages::PAGE_ROUTES)
            .any(|(_, p)| *p == route)
}

impl Metrics {
    fn request(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        // Only the fixed set of templates and methods become labels.
        let route = if known_route(route) {
            route
        } else {
            "unmatched"
        };
        let method = match method {
            "GET" | "POST" | "HEAD" | "PUT" | "DELETE" | "PATCH" | "OPTIONS" => method,
            _ => "OTHER",
        };
        if let Ok(mut map) = self.requests.lock() {
            let entry = map
                .entry((route.to_owned(), method.to_owned(), class(status)))
                .or_insert((0, 0.0));
            entry.0 += 1;
            entry.1 += elapsed.as_secs_f64();
        }
    }
    /// A ride was committed.
    pub fn ride_stored(&self) {
        self.rides_stored.fetch_add(1, Ordering::Relaxed);
    }
    /// A submission was refused because the hashing pool was full.
    pub fn hashing_busy(&self) {
        self.hashing_busy.fetch_add(1, Ordering::Relaxed);
    }
    /// A request was refused by the rate limiter.
    pub fn rate_limited(&self) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP kataloop_http_requests_total HTTP requests by route template, method and status class.\n");
        out.push_str("# TYPE kataloop_http_requests_total counter\n");
        let mut rows: Vec<_> = self
            .requests
            .lock()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect())
            .unwrap_or_default();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        for ((route, method, status), (count, _)) in &rows {
            out.push_str(&format!(
                "kataloop_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {count}\n"
            ));
        }
        out.push_str("# HELP kataloop_http_request_seconds_sum Total time spent answering, by route template.\n");
        out.push_str("# TYPE kataloop_http_request_seconds_sum counter\n");
        for ((route, method, status), (_, secs)) in &rows {
            out.push_str(&format!(
                "kataloop_http_request_seconds_sum{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {secs:.6}\n"
            ));
        }
        for (name, help, value) in [
            (
                "kataloop_rides_stored_total",
                "Rides committed.",
                &self.rides_stored,
            ),
            (
                "kataloop_hashing_busy_total",
                "Submissions refused with 503 because the hashing pool was full.",
                &self.hashing_busy,
            ),
            (
                "kataloop_rate_limited_total",
                "Requests refused with 429.",
                &self.rate_limited,
            ),
        ] {
            out.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n",
                value.load(Ordering::Relaxed)
            ));
        }
        out
    }
}

/// A token bucket per credential: `burst` requests at once, refilled at
/// `per_minute`.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    pub per_minute: u32,
    pub burst: u32,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            per_minute: 60,
            burst: 20,
        }
    }
}

/// Buckets are keyed by the first 16 bytes of SHA-256 of the credential,
/// so the credential itself is not kept. At most [`MAX_BUCKETS`] buckets;
/// full ones are dropped first.
#[derive(Debug)]
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<[u8; 16], (f64, Instant)>>,
}

/// Bound on remembered credentials.
pub const MAX_BUCKETS: usize = 100_000;

impl RateLimiter {
    pub fn new(limit: RateLimit) -> Self {
        RateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// `Ok` if a request with this credential may proceed now, else the
    /// seconds to wait.
    pub fn check(&self, credential: &[u8]) -> Result<(), u64> {
        let digest = ring::digest::digest(&ring::digest::SHA256, credential);
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest.as_ref()[..16]);
        let burst = f64::from(self.limit.burst.max(1));
        let rate = f64::from(self.limit.per_minute.max(1)) / 60.0;
        let now = Instant::now();
        let Ok(mut map) = self.buckets.lock() else {
            return Ok(());
        };
        if map.len() >= MAX_BUCKETS && !map.contains_key(&key) {
            map.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = map.entry(key).or_insert((burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}
