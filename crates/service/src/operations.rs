//! Operators' use cases (the admin binary): tenants, teams, k, keys and
//! releases, each recorded in the audit log in the same transaction as the
//! change where possible.

use std::sync::Arc;

use chrono::NaiveDate;
use kataloop_crypto::{KeyEncryptionKey, TenantKeyring};
use kataloop_store::{teams, tenant_keys, tenants, Store, StoreError};
use kataloop_tenancy::{DisplayName, KAnonymity, TenantId};
use serde_json::json;

use crate::aggregation::{release_tenant, ReleaseOutcome, ReleaseRequest, RideTexts};
use crate::audit;
use crate::error::ServiceError;
use crate::keys;
use crate::narrator::CatalogNarrator;

pub use kataloop_store::teams::Team;
pub use kataloop_store::tenants::{NewTenant, Tenant};

/// Creates a tenant with its first keys, in one transaction (owner role).
pub async fn create_tenant(
    owner: &Store,
    kek: &dyn KeyEncryptionKey,
    new: NewTenant,
    actor: &str,
) -> Result<Tenant, ServiceError> {
    let id = TenantId::random();
    let keyring = TenantKeyring::generate(id)?;
    let wrapped = keyring.wrap_with(kek)?;
    keyring.shred();
    let rows = keys::stored_rows(&wrapped, &kek.key_id());
    let actor = actor.to_owned();
    Ok(owner
        .tenant(id)
        .transaction(|tx| {
            Box::pin(async move {
                let tenant = tenants::create(tx, &new).await?;
                tenant_keys::insert(tx, &rows).await?;
                audit::record(
                    tx,
                    &actor,
                    "tenant.create",
                    json!({"k": tenant.settings.k.get(), "region": tenant.settings.region.as_str()}),
                )
                .await?;
                Ok::<_, StoreError>(tenant)
            })
        })
        .await?)
}

/// Every tenant (owner role).
pub async fn list_tenants(owner: &Store) -> Result<Vec<Tenant>, ServiceError> {
    let mut out = Vec::new();
    for id in tenants::list_all(owner).await? {
        out.push(show_tenant(owner, id).await?);
    }
    Ok(out)
}

/// One tenant; an unknown id is [`StoreError::NotFound`].
pub async fn show_tenant(owner: &Store, id: TenantId) -> Result<Tenant, ServiceError> {
    Ok(owner
        .tenant(id)
        .transaction(|tx| Box::pin(async move { tenants::get(tx).await }))
        .await?)
}

/// Changes k under guarantee 8 (raising always; lowering only without rides).
pub async fn set_k(
    owner: &Store,
    id: TenantId,
    k: KAnonymity,
    actor: &str,
) -> Result<KAnonymity, ServiceError> {
    let actor = actor.to_owned();
    Ok(owner
        .tenant(id)
        .transaction(|tx| {
            Box::pin(async move {
                let before = tenants::get(tx).await?.settings.k;
                let after = tenants::set_k(tx, k).await?;
                audit::record(
                    tx,
                    &actor,
                    "tenant.set_k",
                    json!({"from": before.get(), "to": after.get()}),
                )
                .await?;
                Ok::<_, StoreError>(after)
            })
        })
        .await?)
}

/// Creates a team (owner role).
pub async fn create_team(
    owner: &Store,
    tenant: TenantId,
    name: DisplayName,
    actor: &str,
) -> Result<Team, ServiceError> {
    let actor = actor.to_owned();
    Ok(owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                tenants::get(tx).await?;
                let team = teams::create(tx, &name).await?;
                audit::record(
                    tx,
                    &actor,
                    "team.create",
                    json!({"team_id": team.id.to_string()}),
                )
                .await?;
                Ok::<_, StoreError>(team)
            })
        })
        .await?)
}

/// The tenant's teams.
pub async fn list_teams(owner: &Store, tenant: TenantId) -> Result<Vec<Team>, ServiceError> {
    Ok(owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                tenants::get(tx).await?;
                teams::list(tx).await
            })
        })
        .await?)
}

/// Crypto-shreds and deletes a tenant; recorded in the global chain (the
/// tenant's own chain goes with it).
pub async fn erase_tenant(
    owner: &Store,
    tenant: TenantId,
    actor: &str,
) -> Result<(), ServiceError> {
    show_tenant(owner, tenant).await?;
    keys::erase_tenant(owner, tenant).await?;
    audit::record_global(
        owner,
        actor,
        "tenant.erase",
        json!({"tenant_id": tenant.to_string()}),
    )
    .await?;
    Ok(())
}

/// Adds a data key version and records it.
pub async fn rotate_keys(
    owner: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
    actor: &str,
) -> Result<u32, ServiceError> {
    let version = keys::rotate_data_key(owner, tenant, kek).await?;
    record(
        owner,
        tenant,
        actor,
        "keys.rotate",
        json!({"version": version}),
    )
    .await?;
    Ok(version)
}

/// Retires data keys below `below` and records it.
pub async fn retire_keys(
    owner: &Store,
    tenant: TenantId,
    below: u32,
    actor: &str,
) -> Result<usize, ServiceError> {
    let retired = keys::retire_data_keys(owner, tenant, below).await?;
    record(
        owner,
        tenant,
        actor,
        "keys.retire",
        json!({"below": below, "retired": retired}),
    )
    .await?;
    Ok(retired)
}

/// Re-wraps the tenant's rides to the newest key version and records it.
pub async fn rewrap(
    owner: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
    batch: usize,
    progress: &mut (dyn FnMut(keys::RewrapReport) + Send),
    actor: &str,
) -> Result<keys::RewrapReport, ServiceError> {
    let report = keys::rewrap_rides(owner, tenant, kek, batch, None, progress).await?;
    record(
        owner,
        tenant,
        actor,
        "keys.rewrap",
        json!({"rewrapped": report.rewrapped, "remaining": report.remaining}),
    )
    .await?;
    Ok(report)
}

/// Runs a release now (an operator release) and records it.
pub async fn release_now(
    owner: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
    released_on: NaiveDate,
    actor: &str,
) -> Result<ReleaseOutcome, ServiceError> {
    let keyring = keys::load_keyring(owner, tenant, kek).await?;
    let term_key = keys::term_key(&keyring);
    let request = ReleaseRequest {
        released_on,
        narrator: Arc::new(CatalogNarrator),
        term_key: Arc::new(term_key),
        texts: RideTexts::Sealed(Arc::new(keyring)),
    };
    let outcome = release_tenant(owner, tenant, &request).await?;
    record(
        owner,
        tenant,
        actor,
        "themes.release",
        json!({"release_id": outcome.id.to_string(), "seq": outcome.seq, "visible_cells": outcome.visible_cells}),
    )
    .await?;
    Ok(outcome)
}

/// Sets the hour (UTC) of the tenant's daily release.
pub async fn set_release_hour(
    owner: &Store,
    tenant: TenantId,
    hour: u8,
    actor: &str,
) -> Result<(), ServiceError> {
    let actor = actor.to_owned();
    owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                tenants::set_release_hour(tx, hour).await?;
                audit::record(
                    tx,
                    &actor,
                    "tenant.set_release_hour",
                    json!({"hour_utc": hour}),
                )
                .await
            })
        })
        .await?;
    Ok(())
}

/// Whether the tenant's scheduled release is due at `now`: once per day,
/// at or after its release hour, unless a release already happened today.
pub async fn release_due(
    owner: &Store,
    tenant: TenantId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, ServiceError> {
    use chrono::Timelike;
    let (hour, latest) = owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                let hour = tenants::release_hour(tx).await?;
                let latest = kataloop_store::releases::latest(tx).await?;
                Ok::<_, StoreError>((hour, latest))
            })
        })
        .await?;
    let today = now.date_naive();
    let released_today = latest.is_some_and(|r| r.released_on >= today);
    Ok(!released_today && now.hour() >= u32::from(hour))
}

/// Runs every due scheduled release (the admin binary's `themes release
/// --due`, run by cron or a timer). Returns the releases made.
pub async fn release_all_due(
    owner: &Store,
    kek: &dyn KeyEncryptionKey,
    now: chrono::DateTime<chrono::Utc>,
    actor: &str,
) -> Result<Vec<(TenantId, ReleaseOutcome)>, ServiceError> {
    let mut done = Vec::new();
    for tenant in tenants::list_all(owner).await? {
        if release_due(owner, tenant, now).await? {
            let outcome = release_now(owner, tenant, kek, now.date_naive(), actor).await?;
            done.push((tenant, outcome));
        }
    }
    Ok(done)
}

/// Records that released data left through an operator's export or view
/// (release id, scope, format); the data itself is never logged.
pub async fn record_export(
    owner: &Store,
    tenant: TenantId,
    actor: &str,
    release: Option<kataloop_tenancy::ReleaseId>,
    team: Option<kataloop_tenancy::TeamId>,
    format: &str,
) -> Result<(), ServiceError> {
    record(
        owner,
        tenant,
        actor,
        "report.export",
        json!({
            "release_id": release.map(|r| r.to_string()),
            "scope": team.map_or("tenant".to_owned(), |t| t.to_string()),
            "format": format,
        }),
    )
    .await
}

/// Appends an event to the tenant's audit chain in its own transaction.
pub(crate) async fn record(
    owner: &Store,
    tenant: TenantId,
    actor: &str,
    action: &str,
    details: serde_json::Value,
) -> Result<(), ServiceError> {
    let actor = actor.to_owned();
    let action = action.to_owned();
    owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move { audit::record(tx, &actor, &action, details).await })
        })
        .await?;
    Ok(())
}
