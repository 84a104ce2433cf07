//! Participants: one person in one tenant, known only by a keyed hash of the
//! HR id. No name, e-mail, address or device data is stored anywhere.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{ParticipantId, TeamId};

use crate::error::StoreError;
use crate::ids::db;
use crate::schema::participants;
use crate::tenant_tx::TenantTx;

/// Finds the participant with this hash, or creates one, and marks today as
/// its last active day (no finer time is kept, guarantee 25). A new team
/// replaces the old one: the credential decides the team.
pub async fn find_or_create(
    tx: &mut TenantTx<'_>,
    hashed_hr_id: &str,
    team: Option<TeamId>,
) -> Result<ParticipantId, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::insert_into(participants::table)
        .values((
            participants::tenant_id.eq(db(tenant)),
            participants::participant_pid.eq(db(ParticipantId::random())),
            participants::hashed_hr_id.eq(hashed_hr_id),
            participants::team_id.eq(db(team)),
        ))
        .on_conflict((participants::tenant_id, participants::hashed_hr_id))
        .do_update()
        .set((
            participants::team_id.eq(db(team)),
            participants::last_active_on
                .eq(diesel::dsl::sql::<diesel::sql_types::Date>("current_date")),
        ))
        .returning(participants::participant_pid)
        .get_result::<crate::ids::DbParticipantId>(tx.conn())
        .await?
        .into())
}

/// All participant ids of the tenant.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<ParticipantId>, StoreError> {
    let tenant = tx.tenant();
    Ok(participants::table
        .filter(participants::tenant_id.eq(db(tenant)))
        .select(participants::participant_pid)
        .order(participants::participant_pid)
        .load::<crate::ids::DbParticipantId>(tx.conn())
        .await?
        .into_iter()
        .map(ParticipantId::from)
        .collect())
}

/// Moves a participant to another team (or none); returns how many rows
/// changed: 0 for an id this tenant does not hold.
pub async fn set_team(
    tx: &mut TenantTx<'_>,
    id: ParticipantId,
    team: Option<TeamId>,
) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::update(
        participants::table.filter(
            participants::tenant_id
                .eq(db(tenant))
                .and(participants::participant_pid.eq(db(id))),
        ),
    )
    .set(participants::team_id.eq(db(team)))
    .execute(tx.conn())
    .await?)
}

/// Deletes a participant without rides; 0 for an id this tenant does not hold.
pub async fn delete(tx: &mut TenantTx<'_>, id: ParticipantId) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::delete(
        participants::table.filter(
            participants::tenant_id
                .eq(db(tenant))
                .and(participants::participant_pid.eq(db(id))),
        ),
    )
    .execute(tx.conn())
    .await?)
}
