//! HR ids in their one canonical spelling.

use std::fmt;

use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// Longest canonical HR id accepted, in UTF-8 bytes.
pub const MAX_HR_ID_BYTES: usize = 256;

/// Longest raw input canonicalised at all, in bytes after trimming. Bounds
/// the normalisation work an oversized request can cause; normalisation
/// never shrinks text by anything close to this factor.
pub const MAX_RAW_HR_ID_BYTES: usize = 16 * MAX_HR_ID_BYTES;

/// Why an HR id was refused. Never carries the id itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HrIdError {
    /// Nothing left after trimming whitespace.
    #[error("HR id must not be empty")]
    Empty,
    /// Contains a NUL character.
    #[error("HR id must not contain NUL characters")]
    ContainsNul,
    /// Longer than the limit after canonicalisation (or far longer before).
    #[error("HR id must be at most {max} bytes after normalisation, got {got}")]
    TooLong {
        /// The limit in bytes.
        max: usize,
        /// The length seen, in bytes.
        got: usize,
    },
}

/// An HR id (employee number, e-mail address...) in canonical form:
/// surrounding Unicode whitespace trimmed, NFKC-normalised, lowercased, and
/// NFKC-normalised again (lowercasing can produce sequences NFKC recomposes),
/// then trimmed again. Ids that differ only in whitespace around them, letter
/// case or Unicode compatibility form are the same participant (guarantee
/// 10).
///
/// Personal data: `Debug` prints `[redacted]`, there is no `Display`, and the
/// text is wiped on drop.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct CanonicalHrId(String);

impl CanonicalHrId {
    /// Canonicalises and validates `raw`.
    pub fn new(raw: &str) -> Result<Self, HrIdError> {
        let trimmed = raw.trim();
        if trimmed.len() > MAX_RAW_HR_ID_BYTES {
            return Err(HrIdError::TooLong {
                max: MAX_HR_ID_BYTES,
                got: trimmed.len(),
            });
        }
        let mut first = trimmed.nfkc().collect::<String>();
        let mut lower = first.to_lowercase();
        first.zeroize();
        let mut second = lower.nfkc().collect::<String>();
        lower.zeroize();
        // NFKC can map compatibility spaces at the edges to plain ones; trim
        // again so canonicalisation is idempotent.
        let canonical = second.trim().to_owned();
        second.zeroize();
        let id = Self(canonical);
        if id.0.is_empty() {
            return Err(HrIdError::Empty);
        }
        if id.0.contains('\0') {
            return Err(HrIdError::ContainsNul);
        }
        if id.0.len() > MAX_HR_ID_BYTES {
            return Err(HrIdError::TooLong {
                max: MAX_HR_ID_BYTES,
                got: id.0.len(),
            });
        }
        Ok(id)
    }

    /// The canonical id. Personal data: hash it, never log or store it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CanonicalHrId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CanonicalHrId({})", kataloop_crypto::REDACTED)
    }
}
