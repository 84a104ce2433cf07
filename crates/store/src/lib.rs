//! Kataloop's repository layer over PostgreSQL: the only crate that knows
//! diesel.
//!
//! Every query on tenant data runs inside a tenant-scoped transaction:
//!
//! ```no_run
//! # async fn demo(store: kataloop_store::Store, tenant: kataloop_tenancy::TenantId)
//! # -> Result<(), kataloop_store::StoreError> {
//! let teams = store
//!     .tenant(tenant)
//!     .transaction(|tx| Box::pin(async move { kataloop_store::teams::list(tx).await }))
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! which runs `BEGIN; SELECT set_config('app.current_tenant_id', $1, true);
//! ...; COMMIT`. Repository functions take the [`TenantTx`] handle, never a
//! connection and never a free `TenantId`, so code cannot query a tenant it
//! did not open a transaction for; PostgreSQL row-level security enforces the
//! same rule a second time.
#![forbid(unsafe_code)]

mod error;
#[doc(hidden)]
pub mod ids;
mod manager;
mod migrations;
mod pool;
#[doc(hidden)]
pub mod schema;
mod status;
mod tenant_tx;

pub mod audit;
pub mod contributions;
pub mod credentials;
pub mod participants;
pub mod releases;
pub mod responses;
pub mod rides;
pub mod teams;
pub mod tenant_keys;
pub mod tenants;
pub mod themes;

pub use error::StoreError;
pub use manager::{ManagerCell, ManagerRelease, ManagerStore};
pub use migrations::{known_migrations, pending_migrations, run_migrations};
pub use pool::{DatabaseConfig, DedicatedConnection, IdleConnectionState, RoleCheck, Store};
pub use tenant_tx::{TenantScope, TenantTx};

/// Id kinds cannot be mixed in queries either. A ride id column compared
/// with a ride id compiles (positive control):
///
/// ```
/// use kataloop_store::__compile_checks::{db, prelude::*, schema::rides};
/// let _query = rides::table.filter(rides::id.eq(db(kataloop_tenancy::RideId::random())));
/// ```
///
/// compared with a tenant id it does not:
///
/// ```compile_fail,E0277
/// use kataloop_store::__compile_checks::{db, prelude::*, schema::rides};
/// let _query = rides::table.filter(rides::id.eq(db(kataloop_tenancy::TenantId::random())));
/// ```
#[doc(hidden)]
pub mod __compile_checks {
    pub use crate::ids::db;
    pub use crate::schema;
    pub use diesel::prelude;
}
