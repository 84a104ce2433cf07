//! Teams of the transaction's tenant.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{DisplayName, TeamId};

use crate::error::{unique_violation_on, StoreError};
use crate::ids::db;
use crate::schema::teams;
use crate::tenant_tx::TenantTx;

/// A team as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub id: TeamId,
    pub name: DisplayName,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = teams, check_for_backend(diesel::pg::Pg))]
struct TeamRow {
    #[diesel(deserialize_as = crate::ids::DbTeamId)]
    id: TeamId,
    name: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<TeamRow> for Team {
    type Error = StoreError;
    fn try_from(row: TeamRow) -> Result<Self, StoreError> {
        Ok(Team {
            id: row.id,
            name: DisplayName::new(&row.name)?,
            created_at: row.created_at,
        })
    }
}

/// Creates a team (owner role only). Names are unique within a tenant.
pub async fn create(tx: &mut TenantTx<'_>, name: &DisplayName) -> Result<Team, StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(teams::table)
        .values((
            teams::tenant_id.eq(db(tenant)),
            teams::id.eq(db(TeamId::random())),
            teams::name.eq(name.as_str()),
        ))
        .returning(TeamRow::as_returning())
        .get_result(tx.conn())
        .await
        .map_err(|e| unique_violation_on(e, "teams_tenant_id_name_key", "a team with that name"))?
        .try_into()
}

/// All teams of the tenant, by name.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<Team>, StoreError> {
    let tenant = tx.tenant();
    teams::table
        .filter(teams::tenant_id.eq(db(tenant)))
        .select(TeamRow::as_select())
        .order(teams::name)
        .load(tx.conn())
        .await?
        .into_iter()
        .map(Team::try_from)
        .collect()
}

/// One team of the tenant; another tenant's team id is simply not found.
pub async fn get(tx: &mut TenantTx<'_>, id: TeamId) -> Result<Team, StoreError> {
    let tenant = tx.tenant();
    teams::table
        .filter(teams::tenant_id.eq(db(tenant)).and(teams::id.eq(db(id))))
        .select(TeamRow::as_select())
        .first(tx.conn())
        .await
        .optional()?
        .ok_or(StoreError::NotFound { what: "team" })?
        .try_into()
}
