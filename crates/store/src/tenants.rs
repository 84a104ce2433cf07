//! The `tenants` row of the transaction's own tenant.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use kataloop_tenancy::{DataRegion, DisplayName, Domain, KAnonymity, TenantId, TenantSettings};

use crate::error::{unique_violation_on, StoreError};
use crate::ids::db;
use crate::schema::{
    audit_events, participants, release_cells, releases, rides, teams, tenant_keys, tenants,
    theme_contributions, themes,
};
use crate::tenant_tx::TenantTx;

/// A tenant as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Tenant {
    pub id: TenantId,
    pub name: DisplayName,
    pub domain: Domain,
    pub settings: TenantSettings,
    pub created_at: DateTime<Utc>,
}

/// What an operator provides to create a tenant.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub name: DisplayName,
    pub domain: Domain,
    pub settings: TenantSettings,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = tenants, check_for_backend(diesel::pg::Pg))]
struct TenantRow {
    #[diesel(deserialize_as = crate::ids::DbTenantId)]
    id: TenantId,
    name: String,
    domain: String,
    k_anonymity: i16,
    data_region: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<TenantRow> for Tenant {
    type Error = StoreError;
    fn try_from(row: TenantRow) -> Result<Self, StoreError> {
        Ok(Tenant {
            id: row.id,
            name: DisplayName::new(&row.name)?,
            domain: Domain::new(&row.domain)?,
            settings: TenantSettings {
                k: KAnonymity::new(u64::try_from(row.k_anonymity).unwrap_or(0))?,
                region: DataRegion::new(&row.data_region)?,
            },
            created_at: row.created_at,
        })
    }
}

/// Creates the transaction's tenant. Only the owner role may (the runtime
/// role has no INSERT on `tenants`). A domain already taken by any tenant is
/// refused with [`StoreError::AlreadyExists`].
pub async fn create(tx: &mut TenantTx<'_>, new: &NewTenant) -> Result<Tenant, StoreError> {
    let id = tx.tenant();
    diesel::insert_into(tenants::table)
        .values((
            tenants::id.eq(db(id)),
            tenants::name.eq(new.name.as_str()),
            tenants::domain.eq(new.domain.as_str()),
            tenants::k_anonymity.eq(new.settings.k.get() as i16),
            tenants::data_region.eq(new.settings.region.as_str()),
        ))
        .returning(TenantRow::as_returning())
        .get_result(tx.conn())
        .await
        .map_err(|e| unique_violation_on(e, "tenants_domain_key", "a tenant with that domain"))?
        .try_into()
}

/// The transaction's own tenant.
pub async fn get(tx: &mut TenantTx<'_>) -> Result<Tenant, StoreError> {
    let id = tx.tenant();
    tenants::table
        .filter(tenants::id.eq(db(id)))
        .select(TenantRow::as_select())
        .first(tx.conn())
        .await
        .optional()?
        .ok_or(StoreError::NotFound { what: "tenant" })?
        .try_into()
}

/// Every `tenants` row the transaction can see. Row-level security limits it
/// to the transaction's own tenant; the isolation tests rely on this.
pub async fn visible(tx: &mut TenantTx<'_>) -> Result<Vec<TenantId>, StoreError> {
    Ok(tenants::table
        .select(tenants::id)
        .order(tenants::id)
        .load::<crate::ids::DbTenantId>(tx.conn())
        .await?
        .into_iter()
        .map(TenantId::from)
        .collect())
}

/// Every tenant id (operators' role only: its listing policy shows every
/// `tenants` row; the runtime role sees its own tenant at most).
pub async fn list_all(store: &crate::Store) -> Result<Vec<TenantId>, StoreError> {
    let mut conn = store.connection().await?;
    // In a transaction, like every statement of the store (poolers).
    let ids = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            tenants::table
                .select(tenants::id)
                .order(tenants::id)
                .load::<crate::ids::DbTenantId>(conn)
                .await
        })
        .await?;
    Ok(ids.into_iter().map(TenantId::from).collect())
}

/// Changes k under guarantee 8: raising always works, lowering only while the
/// tenant holds no ride. Returns the new k.
pub async fn set_k(tx: &mut TenantTx<'_>, requested: KAnonymity) -> Result<KAnonymity, StoreError> {
    let current = get(tx).await?.settings.k;
    let holds_rides: bool = diesel::select(diesel::dsl::exists(
        rides::table.filter(rides::tenant_id.eq(db(tx.tenant()))),
    ))
    .get_result(tx.conn())
    .await?;
    let k = current
        .change_to(requested, holds_rides)
        .map_err(StoreError::Settings)?;
    let id = tx.tenant();
    diesel::update(tenants::table.filter(tenants::id.eq(db(id))))
        .set(tenants::k_anonymity.eq(k.get() as i16))
        .execute(tx.conn())
        .await?;
    Ok(k)
}

/// Deletes every row of the transaction's tenant, keys first (operators
/// only). Run after the keys are gone, nothing left in any backup can be
/// opened once the key-encryption key that wrapped them is replaced
/// (guarantee 17).
pub async fn erase(tx: &mut TenantTx<'_>) -> Result<(), StoreError> {
    let t = db(tx.tenant());
    diesel::delete(tenant_keys::table.filter(tenant_keys::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(audit_events::table.filter(audit_events::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(release_cells::table.filter(release_cells::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(releases::table.filter(releases::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(theme_contributions::table.filter(theme_contributions::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(rides::table.filter(rides::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(themes::table.filter(themes::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(participants::table.filter(participants::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(teams::table.filter(teams::tenant_id.eq(t)))
        .execute(tx.conn())
        .await?;
    diesel::delete(tenants::table.filter(tenants::id.eq(t)))
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// The hour (UTC) from which the tenant's daily release is due.
pub async fn release_hour(tx: &mut TenantTx<'_>) -> Result<u8, StoreError> {
    let id = tx.tenant();
    let hour: i16 = tenants::table
        .filter(tenants::id.eq(db(id)))
        .select(tenants::release_hour_utc)
        .first(tx.conn())
        .await
        .optional()?
        .ok_or(StoreError::NotFound { what: "tenant" })?;
    u8::try_from(hour).map_err(|_| StoreError::InvalidData("release hour".into()))
}

/// Sets the hour (UTC, 0 to 23) from which the daily release is due.
pub async fn set_release_hour(tx: &mut TenantTx<'_>, hour: u8) -> Result<(), StoreError> {
    if hour > 23 {
        return Err(StoreError::InvalidData(
            "the release hour must be 0 to 23".into(),
        ));
    }
    let id = tx.tenant();
    let changed = diesel::update(tenants::table.filter(tenants::id.eq(db(id))))
        .set(tenants::release_hour_utc.eq(i16::from(hour)))
        .execute(tx.conn())
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound { what: "tenant" });
    }
    Ok(())
}
