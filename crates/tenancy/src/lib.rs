//! Who a row belongs to, and the validated facts about a tenant.
//!
//! Every identifier is its own type (`TenantId`, `TeamId`, `ParticipantId`,
//! `RideId`, `ThemeId`): passing a `RideId` where a `TenantId` is expected does
//! not compile. Tenant settings (`KAnonymity`, `DataRegion`) and attributes
//! (`Domain`, `DisplayName`) can only be built through validating constructors,
//! so a value of these types is always valid.
#![forbid(unsafe_code)]

mod ids;
mod settings;
mod text;

pub use ids::{IdParseError, ParticipantId, ReleaseId, RideId, TeamId, TenantId, ThemeId};
pub use settings::{DataRegion, KAnonymity, SettingsError, TenantSettings};
pub use text::{DisplayName, Domain, TextError};

/// Identifier types do not mix. The positive control compiles:
///
/// ```
/// use kataloop_tenancy::TenantId;
/// fn wants_tenant(_: TenantId) {}
/// wants_tenant(TenantId::random());
/// ```
///
/// and the same call with a `RideId` does not:
///
/// ```compile_fail,E0308
/// use kataloop_tenancy::{RideId, TenantId};
/// fn wants_tenant(_: TenantId) {}
/// wants_tenant(RideId::random());
/// ```
///
/// nor does comparing two kinds of id:
///
/// ```compile_fail,E0308
/// use kataloop_tenancy::{TeamId, TenantId};
/// let same = TenantId::random() == TeamId::random();
/// ```
#[doc(hidden)]
pub mod compile_checks {}
