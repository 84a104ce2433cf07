//! Rides: one submitted conversation each, sealed before it gets here.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{ParticipantId, RideId, TeamId, ThemeId};

use crate::error::StoreError;
use crate::ids::{db, DbParticipantId, DbRideId, DbTeamId, DbThemeId};
use crate::schema::rides;
pub use crate::status::RideStatus;
use crate::tenant_tx::TenantTx;

/// A ride to store. The conversation arrives sealed (ciphertext and the key
/// version that sealed it); the store never sees plaintext.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRide {
    pub id: RideId,
    pub participant: ParticipantId,
    pub session_alias: String,
    pub team: Option<TeamId>,
    pub conversation_ciphertext: Vec<u8>,
    pub key_version: i32,
    pub theme: Option<ThemeId>,
    pub sentiment: Option<f32>,
    pub confidence: Option<f32>,
    pub anonymized_summary: Option<String>,
    pub status: RideStatus,
    /// SHA-256 of the receipt handed to the employee, if any.
    pub receipt_hash: Option<Vec<u8>>,
}

/// A stored ride.
#[derive(Debug, Clone, PartialEq)]
pub struct Ride {
    pub id: RideId,
    pub participant: ParticipantId,
    pub session_alias: String,
    pub team: Option<TeamId>,
    pub conversation_ciphertext: Vec<u8>,
    pub key_version: i32,
    pub theme: Option<ThemeId>,
    pub sentiment: Option<f32>,
    pub confidence: Option<f32>,
    pub anonymized_summary: Option<String>,
    pub status: RideStatus,
    /// The day only (guarantee 25).
    pub created_on: chrono::NaiveDate,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = rides, check_for_backend(diesel::pg::Pg))]
struct RideRow {
    id: DbRideId,
    participant_pid: DbParticipantId,
    session_alias: String,
    team_id: Option<DbTeamId>,
    conversation_ciphertext: Vec<u8>,
    key_version: i32,
    theme_id: Option<DbThemeId>,
    sentiment: Option<f32>,
    confidence: Option<f32>,
    anonymized_summary: Option<String>,
    status: RideStatus,
    created_on: chrono::NaiveDate,
}

impl From<RideRow> for Ride {
    fn from(r: RideRow) -> Ride {
        Ride {
            id: r.id.0,
            participant: r.participant_pid.0,
            session_alias: r.session_alias,
            team: r.team_id.map(|t| t.0),
            conversation_ciphertext: r.conversation_ciphertext,
            key_version: r.key_version,
            theme: r.theme_id.map(|t| t.0),
            sentiment: r.sentiment,
            confidence: r.confidence,
            anonymized_summary: r.anonymized_summary,
            status: r.status,
            created_on: r.created_on,
        }
    }
}

/// Stores a ride for the transaction's tenant.
pub async fn insert(tx: &mut TenantTx<'_>, ride: &NewRide) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(rides::table)
        .values((
            rides::tenant_id.eq(db(tenant)),
            rides::id.eq(db(ride.id)),
            rides::participant_pid.eq(db(ride.participant)),
            rides::session_alias.eq(&ride.session_alias),
            rides::team_id.eq(db(ride.team)),
            rides::conversation_ciphertext.eq(&ride.conversation_ciphertext),
            rides::key_version.eq(ride.key_version),
            rides::theme_id.eq(db(ride.theme)),
            rides::sentiment.eq(ride.sentiment),
            rides::confidence.eq(ride.confidence),
            rides::anonymized_summary.eq(&ride.anonymized_summary),
            rides::status.eq(ride.status),
            rides::receipt_hash.eq(&ride.receipt_hash),
        ))
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// One ride of the tenant; another tenant's ride id is simply not found.
pub async fn get(tx: &mut TenantTx<'_>, id: RideId) -> Result<Ride, StoreError> {
    let tenant = tx.tenant();
    rides::table
        .filter(rides::tenant_id.eq(db(tenant)).and(rides::id.eq(db(id))))
        .select(RideRow::as_select())
        .first(tx.conn())
        .await
        .optional()?
        .map(Ride::from)
        .ok_or(StoreError::NotFound { what: "ride" })
}

/// The ride whose receipt hashes to `receipt_hash`, if any.
pub async fn by_receipt(
    tx: &mut TenantTx<'_>,
    receipt_hash: &[u8],
) -> Result<Option<Ride>, StoreError> {
    let tenant = tx.tenant();
    Ok(rides::table
        .filter(rides::tenant_id.eq(db(tenant)))
        .filter(rides::receipt_hash.eq(receipt_hash))
        .select(RideRow::as_select())
        .first(tx.conn())
        .await
        .optional()?
        .map(Ride::from))
}

/// The rides with these ids (those of the tenant; others are not found).
pub async fn get_many(tx: &mut TenantTx<'_>, ids: &[RideId]) -> Result<Vec<Ride>, StoreError> {
    let tenant = tx.tenant();
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(5000) {
        let keys: Vec<DbRideId> = chunk.iter().map(|r| db(*r)).collect();
        out.extend(
            rides::table
                .filter(rides::tenant_id.eq(db(tenant)))
                .filter(rides::id.eq_any(keys))
                .select(RideRow::as_select())
                .load(tx.conn())
                .await?
                .into_iter()
                .map(Ride::from),
        );
    }
    Ok(out)
}

/// A sealed conversation as stored, for re-wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedRow {
    pub id: RideId,
    pub key_version: i32,
    pub conversation_ciphertext: Vec<u8>,
}

/// Up to `limit` rides sealed under a key version below `version`, by id.
pub async fn sealed_below(
    tx: &mut TenantTx<'_>,
    version: i32,
    limit: i64,
) -> Result<Vec<SealedRow>, StoreError> {
    let tenant = tx.tenant();
    let rows: Vec<(DbRideId, i32, Vec<u8>)> = rides::table
        .filter(rides::tenant_id.eq(db(tenant)))
        .filter(rides::key_version.lt(version))
        .order(rides::id)
        .limit(limit)
        .select((
            rides::id,
            rides::key_version,
            rides::conversation_ciphertext,
        ))
        .load(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, key_version, conversation_ciphertext)| SealedRow {
            id: id.0,
            key_version,
            conversation_ciphertext,
        })
        .collect())
}

/// How many rides are sealed under a key version below `version`.
pub async fn count_sealed_below(tx: &mut TenantTx<'_>, version: i32) -> Result<i64, StoreError> {
    let tenant = tx.tenant();
    Ok(rides::table
        .filter(rides::tenant_id.eq(db(tenant)))
        .filter(rides::key_version.lt(version))
        .count()
        .get_result(tx.conn())
        .await?)
}

/// Replaces a ride's sealed conversation if it is still under
/// `old_version` (so a concurrent re-wrap cannot be overwritten); returns
/// the number of rows changed.
pub async fn replace_sealed(
    tx: &mut TenantTx<'_>,
    id: RideId,
    old_version: i32,
    new_version: i32,
    ciphertext: &[u8],
) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::update(
        rides::table
            .filter(rides::tenant_id.eq(db(tenant)))
            .filter(rides::id.eq(db(id)))
            .filter(rides::key_version.eq(old_version)),
    )
    .set((
        rides::conversation_ciphertext.eq(ciphertext),
        rides::key_version.eq(new_version),
    ))
    .execute(tx.conn())
    .await?)
}

/// The ids of all rides of the tenant.
pub async fn list_ids(tx: &mut TenantTx<'_>) -> Result<Vec<RideId>, StoreError> {
    let tenant = tx.tenant();
    Ok(rides::table
        .filter(rides::tenant_id.eq(db(tenant)))
        .select(rides::id)
        .order(rides::id)
        .load::<DbRideId>(tx.conn())
        .await?
        .into_iter()
        .map(RideId::from)
        .collect())
}

/// Changes a ride's status; returns 0 for an id this tenant does not hold.
pub async fn set_status(
    tx: &mut TenantTx<'_>,
    id: RideId,
    status: RideStatus,
) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::update(
        rides::table.filter(rides::tenant_id.eq(db(tenant)).and(rides::id.eq(db(id)))),
    )
    .set(rides::status.eq(status))
    .execute(tx.conn())
    .await?)
}

/// Deletes a ride; returns 0 for an id this tenant does not hold.
pub async fn delete(tx: &mut TenantTx<'_>, id: RideId) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::delete(
        rides::table.filter(rides::tenant_id.eq(db(tenant)).and(rides::id.eq(db(id)))),
    )
    .execute(tx.conn())
    .await?)
}
