//! Managers' answers to visible themes ("You said, we did").

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{TeamId, ThemeId};
use uuid::Uuid;

use crate::credentials::DbResponseId;
use crate::error::StoreError;
use crate::ids::{db, DbThemeId};
use crate::schema::{theme_responses, themes};
use crate::tenant_tx::TenantTx;

/// One answer, as employees read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeResponse {
    pub id: Uuid,
    pub theme: ThemeId,
    pub body: String,
    /// The day only.
    pub created_on: NaiveDate,
}

/// Records an answer to a theme cell of the tenant. The caller has checked
/// that the manager may see the cell.
pub async fn insert(
    tx: &mut TenantTx<'_>,
    theme: ThemeId,
    body: &str,
) -> Result<ThemeResponse, StoreError> {
    let tenant = tx.tenant();
    let id = Uuid::new_v4();
    let (created_on,): (NaiveDate,) = diesel::insert_into(theme_responses::table)
        .values((
            theme_responses::tenant_id.eq(db(tenant)),
            theme_responses::id.eq(DbResponseId(id)),
            theme_responses::theme_id.eq(db(theme)),
            theme_responses::body.eq(body),
        ))
        .returning((theme_responses::created_on,))
        .get_result(tx.conn())
        .await?;
    Ok(ThemeResponse {
        id,
        theme,
        body: body.to_owned(),
        created_on,
    })
}

/// The answers a ride's employee may read: those to the ride's tenant-wide
/// theme cell and to the same theme's cell of the ride's team, oldest
/// first.
pub async fn for_ride(
    tx: &mut TenantTx<'_>,
    tenant_cell: ThemeId,
    team: Option<TeamId>,
) -> Result<Vec<ThemeResponse>, StoreError> {
    let tenant = tx.tenant();
    let mut cells = vec![db(tenant_cell)];
    if let Some(team) = team {
        let slug: Option<String> = themes::table
            .filter(themes::tenant_id.eq(db(tenant)))
            .filter(themes::id.eq(db(tenant_cell)))
            .select(themes::slug)
            .first(tx.conn())
            .await
            .optional()?;
        if let Some(slug) = slug {
            let team_cell: Option<DbThemeId> = themes::table
                .filter(themes::tenant_id.eq(db(tenant)))
                .filter(themes::slug.eq(slug))
                .filter(themes::team_id.eq(db(team)))
                .select(themes::id)
                .first(tx.conn())
                .await
                .optional()?;
            cells.extend(team_cell);
        }
    }
    let rows: Vec<(DbResponseId, DbThemeId, String, NaiveDate)> = theme_responses::table
        .filter(theme_responses::tenant_id.eq(db(tenant)))
        .filter(theme_responses::theme_id.eq_any(cells))
        .order((theme_responses::created_on, theme_responses::id))
        .select((
            theme_responses::id,
            theme_responses::theme_id,
            theme_responses::body,
            theme_responses::created_on,
        ))
        .load(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, theme, body, created_on)| ThemeResponse {
            id: id.0,
            theme: theme.0,
            body,
            created_on,
        })
        .collect())
}
