//! The tamper-evident audit log: per-tenant chains (inside the tenant's
//! transaction) and the global chain of operator actions (owner role).
//! Hashing happens in the service; the store keeps rows and serialises
//! appends to a chain with an advisory lock.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};

use crate::error::StoreError;
use crate::ids::db;
use crate::pool::Store;
use crate::schema::{audit_events, audit_global_events};
use crate::tenant_tx::TenantTx;

/// One event of a chain.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub seq: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub details: serde_json::Value,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

type RowTuple = (
    i64,
    DateTime<Utc>,
    String,
    String,
    serde_json::Value,
    Vec<u8>,
    Vec<u8>,
);

fn from_tuple(t: RowTuple) -> AuditRow {
    AuditRow {
        seq: t.0,
        occurred_at: t.1,
        actor: t.2,
        action: t.3,
        details: t.4,
        prev_hash: t.5,
        hash: t.6,
    }
}

/// `SELECT pg_advisory_xact_lock(key)`: held until the transaction ends.
/// The key is a constant mixed with a uuid, formatted as an integer (no
/// user input reaches this SQL).
fn advisory_xact_lock(key: i64) -> diesel::query_builder::SqlQuery {
    diesel::sql_query(format!("SELECT pg_advisory_xact_lock({key})"))
}

/// Distinct from every other advisory lock the store takes.
const TENANT_CHAIN_LOCK: i64 = 0x6175_6469_7400_0001;
const GLOBAL_CHAIN_LOCK: i64 = 0x6175_6469_7400_0002;

/// Locks the tenant's chain until the transaction ends, then returns its
/// last (seq, hash), if any.
pub async fn lock_tail(tx: &mut TenantTx<'_>) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
    let tenant = tx.tenant();
    let key = TENANT_CHAIN_LOCK ^ (tenant.as_uuid().as_u128() as i64);
    advisory_xact_lock(key).execute(tx.conn()).await?;
    Ok(audit_events::table
        .filter(audit_events::tenant_id.eq(db(tenant)))
        .order(audit_events::seq.desc())
        .select((audit_events::seq, audit_events::hash))
        .first(tx.conn())
        .await
        .optional()?)
}

/// Appends an event to the tenant's chain (after [`lock_tail`]).
pub async fn append(tx: &mut TenantTx<'_>, row: &AuditRow) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::tenant_id.eq(db(tenant)),
            audit_events::seq.eq(row.seq),
            audit_events::occurred_at.eq(row.occurred_at),
            audit_events::actor.eq(&row.actor),
            audit_events::action.eq(&row.action),
            audit_events::details.eq(&row.details),
            audit_events::prev_hash.eq(&row.prev_hash),
            audit_events::hash.eq(&row.hash),
        ))
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// The tenant's chain, oldest first.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<AuditRow>, StoreError> {
    let tenant = tx.tenant();
    let rows: Vec<RowTuple> = audit_events::table
        .filter(audit_events::tenant_id.eq(db(tenant)))
        .order(audit_events::seq)
        .select((
            audit_events::seq,
            audit_events::occurred_at,
            audit_events::actor,
            audit_events::action,
            audit_events::details,
            audit_events::prev_hash,
            audit_events::hash,
        ))
        .load(tx.conn())
        .await?;
    Ok(rows.into_iter().map(from_tuple).collect())
}

/// Appends to the global chain (owner role): `make` receives the chain's
/// tail and returns the row to append, all under the chain's lock.
pub async fn append_global(
    store: &Store,
    make: impl FnOnce(Option<(i64, Vec<u8>)>) -> AuditRow + Send,
) -> Result<AuditRow, StoreError> {
    let mut conn = store.connection().await?;
    conn.transaction::<AuditRow, diesel::result::Error, _>(async move |conn| {
        advisory_xact_lock(GLOBAL_CHAIN_LOCK).execute(conn).await?;
        let tail: Option<(i64, Vec<u8>)> = audit_global_events::table
            .order(audit_global_events::seq.desc())
            .select((audit_global_events::seq, audit_global_events::hash))
            .first(conn)
            .await
            .optional()?;
        let row = make(tail);
        diesel::insert_into(audit_global_events::table)
            .values((
                audit_global_events::seq.eq(row.seq),
                audit_global_events::occurred_at.eq(row.occurred_at),
                audit_global_events::actor.eq(&row.actor),
                audit_global_events::action.eq(&row.action),
                audit_global_events::details.eq(&row.details),
                audit_global_events::prev_hash.eq(&row.prev_hash),
                audit_global_events::hash.eq(&row.hash),
            ))
            .execute(conn)
            .await?;
        Ok(row)
    })
    .await
    .map_err(StoreError::from)
}

/// The global chain, oldest first (owner role).
pub async fn list_global(store: &Store) -> Result<Vec<AuditRow>, StoreError> {
    let mut conn = store.connection().await?;
    // In a transaction, like every statement of the store (poolers).
    let rows: Vec<RowTuple> = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            audit_global_events::table
                .order(audit_global_events::seq)
                .select((
                    audit_global_events::seq,
                    audit_global_events::occurred_at,
                    audit_global_events::actor,
                    audit_global_events::action,
                    audit_global_events::details,
                    audit_global_events::prev_hash,
                    audit_global_events::hash,
                ))
                .load(conn)
                .await
        })
        .await?;
    Ok(rows.into_iter().map(from_tuple).collect())
}
