//! What credentials need from the store and the keys, for both binaries.
//!
//! Kataloop's own tokens (employee invites, manager tokens; see the
//! `kataloop-credentials` crate) are signed and sealed with keys derived
//! from a per-tenant *credential root*, itself derived from the tenant's
//! pepper with HMAC-SHA-256 under a label of its own. Nothing new is
//! stored; every server instance and the admin binary derive the same
//! keys; crypto-shredding a tenant also voids its tokens.
//!
//! The admin binary issues tokens with:
//!
//! ```text
//! let keyring = kataloop_service::keys::load_keyring(&owner, tenant, kek).await?;
//! let root = kataloop_service::credentials::credential_root(&keyring);
//! let keys = kataloop_credentials::TokenKeys::from_root(tenant, &root)?;
//! let invite = keys.issue_invite(&NewInvite { tenant, team, hr_id, expires_at }, now)?;
//! let manager = keys.issue_manager(&NewManagerToken { tenant, team, expires_at }, now)?;
//! // revoke: kataloop_service::credentials::revoke_manager_token(&owner, tenant, manager.id.as_uuid(), day)
//! ```

use chrono::NaiveDate;
use kataloop_crypto::TenantKeyring;
use kataloop_store::credentials::{self as repo, OidcSettingsRow};
use kataloop_store::Store;
use kataloop_tenancy::TenantId;
use uuid::Uuid;

use crate::error::ServiceError;
use crate::submission::Pipeline;

/// Label of the credential root's derivation from the pepper.
pub const CREDENTIAL_ROOT_LABEL: &[u8] = b"kataloop/credential-root/v1";

/// The tenant's credential root (32 bytes), derived from its pepper.
pub fn credential_root(keyring: &TenantKeyring) -> [u8; 32] {
    kataloop_crypto::hmac_sha256(keyring.pepper().expose_secret(), CREDENTIAL_ROOT_LABEL)
}

/// The tenant's credential root through the pipeline's keyring cache (the
/// server's path). Fails with [`ServiceError::NoKeys`] for a tenant without
/// keys, including one that does not exist.
pub async fn credential_root_cached(
    pipeline: &Pipeline,
    store: &Store,
    tenant: TenantId,
) -> Result<[u8; 32], ServiceError> {
    let keyring = pipeline.keyring(store, tenant).await?;
    Ok(credential_root(&keyring))
}

/// Whether the manager token `token_id` of `tenant` was revoked.
pub async fn is_manager_token_revoked(
    store: &Store,
    tenant: TenantId,
    token_id: Uuid,
) -> Result<bool, ServiceError> {
    Ok(store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { repo::is_revoked(tx, token_id).await }))
        .await?)
}

/// Revokes a manager token (operators' role). `expires_on` is the token's
/// own expiry day (the row can be pruned after it).
pub async fn revoke_manager_token(
    owner: &Store,
    tenant: TenantId,
    token_id: Uuid,
    expires_on: NaiveDate,
) -> Result<(), ServiceError> {
    Ok(owner
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { repo::revoke(tx, token_id, expires_on).await }))
        .await?)
}

/// The tenant's identity-provider settings, if configured.
pub async fn oidc_settings(
    store: &Store,
    tenant: TenantId,
) -> Result<Option<OidcSettingsRow>, ServiceError> {
    Ok(store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { repo::oidc_settings(tx).await }))
        .await?)
}

/// Stores the tenant's identity-provider settings (operators' role). The
/// caller validates them first (`kataloop_credentials::OidcProvider::new`).
pub async fn set_oidc_settings(
    owner: &Store,
    tenant: TenantId,
    settings: OidcSettingsRow,
) -> Result<(), ServiceError> {
    Ok(owner
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { repo::set_oidc_settings(tx, &settings).await }))
        .await?)
}
