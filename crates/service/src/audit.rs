//! The tamper-evident audit log: `hash = SHA-256(prev_hash || canonical
//! event)`, one chain per tenant and one global chain. Details never hold
//! personal data: ids, counts and settings only.

use chrono::{DateTime, SubsecRound, Utc};
use kataloop_store::audit::{self, AuditRow};
use kataloop_store::{tenants, Store, StoreError, TenantTx};
use kataloop_tenancy::TenantId;
use serde_json::Value;

use crate::error::ServiceError;

const GENESIS: [u8; 32] = [0; 32];

/// The bytes an event's hash covers, in an unambiguous encoding:
/// length-prefixed fields, `details` as JSON with sorted keys.
fn canonical(
    tenant: Option<TenantId>,
    seq: i64,
    at: &DateTime<Utc>,
    actor: &str,
    action: &str,
    details: &Value,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut field = |bytes: &[u8]| {
        out.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
        out.extend_from_slice(bytes);
    };
    field(b"kataloop/audit/v1");
    field(
        tenant
            .map(|t| *t.as_uuid().as_bytes())
            .unwrap_or([0; 16])
            .as_slice(),
    );
    field(&seq.to_be_bytes());
    field(
        at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
            .as_bytes(),
    );
    field(actor.as_bytes());
    field(action.as_bytes());
    field(details.to_string().as_bytes());
    out
}

fn chain_hash(prev: &[u8], canonical: &[u8]) -> Vec<u8> {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    ctx.update(prev);
    ctx.update(canonical);
    ctx.finish().as_ref().to_vec()
}

fn next_row(
    tenant: Option<TenantId>,
    tail: Option<(i64, Vec<u8>)>,
    actor: &str,
    action: &str,
    details: Value,
) -> AuditRow {
    let (seq, prev) = match tail {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_vec()),
    };
    // Stored with microsecond precision: hash exactly what is stored.
    let at = Utc::now().trunc_subsecs(6);
    let hash = chain_hash(&prev, &canonical(tenant, seq, &at, actor, action, &details));
    AuditRow {
        seq,
        occurred_at: at,
        actor: actor.to_owned(),
        action: action.to_owned(),
        details,
        prev_hash: prev,
        hash,
    }
}

/// Appends an event to the tenant's chain inside the caller's transaction,
/// so the event commits (or not) with the change it records.
pub async fn record(
    tx: &mut TenantTx<'_>,
    actor: &str,
    action: &str,
    details: Value,
) -> Result<(), StoreError> {
    let tail = audit::lock_tail(tx).await?;
    let row = next_row(Some(tx.tenant()), tail, actor, action, details);
    audit::append(tx, &row).await
}

/// Appends an operator event that concerns no tenant (owner role).
pub async fn record_global(
    owner: &Store,
    actor: &str,
    action: &str,
    details: Value,
) -> Result<(), StoreError> {
    let actor = actor.to_owned();
    let action = action.to_owned();
    audit::append_global(owner, move |tail| {
        next_row(None, tail, &actor, &action, details)
    })
    .await?;
    Ok(())
}

/// A chain's events, for `audit list`.
pub async fn list(owner: &Store, tenant: Option<TenantId>) -> Result<Vec<AuditRow>, ServiceError> {
    Ok(match tenant {
        Some(t) => {
            owner
                .tenant(t)
                .transaction(|tx| Box::pin(async move { audit::list(tx).await }))
                .await?
        }
        None => audit::list_global(owner).await?,
    })
}

/// Where a chain broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// `None`: the global chain.
    pub tenant: Option<TenantId>,
    /// The first event whose hash or link does not verify.
    pub seq: i64,
}

/// Result of verifying every chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub chains: usize,
    pub events: usize,
    /// The first broken link found, if any.
    pub broken: Option<BrokenLink>,
}

fn verify_chain(tenant: Option<TenantId>, rows: &[AuditRow]) -> Option<i64> {
    let mut prev = GENESIS.to_vec();
    for (i, row) in rows.iter().enumerate() {
        let expected_seq = i as i64 + 1;
        let hash = chain_hash(
            &prev,
            &canonical(
                tenant,
                row.seq,
                &row.occurred_at,
                &row.actor,
                &row.action,
                &row.details,
            ),
        );
        if row.seq != expected_seq || row.prev_hash != prev || row.hash != hash {
            return Some(row.seq);
        }
        prev = row.hash.clone();
    }
    None
}

/// Recomputes the global chain and every tenant's chain (owner role).
pub async fn verify(owner: &Store) -> Result<Verification, ServiceError> {
    let global = audit::list_global(owner).await?;
    let mut report = Verification {
        chains: 1,
        events: global.len(),
        broken: None,
    };
    if let Some(seq) = verify_chain(None, &global) {
        report.broken = Some(BrokenLink { tenant: None, seq });
        return Ok(report);
    }
    for tenant in tenants::list_all(owner).await? {
        let rows = list(owner, Some(tenant)).await?;
        report.chains += 1;
        report.events += rows.len();
        if let Some(seq) = verify_chain(Some(tenant), &rows) {
            report.broken = Some(BrokenLink {
                tenant: Some(tenant),
                seq,
            });
            return Ok(report);
        }
    }
    Ok(report)
}
