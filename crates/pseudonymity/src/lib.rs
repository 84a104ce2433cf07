//! Who a participant is, as far as Kataloop stores it (guarantees 9, 10, 12).
//!
//! - [`CanonicalHrId`]: an HR id in its one canonical spelling (trimmed,
//!   NFKC, lowercased), so variants of one id are one participant.
//! - [`HrIdHasher`]: the tenant-peppered, non-truncating bcrypt hash stored
//!   in place of the id ([`HashedHrId`]).
//! - [`HashingPool`]: bounded dedicated threads for that CPU-bound hash,
//!   refusing with [`PoolError::Busy`] instead of queueing without bound.
//! - [`Alias`]: the "Brave Lion" shown with a ride, drawn fresh from a CSPRNG
//!   and never derived from identity.
#![forbid(unsafe_code)]

mod alias;
mod hasher;
mod hr_id;
mod pool;

pub use alias::{
    adjectives, animals, uniform_index, Alias, AliasError, ADJECTIVES_TXT, ANIMALS_TXT,
};
pub use hasher::{
    HashError, HashedHrId, HrIdHasher, DEFAULT_COST, MAX_COST, MIN_PRODUCTION_COST, MIN_TEST_COST,
};
pub use hr_id::{CanonicalHrId, HrIdError, MAX_HR_ID_BYTES, MAX_RAW_HR_ID_BYTES};
pub use kataloop_crypto::Pepper;
pub use pool::{HashingPool, PendingHash, PoolError};
