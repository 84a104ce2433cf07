//! The live state of the aggregation: which participants stand behind which
//! cell, through which first ride. Internal only: managers have no
//! privilege on this table.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{ParticipantId, RideId, ThemeId};

use crate::error::StoreError;
use crate::ids::{db, DbParticipantId, DbRideId, DbThemeId};
use crate::schema::theme_contributions;
use crate::tenant_tx::TenantTx;

/// One participant behind one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub cell: ThemeId,
    pub participant: ParticipantId,
    /// The ride that first put the participant into the cell; only it
    /// shapes released figures.
    pub first_ride: RideId,
    /// The release whose figures first included this participant.
    pub released_seq: Option<i64>,
}

/// Records that `participant` contributed to `cell` through `ride`. Returns
/// `true` if the participant is new to the cell (and marks the cell dirty);
/// a repeated contribution changes nothing (guarantee 2).
pub async fn record(
    tx: &mut TenantTx<'_>,
    cell: ThemeId,
    participant: ParticipantId,
    ride: RideId,
) -> Result<bool, StoreError> {
    let tenant = tx.tenant();
    let inserted = diesel::insert_into(theme_contributions::table)
        .values((
            theme_contributions::tenant_id.eq(db(tenant)),
            theme_contributions::theme_id.eq(db(cell)),
            theme_contributions::participant_pid.eq(db(participant)),
            theme_contributions::first_ride_id.eq(db(ride)),
        ))
        .on_conflict_do_nothing()
        .execute(tx.conn())
        .await?;
    if inserted == 1 {
        crate::themes::mark_dirty(tx, cell).await?;
    }
    Ok(inserted == 1)
}

/// Every contribution of the tenant.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<Contribution>, StoreError> {
    let tenant = tx.tenant();
    let rows: Vec<(DbThemeId, DbParticipantId, DbRideId, Option<i64>)> = theme_contributions::table
        .filter(theme_contributions::tenant_id.eq(db(tenant)))
        .select((
            theme_contributions::theme_id,
            theme_contributions::participant_pid,
            theme_contributions::first_ride_id,
            theme_contributions::released_seq,
        ))
        .load(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(cell, participant, first_ride, released_seq)| Contribution {
                cell: cell.0,
                participant: participant.0,
                first_ride: first_ride.0,
                released_seq,
            },
        )
        .collect())
}

/// Records that release `seq` showed figures of `cell` standing on these
/// participants (those not already behind earlier figures).
pub async fn mark_released(
    tx: &mut TenantTx<'_>,
    cell: ThemeId,
    basis: &[ParticipantId],
    seq: i64,
) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    let ids: Vec<DbParticipantId> = basis.iter().map(|p| db(*p)).collect();
    diesel::update(
        theme_contributions::table
            .filter(theme_contributions::tenant_id.eq(db(tenant)))
            .filter(theme_contributions::theme_id.eq(db(cell)))
            .filter(theme_contributions::participant_pid.eq_any(ids))
            .filter(theme_contributions::released_seq.is_null()),
    )
    .set(theme_contributions::released_seq.eq(seq))
    .execute(tx.conn())
    .await?;
    Ok(())
}
