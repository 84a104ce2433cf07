//! Wrapped key material of the transaction's tenant. The store never sees a
//! plaintext key: rows hold what the key-encryption key wrapped.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::error::StoreError;
use crate::ids::db;
use crate::schema::tenant_keys;
use crate::tenant_tx::TenantTx;

/// One stored key.
#[derive(Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = tenant_keys, check_for_backend(diesel::pg::Pg))]
pub struct StoredKey {
    /// `data-key` or `pepper`.
    pub purpose: String,
    pub version: i32,
    pub wrapped: Vec<u8>,
    pub kek_id: String,
    pub seals_done: i64,
}

impl std::fmt::Debug for StoredKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredKey")
            .field("purpose", &self.purpose)
            .field("version", &self.version)
            .field("kek_id", &self.kek_id)
            .field("seals_done", &self.seals_done)
            .finish_non_exhaustive()
    }
}

/// Every key of the tenant, pepper first, then data keys by version.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<StoredKey>, StoreError> {
    let tenant = tx.tenant();
    Ok(tenant_keys::table
        .filter(tenant_keys::tenant_id.eq(db(tenant)))
        .select(StoredKey::as_select())
        .order((tenant_keys::purpose.desc(), tenant_keys::version))
        .load(tx.conn())
        .await?)
}

/// Stores keys (operators only).
pub async fn insert(tx: &mut TenantTx<'_>, keys: &[StoredKey]) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    let rows: Vec<_> = keys
        .iter()
        .map(|k| {
            (
                tenant_keys::tenant_id.eq(db(tenant)),
                tenant_keys::purpose.eq(&k.purpose),
                tenant_keys::version.eq(k.version),
                tenant_keys::wrapped.eq(&k.wrapped),
                tenant_keys::kek_id.eq(&k.kek_id),
                tenant_keys::seals_done.eq(k.seals_done),
            )
        })
        .collect();
    diesel::insert_into(tenant_keys::table)
        .values(rows)
        .execute(tx.conn())
        .await
        .map_err(|e| {
            crate::error::unique_violation_on(e, "tenant_keys_pkey", "a key with that version")
        })?;
    Ok(())
}

/// Replaces the wrapping of one key (re-wrapping under a new
/// key-encryption key); 0 if the key does not exist.
pub async fn rewrap(
    tx: &mut TenantTx<'_>,
    purpose: &str,
    version: i32,
    wrapped: &[u8],
    kek_id: &str,
) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::update(
        tenant_keys::table
            .filter(tenant_keys::tenant_id.eq(db(tenant)))
            .filter(tenant_keys::purpose.eq(purpose))
            .filter(tenant_keys::version.eq(version)),
    )
    .set((
        tenant_keys::wrapped.eq(wrapped),
        tenant_keys::kek_id.eq(kek_id),
    ))
    .execute(tx.conn())
    .await?)
}

/// Reserves one seal under data key `version`: counts it, unless the key has
/// already sealed `limit` values. Returns whether the seal may proceed. The
/// count lives in the database, so every server instance shares it
/// (guarantee 15).
pub async fn reserve_seal(
    tx: &mut TenantTx<'_>,
    version: i32,
    limit: i64,
) -> Result<bool, StoreError> {
    let tenant = tx.tenant();
    let updated = diesel::update(
        tenant_keys::table
            .filter(tenant_keys::tenant_id.eq(db(tenant)))
            .filter(tenant_keys::purpose.eq("data-key"))
            .filter(tenant_keys::version.eq(version))
            .filter(tenant_keys::seals_done.lt(limit)),
    )
    .set(tenant_keys::seals_done.eq(tenant_keys::seals_done + 1))
    .execute(tx.conn())
    .await?;
    Ok(updated == 1)
}

/// Deletes data keys below `version` (retiring them); returns how many.
pub async fn delete_data_keys_below(
    tx: &mut TenantTx<'_>,
    version: i32,
) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::delete(
        tenant_keys::table
            .filter(tenant_keys::tenant_id.eq(db(tenant)))
            .filter(tenant_keys::purpose.eq("data-key"))
            .filter(tenant_keys::version.lt(version)),
    )
    .execute(tx.conn())
    .await?)
}

/// Deletes every key of the tenant (crypto-shredding).
pub async fn delete_all(tx: &mut TenantTx<'_>) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(
        diesel::delete(tenant_keys::table.filter(tenant_keys::tenant_id.eq(db(tenant))))
            .execute(tx.conn())
            .await?,
    )
}
