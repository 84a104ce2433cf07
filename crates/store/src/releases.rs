//! Releases: the snapshots managers read.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use kataloop_tenancy::{KAnonymity, ReleaseId, ThemeId};

use crate::error::StoreError;
use crate::ids::{db, DbReleaseId, DbThemeId};
use crate::schema::{release_cells, releases};
use crate::tenant_tx::TenantTx;

/// A release's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseHeader {
    pub id: ReleaseId,
    /// 1, 2, 3 ... per tenant.
    pub seq: i64,
    pub released_on: NaiveDate,
    pub k: KAnonymity,
}

/// The stored figures of one cell in one release.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCell {
    pub cell: ThemeId,
    pub visible: bool,
    pub contributor_count: i32,
    pub sentiment: f32,
    pub confidence: f32,
    pub name: String,
    pub description: String,
    pub suggested_action: String,
    pub summaries: Vec<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = releases, check_for_backend(diesel::pg::Pg))]
struct HeaderRow {
    id: DbReleaseId,
    seq: i64,
    released_on: NaiveDate,
    k_anonymity: i16,
}

impl TryFrom<HeaderRow> for ReleaseHeader {
    type Error = StoreError;
    fn try_from(r: HeaderRow) -> Result<Self, StoreError> {
        Ok(ReleaseHeader {
            id: r.id.0,
            seq: r.seq,
            released_on: r.released_on,
            k: KAnonymity::new(u64::try_from(r.k_anonymity).unwrap_or(0))?,
        })
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = release_cells, check_for_backend(diesel::pg::Pg))]
struct CellRow {
    theme_id: DbThemeId,
    visible: bool,
    contributor_count: i32,
    sentiment: f32,
    confidence: f32,
    name: String,
    description: String,
    suggested_action: String,
    summaries: Vec<Option<String>>,
}

impl From<CellRow> for StoredCell {
    fn from(r: CellRow) -> StoredCell {
        StoredCell {
            cell: r.theme_id.0,
            visible: r.visible,
            contributor_count: r.contributor_count,
            sentiment: r.sentiment,
            confidence: r.confidence,
            name: r.name,
            description: r.description,
            suggested_action: r.suggested_action,
            summaries: r.summaries.into_iter().flatten().collect(),
        }
    }
}

/// The tenant's latest release, if any.
pub async fn latest(tx: &mut TenantTx<'_>) -> Result<Option<ReleaseHeader>, StoreError> {
    let tenant = tx.tenant();
    releases::table
        .filter(releases::tenant_id.eq(db(tenant)))
        .order(releases::seq.desc())
        .select(HeaderRow::as_select())
        .first(tx.conn())
        .await
        .optional()?
        .map(ReleaseHeader::try_from)
        .transpose()
}

/// The cells of a release: all of them, or only the visible ones.
pub async fn cells(
    tx: &mut TenantTx<'_>,
    release: ReleaseId,
    visible_only: bool,
) -> Result<Vec<StoredCell>, StoreError> {
    let tenant = tx.tenant();
    let mut query = release_cells::table
        .filter(release_cells::tenant_id.eq(db(tenant)))
        .filter(release_cells::release_id.eq(db(release)))
        .select(CellRow::as_select())
        .order(release_cells::theme_id)
        .into_boxed();
    if visible_only {
        query = query.filter(release_cells::visible.eq(true));
    }
    Ok(query
        .load(tx.conn())
        .await?
        .into_iter()
        .map(StoredCell::from)
        .collect())
}

/// Stores a new release with its cells; its `seq` must follow the latest.
pub async fn insert(
    tx: &mut TenantTx<'_>,
    header: &ReleaseHeader,
    cells: &[StoredCell],
) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(releases::table)
        .values((
            releases::tenant_id.eq(db(tenant)),
            releases::id.eq(db(header.id)),
            releases::seq.eq(header.seq),
            releases::released_on.eq(header.released_on),
            releases::k_anonymity.eq(header.k.get() as i16),
        ))
        .execute(tx.conn())
        .await?;
    // In chunks: one statement per few hundred cells keeps binds bounded.
    for chunk in cells.chunks(500) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|c| {
                (
                    release_cells::tenant_id.eq(db(tenant)),
                    release_cells::release_id.eq(db(header.id)),
                    release_cells::theme_id.eq(db(c.cell)),
                    release_cells::visible.eq(c.visible),
                    release_cells::contributor_count.eq(c.contributor_count),
                    release_cells::sentiment.eq(c.sentiment),
                    release_cells::confidence.eq(c.confidence),
                    release_cells::name.eq(&c.name),
                    release_cells::description.eq(&c.description),
                    release_cells::suggested_action.eq(&c.suggested_action),
                    release_cells::summaries.eq(c
                        .summaries
                        .iter()
                        .map(|s| Some(s.as_str()))
                        .collect::<Vec<_>>()),
                )
            })
            .collect();
        diesel::insert_into(release_cells::table)
            .values(rows)
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}
