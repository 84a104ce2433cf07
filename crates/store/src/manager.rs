//! The managers' door to the database: released data only.
//!
//! A [`ManagerStore`] connects as a login that holds `kataloop_manager`,
//! which has privileges on releases and release cells (and the ids, slugs
//! and team names needed to label them) and on nothing else: no ride, no
//! participant, no conversation, no per-person time (guarantee 22). Its only
//! methods read releases, so the type system and the database agree.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use kataloop_tenancy::{ReleaseId, TeamId, TenantId, ThemeId};

use crate::error::StoreError;
use crate::ids::{db, DbReleaseId, DbThemeId};
use crate::pool::{DatabaseConfig, Store};
use crate::schema::{release_cells, releases, themes};

/// A pool of connections for managers' reads.
#[derive(Debug, Clone)]
pub struct ManagerStore {
    store: Store,
}

/// One visible cell of a release, as a manager may read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerCell {
    pub theme_id: ThemeId,
    pub slug: String,
    pub contributor_count: i32,
    pub sentiment: f32,
    pub confidence: f32,
    pub name: String,
    pub description: String,
    pub suggested_action: String,
    pub summaries: Vec<String>,
}

/// The latest release of a tenant for one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagerRelease {
    pub id: ReleaseId,
    pub released_on: NaiveDate,
    pub cells: Vec<ManagerCell>,
}

impl ManagerStore {
    /// Builds the pool (connections open lazily).
    pub fn connect(config: &DatabaseConfig) -> Result<ManagerStore, StoreError> {
        Ok(ManagerStore {
            store: Store::connect(config)?,
        })
    }

    /// Fails unless the connected role is bound by row-level security and
    /// holds no runtime or owner privileges.
    pub async fn require_manager_role(&self) -> Result<(), StoreError> {
        let check = self.store.require_runtime_role().await?;
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Bool)]
            broader: bool,
        }
        let mut conn = self.store.connection().await?;
        let row = conn
            .transaction::<_, diesel::result::Error, _>(async |conn| {
                diesel::sql_query(
                    "SELECT pg_has_role(current_user, 'kataloop_app', 'USAGE') \
                         OR pg_has_role(current_user, 'kataloop_owner', 'USAGE') AS broader",
                )
                .get_result::<Row>(conn)
                .await
            })
            .await?;
        if row.broader {
            return Err(StoreError::PrivilegedRole { role: check.role });
        }
        Ok(())
    }

    /// The visible cells of the tenant's latest release for `scope` (the
    /// whole tenant when `None`), or `None` before the first release.
    pub async fn latest_release(
        &self,
        tenant: TenantId,
        scope: Option<TeamId>,
    ) -> Result<Option<ManagerRelease>, StoreError> {
        self.store
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    let tenant = tx.tenant();
                    let header: Option<(DbReleaseId, NaiveDate)> = releases::table
                        .filter(releases::tenant_id.eq(db(tenant)))
                        .order(releases::seq.desc())
                        .select((releases::id, releases::released_on))
                        .first(tx.conn())
                        .await
                        .optional()?;
                    let Some((id, released_on)) = header else {
                        return Ok(None);
                    };
                    let mut query = release_cells::table
                        .inner_join(
                            themes::table.on(themes::tenant_id
                                .eq(release_cells::tenant_id)
                                .and(themes::id.eq(release_cells::theme_id))),
                        )
                        .filter(release_cells::tenant_id.eq(db(tenant)))
                        .filter(release_cells::release_id.eq(id))
                        .filter(release_cells::visible.eq(true))
                        .select((
                            release_cells::theme_id,
                            themes::slug,
                            release_cells::contributor_count,
                            release_cells::sentiment,
                            release_cells::confidence,
                            release_cells::name,
                            release_cells::description,
                            release_cells::suggested_action,
                            release_cells::summaries,
                        ))
                        .into_boxed();
                    query = match scope {
                        Some(team) => query.filter(themes::team_id.eq(db(team))),
                        None => query.filter(themes::team_id.is_null()),
                    };
                    type Row = (
                        DbThemeId,
                        String,
                        i32,
                        f32,
                        f32,
                        String,
                        String,
                        String,
                        Vec<Option<String>>,
                    );
                    let rows: Vec<Row> = query.load(tx.conn()).await?;
                    let cells = rows
                        .into_iter()
                        .map(|r| ManagerCell {
                            theme_id: r.0 .0,
                            slug: r.1,
                            contributor_count: r.2,
                            sentiment: r.3,
                            confidence: r.4,
                            name: r.5,
                            description: r.6,
                            suggested_action: r.7,
                            summaries: r.8.into_iter().flatten().collect(),
                        })
                        .collect();
                    Ok::<_, StoreError>(Some(ManagerRelease {
                        id: id.0,
                        released_on,
                        cells,
                    }))
                })
            })
            .await
    }
}
