//! Themes of the transaction's tenant (the aggregation issue builds the
//! release logic on top of these rows).

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{TeamId, ThemeId};

use crate::error::StoreError;
use crate::ids::{db, DbTeamId, DbThemeId};
use crate::schema::themes;
pub use crate::status::ThemeStatus;
use crate::tenant_tx::TenantTx;

/// A theme row.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: ThemeId,
    pub team: Option<TeamId>,
    pub name: String,
    pub description: String,
    pub contributor_count: i32,
    pub confidence: f32,
    pub suggested_action: String,
    pub status: ThemeStatus,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = themes, check_for_backend(diesel::pg::Pg))]
struct ThemeRow {
    id: DbThemeId,
    team_id: Option<DbTeamId>,
    name: String,
    description: String,
    contributor_count: i32,
    confidence: f32,
    suggested_action: String,
    status: ThemeStatus,
}

impl From<ThemeRow> for Theme {
    fn from(r: ThemeRow) -> Theme {
        Theme {
            id: r.id.0,
            team: r.team_id.map(|t| t.0),
            name: r.name,
            description: r.description,
            contributor_count: r.contributor_count,
            confidence: r.confidence,
            suggested_action: r.suggested_action,
            status: r.status,
        }
    }
}

/// Stores a theme for the transaction's tenant.
pub async fn insert(tx: &mut TenantTx<'_>, theme: &Theme) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(themes::table)
        .values((
            themes::tenant_id.eq(db(tenant)),
            themes::id.eq(db(theme.id)),
            themes::team_id.eq(db(theme.team)),
            themes::name.eq(&theme.name),
            themes::description.eq(&theme.description),
            themes::contributor_count.eq(theme.contributor_count),
            themes::confidence.eq(theme.confidence),
            themes::suggested_action.eq(&theme.suggested_action),
            themes::status.eq(theme.status),
        ))
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// All themes of the tenant.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<Theme>, StoreError> {
    let tenant = tx.tenant();
    Ok(themes::table
        .filter(themes::tenant_id.eq(db(tenant)))
        .select(ThemeRow::as_select())
        .order(themes::id)
        .load(tx.conn())
        .await?
        .into_iter()
        .map(Theme::from)
        .collect())
}

/// Renames a theme; returns 0 for an id this tenant does not hold.
pub async fn rename(tx: &mut TenantTx<'_>, id: ThemeId, name: &str) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::update(
        themes::table.filter(themes::tenant_id.eq(db(tenant)).and(themes::id.eq(db(id)))),
    )
    .set(themes::name.eq(name))
    .execute(tx.conn())
    .await?)
}

/// Deletes a theme; returns 0 for an id this tenant does not hold.
pub async fn delete(tx: &mut TenantTx<'_>, id: ThemeId) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::delete(
        themes::table.filter(themes::tenant_id.eq(db(tenant)).and(themes::id.eq(db(id)))),
    )
    .execute(tx.conn())
    .await?)
}
