//! The participant hash: bcrypt over an HMAC of the canonical HR id.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use kataloop_crypto::{hmac_sha256, Pepper, REDACTED};
use zeroize::Zeroizing;

use crate::CanonicalHrId;

/// Lowest bcrypt cost [`HrIdHasher::new`] accepts.
pub const MIN_PRODUCTION_COST: u32 = 10;
/// Cost used when none is configured.
pub const DEFAULT_COST: u32 = 10;
/// Lowest cost bcrypt itself supports; only [`HrIdHasher::new_for_tests`]
/// goes below [`MIN_PRODUCTION_COST`].
pub const MIN_TEST_COST: u32 = 4;
/// Highest cost bcrypt supports.
pub const MAX_COST: u32 = 31;

/// Domain separation of the id HMAC.
const ID_DOMAIN: &[u8] = b"kataloop/hr-id/v1";
/// Domain separation of the per-tenant bcrypt salt.
const SALT_DOMAIN: &[u8] = b"kataloop/bcrypt-salt/v1";

/// Why a hasher could not be built or a hash computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HashError {
    /// `new` refuses costs below [`MIN_PRODUCTION_COST`].
    #[error("bcrypt cost {cost} is below the production minimum {min}")]
    CostTooLow {
        /// The cost asked for.
        cost: u32,
        /// The minimum.
        min: u32,
    },
    /// Outside bcrypt's 4..=31.
    #[error("bcrypt cost {cost} is outside 4..=31")]
    CostOutOfRange {
        /// The cost asked for.
        cost: u32,
    },
    /// bcrypt itself failed (its messages never include the input).
    #[error("bcrypt failed: {reason}")]
    Bcrypt {
        /// bcrypt's description.
        reason: String,
    },
    /// The hashing code panicked (caught by the pool's worker).
    #[error("participant hashing panicked")]
    Panicked,
}

/// A participant's stored hash: a bcrypt string such as `$2b$10$…` (60
/// ASCII characters). Not secret on its own (useless without the pepper), but
/// it links a participant's rows, so `Debug` shows only a short prefix and
/// there is no `Display`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct HashedHrId(String);

impl HashedHrId {
    /// The bcrypt string, for storage.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The bcrypt string, for storage.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The bcrypt cost recorded in the hash, so storage can refuse hashes
    /// made below [`MIN_PRODUCTION_COST`].
    pub fn cost(&self) -> Option<u32> {
        self.0.get(4..6).and_then(|c| c.parse().ok())
    }
}

impl fmt::Debug for HashedHrId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // "$2b$10$" plus four salt characters is enough to tell hashes apart
        // in a debugger without printing a full participant key.
        let prefix = self.0.get(..11).unwrap_or("");
        write!(f, "HashedHrId({prefix}…)")
    }
}

/// Turns canonical HR ids into participant hashes for one tenant.
///
/// `hash = bcrypt(base64(HMAC-SHA256(pepper, "kataloop/hr-id/v1" ||
/// len(u32 BE) || id bytes)), cost, salt)` with `salt` the first 16 bytes of
/// `HMAC-SHA256(pepper, "kataloop/bcrypt-salt/v1")`.
///
/// - Every byte of the id counts: the HMAC covers all of it and bcrypt only
///   sees its 44-character base64 digest, far below bcrypt's 72-byte
///   truncation (guarantee 9).
/// - Deterministic per tenant (fixed salt) so the same person maps to the
///   same participant; unrelated across tenants (different pepper).
/// - Useless without the pepper: bcrypt's cost slows guessing even if the
///   pepper leaks.
///
/// bcrypt is CPU-bound (tens of milliseconds at cost 10): call
/// [`HrIdHasher::hash`] from the [`HashingPool`](crate::HashingPool), never
/// directly on an async executor.
pub struct HrIdHasher {
    pepper: Pepper,
    salt: [u8; 16],
    cost: u32,
}

impl HrIdHasher {
    /// The production constructor. Refuses costs below
    /// [`MIN_PRODUCTION_COST`]. Production code must use this (or
    /// [`HrIdHasher::with_default_cost`]), never `new_for_tests`.
    pub fn new(pepper: Pepper, cost: u32) -> Result<Self, HashError> {
        if cost < MIN_PRODUCTION_COST {
            return Err(HashError::CostTooLow {
                cost,
                min: MIN_PRODUCTION_COST,
            });
        }
        Self::build(pepper, cost)
    }

    /// [`HrIdHasher::new`] at [`DEFAULT_COST`].
    pub fn with_default_cost(pepper: Pepper) -> Result<Self, HashError> {
        Self::new(pepper, DEFAULT_COST)
    }

    /// For tests only: accepts any cost bcrypt supports (4 and up) so tests
    /// run fast. Hashes made this way record their cost, so storage can
    /// refuse them (see [`HashedHrId::cost`]).
    pub fn new_for_tests(pepper: Pepper, cost: u32) -> Result<Self, HashError> {
        Self::build(pepper, cost)
    }

    fn build(pepper: Pepper, cost: u32) -> Result<Self, HashError> {
        if !(MIN_TEST_COST..=MAX_COST).contains(&cost) {
            return Err(HashError::CostOutOfRange { cost });
        }
        let digest = Zeroizing::new(hmac_sha256(pepper.expose_secret(), SALT_DOMAIN));
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&digest[..16]);
        Ok(Self { pepper, salt, cost })
    }

    /// The bcrypt cost in use.
    pub fn cost(&self) -> u32 {
        self.cost
    }

    /// The participant hash of `id`. CPU-bound: see the type's docs.
    pub fn hash(&self, id: &CanonicalHrId) -> Result<HashedHrId, HashError> {
        let bytes = id.expose().as_bytes();
        // CanonicalHrId caps ids at 256 bytes; saturating keeps this total.
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        let mut msg = Zeroizing::new(Vec::with_capacity(ID_DOMAIN.len() + 4 + bytes.len()));
        msg.extend_from_slice(ID_DOMAIN);
        msg.extend_from_slice(&len.to_be_bytes());
        msg.extend_from_slice(bytes);
        let digest = Zeroizing::new(hmac_sha256(self.pepper.expose_secret(), &msg));
        let mut encoded = Zeroizing::new(String::with_capacity(44));
        // A slice, not `*digest`: copying the array out would leave an unwiped
        // copy of the digest on the stack.
        STANDARD.encode_string(digest.as_slice(), &mut encoded);
        let parts =
            bcrypt::hash_with_salt(encoded.as_bytes(), self.cost, self.salt).map_err(|e| {
                HashError::Bcrypt {
                    reason: e.to_string(),
                }
            })?;
        Ok(HashedHrId(parts.format_for_version(bcrypt::Version::TwoB)))
    }
}

impl fmt::Debug for HrIdHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HrIdHasher")
            .field("cost", &self.cost)
            .field("pepper", &format_args!("{REDACTED}"))
            .finish()
    }
}
