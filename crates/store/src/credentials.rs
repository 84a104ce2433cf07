//! Credential support: the revocation list of manager tokens and each
//! tenant's OpenID Connect settings. Operators (the owner role) write both;
//! the runtime reads them.

use std::io::Write;

use chrono::NaiveDate;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::prelude::*;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::error::StoreError;
use crate::ids::db;
use crate::schema::{manager_token_revocations, tenant_oidc_settings};
use crate::tenant_tx::TenantTx;

macro_rules! uuid_wrapper {
    ($wrapper:ident, $sql:ty) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
        #[diesel(sql_type = $sql)]
        pub(crate) struct $wrapper(pub(crate) Uuid);

        impl ToSql<$sql, Pg> for $wrapper {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.0.as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl FromSql<$sql, Pg> for $wrapper {
            fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
                let uuid = <Uuid as FromSql<diesel::sql_types::Uuid, Pg>>::from_sql(value)?;
                Ok($wrapper(uuid))
            }
        }
    };
}

uuid_wrapper!(DbTokenId, crate::ids::sql::TokenIdSql);
uuid_wrapper!(DbResponseId, crate::ids::sql::ResponseIdSql);

/// Whether the manager token `token_id` of the transaction's tenant is on
/// the revocation list.
pub async fn is_revoked(tx: &mut TenantTx<'_>, token_id: Uuid) -> Result<bool, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::select(diesel::dsl::exists(
        manager_token_revocations::table
            .filter(manager_token_revocations::tenant_id.eq(db(tenant)))
            .filter(manager_token_revocations::token_id.eq(DbTokenId(token_id))),
    ))
    .get_result(tx.conn())
    .await?)
}

/// Revokes a manager token (owner role). Revoking twice is not an error.
/// `expires_on`: the token's own expiry day, after which the row may go.
pub async fn revoke(
    tx: &mut TenantTx<'_>,
    token_id: Uuid,
    expires_on: NaiveDate,
) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(manager_token_revocations::table)
        .values((
            manager_token_revocations::tenant_id.eq(db(tenant)),
            manager_token_revocations::token_id.eq(DbTokenId(token_id)),
            manager_token_revocations::expires_on.eq(expires_on),
        ))
        .on_conflict_do_nothing()
        .execute(tx.conn())
        .await?;
    Ok(())
}

/// Deletes revocations of tokens that expired before `today` (owner role);
/// returns how many went.
pub async fn prune_revocations(
    tx: &mut TenantTx<'_>,
    today: NaiveDate,
) -> Result<usize, StoreError> {
    let tenant = tx.tenant();
    Ok(diesel::delete(
        manager_token_revocations::table
            .filter(manager_token_revocations::tenant_id.eq(db(tenant)))
            .filter(manager_token_revocations::expires_on.lt(today)),
    )
    .execute(tx.conn())
    .await?)
}

/// A tenant's OpenID Connect identity provider, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettingsRow {
    pub issuer: String,
    pub audience: String,
    pub hr_id_claim: String,
    pub leeway_secs: i32,
    /// The JWKS document (public keys only).
    pub jwks: String,
}

/// The tenant's identity-provider settings, if any are configured.
pub async fn oidc_settings(tx: &mut TenantTx<'_>) -> Result<Option<OidcSettingsRow>, StoreError> {
    let tenant = tx.tenant();
    let row: Option<(String, String, String, i32, String)> = tenant_oidc_settings::table
        .filter(tenant_oidc_settings::tenant_id.eq(db(tenant)))
        .select((
            tenant_oidc_settings::issuer,
            tenant_oidc_settings::audience,
            tenant_oidc_settings::hr_id_claim,
            tenant_oidc_settings::leeway_secs,
            tenant_oidc_settings::jwks,
        ))
        .first(tx.conn())
        .await
        .optional()?;
    Ok(row.map(
        |(issuer, audience, hr_id_claim, leeway_secs, jwks)| OidcSettingsRow {
            issuer,
            audience,
            hr_id_claim,
            leeway_secs,
            jwks,
        },
    ))
}

/// Creates or replaces the tenant's identity-provider settings (owner role).
pub async fn set_oidc_settings(
    tx: &mut TenantTx<'_>,
    settings: &OidcSettingsRow,
) -> Result<(), StoreError> {
    let tenant = tx.tenant();
    diesel::insert_into(tenant_oidc_settings::table)
        .values((
            tenant_oidc_settings::tenant_id.eq(db(tenant)),
            tenant_oidc_settings::issuer.eq(&settings.issuer),
            tenant_oidc_settings::audience.eq(&settings.audience),
            tenant_oidc_settings::hr_id_claim.eq(&settings.hr_id_claim),
            tenant_oidc_settings::leeway_secs.eq(settings.leeway_secs),
            tenant_oidc_settings::jwks.eq(&settings.jwks),
        ))
        .on_conflict(tenant_oidc_settings::tenant_id)
        .do_update()
        .set((
            tenant_oidc_settings::issuer.eq(&settings.issuer),
            tenant_oidc_settings::audience.eq(&settings.audience),
            tenant_oidc_settings::hr_id_claim.eq(&settings.hr_id_claim),
            tenant_oidc_settings::leeway_secs.eq(settings.leeway_secs),
            tenant_oidc_settings::jwks.eq(&settings.jwks),
            tenant_oidc_settings::updated_on
                .eq(diesel::dsl::sql::<diesel::sql_types::Date>("current_date")),
        ))
        .execute(tx.conn())
        .await?;
    Ok(())
}
