//! Cells: one row per theme and scope (the tenant, or one team).

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{TeamId, ThemeId};

use crate::error::StoreError;
use crate::ids::{db, DbTeamId, DbThemeId};
use crate::schema::themes;
pub use crate::status::ThemeStatus;
use crate::tenant_tx::TenantTx;

/// A cell as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub id: ThemeId,
    pub slug: String,
    /// `None`: the whole tenant.
    pub team: Option<TeamId>,
    pub status: ThemeStatus,
    /// Contributors changed since the last release.
    pub dirty: bool,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = themes, check_for_backend(diesel::pg::Pg))]
struct CellRow {
    id: DbThemeId,
    slug: String,
    team_id: Option<DbTeamId>,
    status: ThemeStatus,
    dirty: bool,
}

impl From<CellRow> for Cell {
    fn from(r: CellRow) -> Cell {
        Cell {
            id: r.id.0,
            slug: r.slug,
            team: r.team_id.map(|t| t.0),
            status: r.status,
            dirty: r.dirty,
        }
    }
}

fn cell_query<'a>(
    tenant: kataloop_tenancy::TenantId,
    slug: &'a str,
    team: Option<TeamId>,
) -> themes::BoxedQuery<'a, diesel::pg::Pg> {
    let query = themes::table
        .filter(themes::tenant_id.eq(db(tenant)))
        .filter(themes::slug.eq(slug))
        .into_boxed();
    match team {
        Some(t) => query.filter(themes::team_id.eq(db(t))),
        None => query.filter(themes::team_id.is_null()),
    }
}

/// The id of the cell for `slug` in `team` (or the whole tenant), created
/// on first use.
pub async fn ensure_cell(
    tx: &mut TenantTx<'_>,
    slug: &str,
    team: Option<TeamId>,
) -> Result<ThemeId, StoreError> {
    let tenant = tx.tenant();
    let existing = cell_query(tenant, slug, team)
        .select(themes::id)
        .first::<DbThemeId>(tx.conn())
        .await
        .optional()?;
    if let Some(id) = existing {
        return Ok(id.0);
    }
    let id = ThemeId::random();
    diesel::insert_into(themes::table)
        .values((
            themes::tenant_id.eq(db(tenant)),
            themes::id.eq(db(id)),
            themes::team_id.eq(db(team)),
            themes::slug.eq(slug),
            themes::name.eq(slug),
        ))
        .on_conflict_do_nothing()
        .execute(tx.conn())
        .await?;
    // A concurrent submission may have created it first.
    let id = cell_query(tenant, slug, team)
        .select(themes::id)
        .first::<DbThemeId>(tx.conn())
        .await?;
    Ok(id.0)
}

/// Every cell of the tenant.
pub async fn list(tx: &mut TenantTx<'_>) -> Result<Vec<Cell>, StoreError> {
    let tenant = tx.tenant();
    Ok(themes::table
        .filter(themes::tenant_id.eq(db(tenant)))
        .select(CellRow::as_select())
        .order((themes::slug, themes::team_id))
        .load(tx.conn())
        .await?
        .into_iter()
        .map(Cell::from)
        .collect())
}

/// Marks a cell as changed since the last release.
pub async fn mark_dirty(tx: &mut TenantTx<'_>, id: ThemeId) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::update(
        themes::table.filter(themes::tenant_id.eq(db(tenant)).and(themes::id.eq(db(id)))),
    )
    .set(themes::dirty.eq(true))
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// After a release: no cell is dirty, and cells shown for the first time
/// become visible.
pub async fn mark_released(tx: &mut TenantTx<'_>, visible: &[ThemeId]) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::update(themes::table.filter(themes::tenant_id.eq(db(tenant))))
        .set(themes::dirty.eq(false))
        .execute(tx.conn())
        .await?;
    let ids: Vec<DbThemeId> = visible.iter().map(|t| db(*t)).collect();
    diesel::update(
        themes::table.filter(themes::tenant_id.eq(db(tenant)).and(themes::id.eq_any(ids))),
    )
    .set(themes::status.eq(ThemeStatus::Visible))
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Deletes a cell without contributions; 0 for an id this tenant does not
/// hold.
pub async fn delete(tx: &mut TenantTx<'_>, id: ThemeId) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::delete(
        themes::table.filter(themes::tenant_id.eq(db(tenant)).and(themes::id.eq(db(id)))),
    )
    .execute(tx.conn())
    .await?)
}

/// Renames a cell's display name; 0 for an id this tenant does not hold.
pub async fn rename(tx: &mut TenantTx<'_>, id: ThemeId, name: &str) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::update(
        themes::table.filter(themes::tenant_id.eq(db(tenant)).and(themes::id.eq(db(id)))),
    )
    .set(themes::name.eq(name))
    .execute(tx.conn())
    .await?)
}
