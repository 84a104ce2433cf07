//! Authentication: the credential decides the tenant, never the URL or the
//! body (guarantee 21).
//!
//! `Authorization: Bearer <credential>` where the credential is
//! - a Kataloop invite (`kl1.inv.…`, employees) or manager token
//!   (`kl1.mgr.…`), verified with the keys derived from the tenant's
//!   keyring; manager tokens are also checked against the revocation list;
//! - or an OpenID Connect ID token (employees), verified against the
//!   identity provider configured for the tenant named in the
//!   `Kataloop-Tenant` header. That header only picks which provider
//!   verifies: a token another tenant's provider signed fails like a forged
//!   one.
//!
//! Every credential is rate-limited by a hash of itself (never by address).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use kataloop_credentials::{
    peek_token, CredentialError, HrIdSecret, OidcProvider, OidcSettings, TokenKeys, TokenKind,
    TOKEN_PREFIX,
};
use kataloop_service::ServiceError;
use kataloop_tenancy::{TeamId, TenantId};

use crate::error::ApiError;
use crate::AppState;

/// The header naming the tenant whose identity provider verifies an ID
/// token.
pub const TENANT_HEADER: &str = "kataloop-tenant";

/// An authenticated employee.
#[derive(Debug)]
pub struct Employee {
    pub tenant: TenantId,
    pub team: Option<TeamId>,
    pub hr_id: HrIdSecret,
}

/// An authenticated manager.
#[derive(Debug, Clone, Copy)]
pub struct Manager {
    pub tenant: TenantId,
    /// `None`: the whole tenant.
    pub team: Option<TeamId>,
    /// The token's id (what the audit log records; never the token).
    pub token_id: uuid::Uuid,
}

/// The current time in Unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn bearer(headers: &HeaderMap) -> Result<&str, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(ApiError::unauthenticated)?
        .to_str()
        .map_err(|_| ApiError::invalid_credential())?;
    let token = value
        .strip_prefix("Bearer ")
        .ok_or_else(ApiError::unauthenticated)?
        .trim();
    if token.is_empty() {
        return Err(ApiError::unauthenticated());
    }
    Ok(token)
}

fn refused(e: CredentialError) -> ApiError {
    match e {
        CredentialError::Expired => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "credential_expired",
            "the credential has expired",
        ),
        _ => ApiError::invalid_credential(),
    }
}

fn service_failure(e: ServiceError) -> ApiError {
    match e {
        // A tenant without keys (unknown, or shredded) cannot have issued
        // the token: the same answer as a forgery.
        ServiceError::NoKeys => ApiError::invalid_credential(),
        other => ApiError::internal(&other),
    }
}

async fn token_keys(state: &AppState, tenant: TenantId) -> Result<TokenKeys, ApiError> {
    let (app, _) = state.stores_for(tenant).await;
    let root = kataloop_service::credentials::credential_root_cached(&state.pipeline, &app, tenant)
        .await
        .map_err(service_failure)?;
    TokenKeys::from_root(tenant, &root).map_err(|e| ApiError::internal(&e))
}

/// Rate limiting keyed by a hash of the credential.
pub fn limit(state: &AppState, credential: &str) -> Result<(), ApiError> {
    state.limiter.check(credential.as_bytes()).map_err(|wait| {
        state.metrics.rate_limited();
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "too many requests with this credential",
        )
        .retry_after(wait)
    })
}

async fn employee(state: &AppState, headers: &HeaderMap) -> Result<Employee, ApiError> {
    let token = bearer(headers)?;
    limit(state, token)?;
    let now = now();
    if token.starts_with(TOKEN_PREFIX) && token.as_bytes().get(TOKEN_PREFIX.len()) == Some(&b'.') {
        let (kind, tenant) = peek_token(token).map_err(refused)?;
        if kind != TokenKind::Invite {
            return Err(ApiError::invalid_credential());
        }
        let keys = token_keys(state, tenant).await?;
        let invite = keys.verify_invite(token, now).map_err(refused)?;
        return Ok(Employee {
            tenant: invite.tenant,
            team: invite.team,
            hr_id: invite.hr_id,
        });
    }
    let tenant: TenantId = headers
        .get(TENANT_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(ApiError::invalid_credential)?;
    let (app, _) = state.stores_for(tenant).await;
    let settings = kataloop_service::credentials::oidc_settings(&app, tenant)
        .await
        .map_err(service_failure)?
        .ok_or_else(ApiError::invalid_credential)?;
    let provider = OidcProvider::new(
        OidcSettings {
            issuer: settings.issuer,
            audience: settings.audience,
            hr_id_claim: settings.hr_id_claim,
            leeway_secs: u32::try_from(settings.leeway_secs).unwrap_or(0),
        },
        &settings.jwks,
    )
    .map_err(|e| {
        tracing::warn!(error = %e, "a tenant's identity provider is misconfigured");
        ApiError::invalid_credential()
    })?;
    let identity = provider.verify(token, now).map_err(refused)?;
    Ok(Employee {
        tenant,
        team: None,
        hr_id: identity.hr_id,
    })
}

async fn manager(state: &AppState, headers: &HeaderMap) -> Result<Manager, ApiError> {
    let token = bearer(headers)?;
    limit(state, token)?;
    let (kind, tenant) = peek_token(token).map_err(refused)?;
    if kind != TokenKind::Manager {
        return Err(ApiError::invalid_credential());
    }
    let keys = token_keys(state, tenant).await?;
    let grant = keys.verify_manager(token, now()).map_err(refused)?;
    let (app, _) = state.stores_for(tenant).await;
    let revoked =
        kataloop_service::credentials::is_manager_token_revoked(&app, tenant, *grant.id.as_uuid())
            .await
            .map_err(service_failure)?;
    if revoked {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "credential_revoked",
            "the credential has been revoked",
        ));
    }
    Ok(Manager {
        tenant: grant.tenant,
        team: grant.team,
        token_id: *grant.id.as_uuid(),
    })
}

impl FromRequestParts<AppState> for Employee {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        employee(state, &parts.headers).await
    }
}

impl FromRequestParts<AppState> for Manager {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        manager(state, &parts.headers).await
    }
}
