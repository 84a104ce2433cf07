use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::future::BoxFuture;
use kataloop_tenancy::TenantId;

use crate::error::StoreError;
use crate::pool::Store;

diesel::define_sql_function! {
    /// PostgreSQL's `set_config(name, value, is_local)`.
    fn set_config(name: Text, value: Text, is_local: Bool) -> Text;
}

/// One tenant's side of the store: the only way to reach tenant rows.
#[derive(Debug)]
pub struct TenantScope<'s> {
    store: &'s Store,
    tenant: TenantId,
}

/// An open transaction bound to one tenant. Repository functions take
/// `&mut TenantTx`; the tenant they act for is the one the transaction was
/// opened with, and PostgreSQL's row-level security sees the same tenant.
pub struct TenantTx<'c> {
    conn: &'c mut AsyncPgConnection,
    tenant: TenantId,
}

impl std::fmt::Debug for TenantTx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TenantTx")
            .field("tenant", &self.tenant)
            .finish_non_exhaustive()
    }
}

impl TenantTx<'_> {
    /// The tenant this transaction acts for.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    pub(crate) fn conn(&mut self) -> &mut AsyncPgConnection {
        self.conn
    }
}

/// Keeps the caller's error apart from the database's while diesel drives
/// the transaction.
enum TxError<E> {
    Store(StoreError),
    Caller(E),
}

impl<E> From<diesel::result::Error> for TxError<E> {
    fn from(e: diesel::result::Error) -> Self {
        TxError::Store(StoreError::from(e))
    }
}

impl<'s> TenantScope<'s> {
    pub(crate) fn new(store: &'s Store, tenant: TenantId) -> Self {
        Self { store, tenant }
    }

    /// The tenant this scope opens transactions for.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// Runs `work` in one transaction as this tenant:
    /// `BEGIN; SELECT set_config('app.current_tenant_id', $1, true); work; COMMIT`.
    /// The setting is transaction-local, so it ends with the transaction and
    /// never follows the pooled connection to its next user (guarantee 20).
    /// Returning `Err` rolls everything back.
    pub async fn transaction<R, E, F>(self, work: F) -> Result<R, E>
    where
        F: for<'r, 'c> FnOnce(&'r mut TenantTx<'c>) -> BoxFuture<'r, Result<R, E>> + Send,
        R: Send,
        E: From<StoreError> + Send,
    {
        let tenant = self.tenant;
        let mut conn = self.store.connection().await?;
        let outcome = conn
            .transaction::<R, TxError<E>, _>(async move |conn| {
                diesel::select(set_config(
                    "app.current_tenant_id",
                    tenant.to_string(),
                    true,
                ))
                .execute(conn)
                .await?;
                let mut tx = TenantTx { conn, tenant };
                work(&mut tx).await.map_err(TxError::Caller)
            })
            .await;
        match outcome {
            Ok(value) => Ok(value),
            Err(TxError::Caller(e)) => Err(e),
            Err(TxError::Store(e)) => Err(E::from(e)),
        }
    }
}
