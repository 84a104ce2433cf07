use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a domain or a display name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Not a lowercase DNS name with at least two labels.
    #[error("invalid domain: expected a DNS name such as acme.com (letters, digits, hyphens; at least two labels; at most 253 characters)")]
    InvalidDomain,
    /// A name that is empty after trimming.
    #[error("name must not be empty")]
    EmptyName,
    /// A name longer than the limit.
    #[error("name must be at most {max} characters, got {got}")]
    NameTooLong { max: usize, got: usize },
    /// A name containing control characters.
    #[error("name must not contain control characters")]
    ControlCharacter,
}

/// A company's e-mail/DNS domain (`acme.com`), stored lowercase. One domain
/// belongs to at most one tenant.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Domain(String);

impl Domain {
    /// Validates and lowercases a domain. Surrounding whitespace and one
    /// trailing dot are dropped; internationalised names must be given in
    /// their ASCII (punycode, `xn--`) form.
    pub fn new(raw: &str) -> Result<Self, TextError> {
        let trimmed = raw.trim();
        let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
        let lower = trimmed.to_ascii_lowercase();
        if lower.is_empty() || lower.len() > 253 {
            return Err(TextError::InvalidDomain);
        }
        let labels: Vec<&str> = lower.split('.').collect();
        if labels.len() < 2 {
            return Err(TextError::InvalidDomain);
        }
        let label_ok = |l: &&str| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        if !labels.iter().all(label_ok) {
            return Err(TextError::InvalidDomain);
        }
        // A top-level domain is never all digits (that would be an IP address).
        let tld = labels[labels.len() - 1];
        if tld.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TextError::InvalidDomain);
        }
        Ok(Self(lower))
    }

    /// The domain, lowercase.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Domain {
    type Error = TextError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<Domain> for String {
    fn from(d: Domain) -> String {
        d.0
    }
}

impl fmt::Debug for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Domain({})", self.0)
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A human-readable name of a tenant or team: trimmed, 1 to 100 characters,
/// no control characters.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DisplayName(String);

impl DisplayName {
    /// The longest name accepted, in characters.
    pub const MAX_CHARS: usize = 100;

    /// Validates a name.
    pub fn new(raw: &str) -> Result<Self, TextError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(TextError::EmptyName);
        }
        let chars = trimmed.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(TextError::NameTooLong {
                max: Self::MAX_CHARS,
                got: chars,
            });
        }
        if trimmed.chars().any(char::is_control) {
            return Err(TextError::ControlCharacter);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DisplayName {
    type Error = TextError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<DisplayName> for String {
    fn from(n: DisplayName) -> String {
        n.0
    }
}

impl fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DisplayName({:?})", self.0)
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn domains_are_normalised() {
        assert_eq!(Domain::new(" Acme.COM. ").unwrap().as_str(), "acme.com");
        assert_eq!(
            Domain::new("xn--bcher-kva.example").unwrap().as_str(),
            "xn--bcher-kva.example"
        );
    }

    #[test]
    fn malformed_domains_are_refused() {
        for bad in [
            "",
            "acme",
            "acme..com",
            "-acme.com",
            "acme-.com",
            "ac me.com",
            "acme.com/x",
            "user@acme.com",
            "10.0.0.1",
            "bücher.de",
            &format!("{}.com", "a".repeat(64)),
        ] {
            assert_eq!(Domain::new(bad), Err(TextError::InvalidDomain), "{bad:?}");
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            DisplayName::new("  Platform  ").unwrap().as_str(),
            "Platform"
        );
        assert_eq!(DisplayName::new("   "), Err(TextError::EmptyName));
        assert_eq!(
            DisplayName::new(&"é".repeat(101)),
            Err(TextError::NameTooLong { max: 100, got: 101 })
        );
        assert!(DisplayName::new(&"é".repeat(100)).is_ok());
        assert_eq!(
            DisplayName::new("a\u{0}b"),
            Err(TextError::ControlCharacter)
        );
    }

    proptest! {
        /// Validation never panics, and whatever it accepts is accepted again
        /// unchanged (normalisation is idempotent).
        #[test]
        fn validation_is_total_and_idempotent(s in "\\PC{0,80}|[a-zA-Z0-9.-]{0,80}") {
            if let Ok(d) = Domain::new(&s) {
                prop_assert_eq!(Domain::new(d.as_str()).unwrap(), d);
            }
            if let Ok(n) = DisplayName::new(&s) {
                prop_assert_eq!(DisplayName::new(n.as_str()).unwrap(), n);
            }
        }
    }
}
