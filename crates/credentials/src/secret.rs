//! Values that must never be printed.

use zeroize::Zeroizing;

/// A bearer token. `Debug` prints a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenString(Zeroizing<String>);

impl TokenString {
    pub(crate) fn new(s: String) -> Self {
        TokenString(Zeroizing::new(s))
    }
    /// The token itself, to hand to its holder.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for TokenString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenString([redacted])")
    }
}

/// An employee's HR id as read from a credential. `Debug` prints a
/// placeholder; the memory is wiped on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct HrIdSecret(Zeroizing<String>);

impl HrIdSecret {
    /// Wraps an HR id (for example one read from a directory by the admin
    /// binary).
    pub fn new(s: impl Into<String>) -> Self {
        HrIdSecret(Zeroizing::new(s.into()))
    }
    /// The raw HR id, for the pseudonymity pipeline only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for HrIdSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HrIdSecret([redacted])")
    }
}
