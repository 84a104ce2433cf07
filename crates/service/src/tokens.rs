//! Operators' credential use cases (the admin binary): issuing invite and
//! manager tokens, revoking manager tokens, and configuring a tenant's
//! identity provider. The audit log records every issue and revocation by
//! token id, scope and expiry — never the token or an HR id.

use chrono::{Duration, NaiveDate, Utc};
use kataloop_credentials::{
    CredentialError, HrIdSecret, NewInvite, NewManagerToken, OidcProvider, OidcSettings, TokenKeys,
};
use kataloop_crypto::KeyEncryptionKey;
use kataloop_store::credentials::OidcSettingsRow;
use kataloop_store::{teams, tenants, Store, StoreError};
use kataloop_tenancy::{TeamId, TenantId};
use serde_json::json;

use crate::error::ServiceError;
use crate::operations::record;
use crate::{credentials, keys};

/// The longest validity of a manager token; a revocation is kept at least
/// this long, so a revoked token can never outlive its revocation.
pub const MAX_MANAGER_TTL_DAYS: i64 = 365;
/// The longest validity of an employee invite.
pub const MAX_INVITE_TTL_DAYS: i64 = 366;

/// A token as handed to its holder, with its id.
#[derive(Clone, PartialEq, Eq)]
pub struct Issued {
    pub token: String,
    pub token_id: String,
    pub expires_at: i64,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued")
            .field("token", &"[redacted]")
            .field("token_id", &self.token_id)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

fn invalid(e: CredentialError) -> ServiceError {
    ServiceError::Invalid(e.to_string())
}

async fn token_keys(
    owner: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
) -> Result<TokenKeys, ServiceError> {
    let keyring = keys::load_keyring(owner, tenant, kek).await?;
    let root = credentials::credential_root(&keyring);
    TokenKeys::from_root(tenant, &root).map_err(invalid)
}

/// The team must exist in the tenant (another tenant's team is not found).
async fn check_scope(
    owner: &Store,
    tenant: TenantId,
    team: Option<TeamId>,
) -> Result<(), ServiceError> {
    owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                tenants::get(tx).await?;
                if let Some(team) = team {
                    teams::get(tx, team).await?;
                }
                Ok::<_, StoreError>(())
            })
        })
        .await?;
    Ok(())
}

fn expiry(ttl: Duration, max_days: i64) -> Result<i64, ServiceError> {
    if ttl <= Duration::zero() || ttl > Duration::days(max_days) {
        return Err(ServiceError::Invalid(format!(
            "the validity must be between 1 second and {max_days} days"
        )));
    }
    Ok((Utc::now() + ttl).timestamp())
}

/// Issues an employee invite token (no HR id in clear inside it).
pub async fn issue_invite(
    owner: &Store,
    kek: &dyn KeyEncryptionKey,
    tenant: TenantId,
    hr_id: &str,
    team: Option<TeamId>,
    ttl: Duration,
    actor: &str,
) -> Result<Issued, ServiceError> {
    kataloop_pseudonymity::CanonicalHrId::new(hr_id)
        .map_err(|e| ServiceError::Invalid(e.to_string()))?;
    check_scope(owner, tenant, team).await?;
    let expires_at = expiry(ttl, MAX_INVITE_TTL_DAYS)?;
    let issued = token_keys(owner, tenant, kek)
        .await?
        .issue_invite(
            &NewInvite {
                tenant,
                team,
                hr_id: HrIdSecret::new(hr_id),
                expires_at,
            },
            Utc::now().timestamp(),
        )
        .map_err(invalid)?;
    record(
        owner,
        tenant,
        actor,
        "token.issue_invite",
        json!({
            "token_id": issued.id.as_uuid().to_string(),
            "team": team.map(|t| t.to_string()),
            "expires_at": expires_at,
        }),
    )
    .await?;
    Ok(Issued {
        token: issued.token.expose().to_owned(),
        token_id: issued.id.as_uuid().to_string(),
        expires_at,
    })
}

/// Issues a manager token for the whole tenant or one team.
pub async fn issue_manager(
    owner: &Store,
    kek: &dyn KeyEncryptionKey,
    tenant: TenantId,
    team: Option<TeamId>,
    ttl: Duration,
    actor: &str,
) -> Result<Issued, ServiceError> {
    check_scope(owner, tenant, team).await?;
    let expires_at = expiry(ttl, MAX_MANAGER_TTL_DAYS)?;
    let issued = token_keys(owner, tenant, kek)
        .await?
        .issue_manager(
            &NewManagerToken {
                tenant,
                team,
                expires_at,
            },
            Utc::now().timestamp(),
        )
        .map_err(invalid)?;
    record(
        owner,
        tenant,
        actor,
        "token.issue_manager",
        json!({
            "token_id": issued.id.as_uuid().to_string(),
            "team": team.map(|t| t.to_string()),
            "expires_at": expires_at,
        }),
    )
    .await?;
    Ok(Issued {
        token: issued.token.expose().to_owned(),
        token_id: issued.id.as_uuid().to_string(),
        expires_at,
    })
}

/// Revokes a manager token by id. The revocation is kept past the longest
/// possible validity of the token.
pub async fn revoke_manager(
    owner: &Store,
    tenant: TenantId,
    token_id: uuid::Uuid,
    actor: &str,
) -> Result<(), ServiceError> {
    check_scope(owner, tenant, None).await?;
    let keep_until: NaiveDate =
        (Utc::now() + Duration::days(MAX_MANAGER_TTL_DAYS + 1)).date_naive();
    credentials::revoke_manager_token(owner, tenant, token_id, keep_until).await?;
    record(
        owner,
        tenant,
        actor,
        "token.revoke",
        json!({"token_id": token_id.to_string()}),
    )
    .await
}

/// Validates and stores a tenant's identity-provider settings.
pub async fn set_oidc(
    owner: &Store,
    tenant: TenantId,
    settings: OidcSettings,
    jwks: String,
    actor: &str,
) -> Result<(), ServiceError> {
    check_scope(owner, tenant, None).await?;
    OidcProvider::new(settings.clone(), &jwks).map_err(invalid)?;
    let row = OidcSettingsRow {
        issuer: settings.issuer.clone(),
        audience: settings.audience.clone(),
        hr_id_claim: settings.hr_id_claim.clone(),
        leeway_secs: i32::try_from(settings.leeway_secs).unwrap_or(i32::MAX),
        jwks,
    };
    credentials::set_oidc_settings(owner, tenant, row).await?;
    record(
        owner,
        tenant,
        actor,
        "oidc.set",
        json!({
            "issuer": settings.issuer,
            "audience": settings.audience,
            "hr_id_claim": settings.hr_id_claim,
        }),
    )
    .await
}
