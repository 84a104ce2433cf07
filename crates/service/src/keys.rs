//! Tenant key material over the store: creation, loading, sealing with a
//! shared usage count, rotation, re-wrapping, retirement, crypto-shredding
//! and replacement of the key-encryption key.
//!
//! Crypto runs outside database transactions where it can: transactions
//! only move owned bytes.

use std::sync::Arc;

use kataloop_crypto::{
    CryptoError, KeyEncryptionKey, KeyPurpose, SealContext, TenantKeyring, WrappedTenantKey,
    WrappedTenantKeys,
};
use kataloop_store::{rides, tenant_keys, tenants, Store, StoreError, TenantTx};
use kataloop_tenancy::{RideId, TenantId};

use crate::error::ServiceError;

/// The column a ride's conversation is sealed for (part of its AAD).
pub const CONVERSATION_COLUMN: &str = "conversation_ciphertext";

/// Where a ride's conversation is sealed: bound to tenant, row and column.
pub fn conversation_context(tenant: TenantId, ride: RideId) -> SealContext {
    SealContext::new(tenant, *ride.as_uuid(), CONVERSATION_COLUMN)
}

/// The rows that store `keys` wrapped under the key `kek_id`.
pub fn stored_rows(keys: &WrappedTenantKeys, kek_id: &str) -> Vec<tenant_keys::StoredKey> {
    keys.keys
        .iter()
        .map(|k| tenant_keys::StoredKey {
            purpose: k.purpose.label().to_owned(),
            version: i32::try_from(k.version).unwrap_or(i32::MAX),
            wrapped: k.wrapped.clone(),
            kek_id: kek_id.to_owned(),
            seals_done: i64::try_from(k.seals_done).unwrap_or(i64::MAX),
        })
        .collect()
}

fn from_stored(
    tenant: TenantId,
    rows: &[tenant_keys::StoredKey],
) -> Result<WrappedTenantKeys, ServiceError> {
    let keys = rows
        .iter()
        .map(|r| {
            Ok(WrappedTenantKey {
                purpose: KeyPurpose::from_label(&r.purpose)
                    .ok_or_else(|| ServiceError::Inconsistent("unknown key purpose".into()))?,
                version: u32::try_from(r.version)
                    .map_err(|_| ServiceError::Inconsistent("negative key version".into()))?,
                wrapped: r.wrapped.clone(),
                seals_done: u64::try_from(r.seals_done).unwrap_or(0),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(WrappedTenantKeys { tenant, keys })
}

async fn stored_keys(
    store: &Store,
    tenant: TenantId,
) -> Result<Vec<tenant_keys::StoredKey>, ServiceError> {
    Ok(store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { tenant_keys::list(tx).await }))
        .await?)
}

/// The tenant's key for term ids: derived from its pepper, never the
/// pepper itself.
pub fn term_key(keyring: &TenantKeyring) -> kataloop_themes::TermKey {
    let derived =
        kataloop_crypto::hmac_sha256(keyring.pepper().expose_secret(), b"kataloop/term-ids/v1");
    kataloop_themes::TermKey::new(&derived)
}

/// Creates a tenant's first pepper and data key, wrapped under `kek`
/// (operators' role).
pub async fn create_tenant_keys(
    owner: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
) -> Result<(), ServiceError> {
    let keyring = TenantKeyring::generate(tenant)?;
    let rows = stored_rows(&keyring.wrap_with(kek)?, &kek.key_id());
    keyring.shred();
    owner
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { tenant_keys::insert(tx, &rows).await }))
        .await?;
    Ok(())
}

/// Loads and unwraps a tenant's keyring. Fails with
/// [`ServiceError::NoKeys`] when the tenant has none (never created, or
/// shredded).
pub async fn load_keyring(
    store: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
) -> Result<TenantKeyring, ServiceError> {
    let rows = stored_keys(store, tenant).await?;
    if rows.is_empty() {
        return Err(ServiceError::NoKeys);
    }
    let wrapped = from_stored(tenant, &rows)?;
    let keyring = TenantKeyring::unwrap_with(kek, &wrapped)?;
    for key in &wrapped.keys {
        if key.purpose == KeyPurpose::DataKey {
            keyring.restore_seals_done(key.version, key.seals_done)?;
        }
    }
    Ok(keyring)
}

/// Seals `plaintext` inside the caller's transaction, counting the seal in
/// the database first: past `limit` seals the key refuses and asks for
/// rotation (guarantee 15). Returns the blob and the key version.
pub async fn seal_counted(
    tx: &mut TenantTx<'_>,
    keyring: &TenantKeyring,
    plaintext: &[u8],
    ctx: &SealContext,
    limit: u64,
) -> Result<(Vec<u8>, i32), ServiceError> {
    let version = keyring.current_version();
    let db_version = i32::try_from(version).map_err(|_| CryptoError::VersionOverflow)?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    if !tenant_keys::reserve_seal(tx, db_version, limit).await? {
        return Err(CryptoError::KeyExhausted { version }.into());
    }
    Ok((keyring.seal(plaintext, ctx)?, db_version))
}

/// Adds a new data key version, used for every new seal from now on
/// (operators' role). Returns the new version.
pub async fn rotate_data_key(
    owner: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
) -> Result<u32, ServiceError> {
    let mut keyring = load_keyring(owner, tenant, kek).await?;
    let version = keyring.rotate()?;
    let wrapped = keyring.wrap_with(kek)?;
    keyring.shred();
    let new_rows: Vec<_> = stored_rows(&wrapped, &kek.key_id())
        .into_iter()
        .filter(|r| r.purpose == KeyPurpose::DataKey.label() && r.version == version as i32)
        .collect();
    owner
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { tenant_keys::insert(tx, &new_rows).await }))
        .await?;
    Ok(version)
}

/// Progress of a re-wrap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RewrapReport {
    /// Rides moved to the newest key version by this run.
    pub rewrapped: u64,
    /// Rides still under older versions (0 when done).
    pub remaining: u64,
}

/// Re-encrypts the tenant's rides to the newest key version in batches of
/// `batch` rides, one transaction per batch, calling `progress` after each.
/// Resumable: an interrupted run leaves the remaining rides under their old
/// version, and the next run continues with them. Stops after `max_batches`
/// batches if given (the admin binary uses it for bounded runs).
pub async fn rewrap_rides(
    store: &Store,
    tenant: TenantId,
    kek: &dyn KeyEncryptionKey,
    batch: usize,
    max_batches: Option<usize>,
    progress: &mut (dyn FnMut(RewrapReport) + Send),
) -> Result<RewrapReport, ServiceError> {
    let keyring = Arc::new(load_keyring(store, tenant, kek).await?);
    let newest =
        i32::try_from(keyring.current_version()).map_err(|_| CryptoError::VersionOverflow)?;
    let batch = i64::try_from(batch.max(1)).unwrap_or(1000);
    let mut report = RewrapReport::default();
    let mut batches = 0usize;
    loop {
        if max_batches.is_some_and(|m| batches >= m) {
            break;
        }
        let keyring = keyring.clone();
        let moved = store
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    let rows = rides::sealed_below(tx, newest, batch).await?;
                    let mut moved = 0u64;
                    for row in rows {
                        let ctx = conversation_context(tenant, row.id);
                        let blob = keyring.rewrap(&row.conversation_ciphertext, &ctx)?;
                        if !tenant_keys::reserve_seal(
                            tx,
                            newest,
                            i64::try_from(keyring.usage_limit()).unwrap_or(i64::MAX),
                        )
                        .await?
                        {
                            return Err(ServiceError::Crypto(CryptoError::KeyExhausted {
                                version: newest as u32,
                            }));
                        }
                        moved += rides::replace_sealed(tx, row.id, row.key_version, newest, &blob)
                            .await? as u64;
                    }
                    Ok::<_, ServiceError>(moved)
                })
            })
            .await?;
        batches += 1;
        report.rewrapped += moved;
        report.remaining = count_below(store, tenant, newest).await?;
        progress(report);
        if moved == 0 || report.remaining == 0 {
            break;
        }
    }
    report.remaining = count_below(store, tenant, newest).await?;
    Ok(report)
}

async fn count_below(store: &Store, tenant: TenantId, version: i32) -> Result<u64, ServiceError> {
    let n = store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { rides::count_sealed_below(tx, version).await }))
        .await?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Deletes data key versions below `below` (operators' role), refusing
/// while any ride is still sealed under one of them. Returns how many keys
/// were retired.
pub async fn retire_data_keys(
    owner: &Store,
    tenant: TenantId,
    below: u32,
) -> Result<usize, ServiceError> {
    let below = i32::try_from(below).map_err(|_| CryptoError::VersionOverflow)?;
    owner
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                let keys = tenant_keys::list(tx).await?;
                let newest = keys
                    .iter()
                    .filter(|k| k.purpose == KeyPurpose::DataKey.label())
                    .map(|k| k.version)
                    .max()
                    .unwrap_or(0);
                if below > newest {
                    return Err(ServiceError::Crypto(CryptoError::WouldRetireCurrent {
                        requested: u32::try_from(below).unwrap_or(0),
                        current: u32::try_from(newest).unwrap_or(0),
                    }));
                }
                let remaining = rides::count_sealed_below(tx, below).await?;
                if remaining > 0 {
                    return Err(ServiceError::RidesUnderOldKeys {
                        count: u64::try_from(remaining).unwrap_or(0),
                    });
                }
                Ok(tenant_keys::delete_data_keys_below(tx, below).await?)
            })
        })
        .await
}

/// Crypto-shreds a tenant (operators' role): its keys and then every row
/// are deleted in one transaction. Backups taken earlier still hold the
/// tenant's keys wrapped under the current key-encryption key; they become
/// unreadable once [`replace_kek`] has moved every other tenant to a new one
/// and the old key is destroyed (guarantee 17).
pub async fn erase_tenant(owner: &Store, tenant: TenantId) -> Result<(), ServiceError> {
    owner
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { tenants::erase(tx).await }))
        .await?;
    Ok(())
}

/// Re-wraps every tenant's keys from `old` to `new` (operators' role),
/// tenant by tenant; tenants already under `new` are skipped, so an
/// interrupted run can simply be repeated. Returns how many keys moved.
pub async fn replace_kek(
    owner: &Store,
    old: &dyn KeyEncryptionKey,
    new: &dyn KeyEncryptionKey,
) -> Result<usize, ServiceError> {
    let new_id = new.key_id();
    let mut moved = 0;
    for tenant in tenants::list_all(owner).await? {
        let rows = stored_keys(owner, tenant).await?;
        let mut updates = Vec::new();
        for row in rows.iter().filter(|r| r.kek_id != new_id) {
            let wrapped = from_stored(tenant, std::slice::from_ref(row))?;
            let key = &wrapped.keys[0];
            let secret = old.unwrap(key.purpose, tenant, key.version, &key.wrapped)?;
            let rewrapped = new.wrap(key.purpose, tenant, key.version, &secret)?;
            updates.push((row.purpose.clone(), row.version, rewrapped));
        }
        if updates.is_empty() {
            continue;
        }
        moved += updates.len();
        let new_id = new_id.clone();
        owner
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    for (purpose, version, wrapped) in &updates {
                        tenant_keys::rewrap(tx, purpose, *version, wrapped, &new_id).await?;
                    }
                    Ok::<_, StoreError>(())
                })
            })
            .await?;
    }
    Ok(moved)
}
