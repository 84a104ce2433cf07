use std::fmt;

use kataloop_tenancy::TeamId;
use serde::{Deserialize, Serialize};

/// Errors of the aggregation model. None of them carries personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemesError {
    /// A theme slug outside `[a-z0-9_]{1,64}`.
    #[error("invalid theme slug: use 1 to 64 lowercase letters, digits or underscores")]
    InvalidSlug,
    /// The same ride was recorded twice.
    #[error("this ride is already counted")]
    DuplicateRide,
    /// A sentiment or confidence outside its range, or not a number.
    #[error("{what} must be a number in {range}")]
    OutOfRange {
        what: &'static str,
        range: &'static str,
    },
}

/// A theme's stable slug (`workload`, `process`, ...).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ThemeSlug(String);

impl ThemeSlug {
    /// Validates a slug.
    pub fn new(slug: &str) -> Result<Self, ThemesError> {
        let ok = (1..=64).contains(&slug.len())
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(Self(slug.to_owned()))
        } else {
            Err(ThemesError::InvalidSlug)
        }
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ThemeSlug {
    type Error = ThemesError;
    fn try_from(s: String) -> Result<Self, ThemesError> {
        Self::new(&s)
    }
}

impl From<ThemeSlug> for String {
    fn from(s: ThemeSlug) -> String {
        s.0
    }
}

impl fmt::Debug for ThemeSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ThemeSlug({})", self.0)
    }
}

impl fmt::Display for ThemeSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whom a cell describes: the whole tenant, or one team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Scope {
    /// The whole tenant (the parent of every team).
    Tenant,
    /// One team.
    Team(TeamId),
}

/// One cell: a theme within a scope.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CellKey {
    /// Tenant or team.
    pub scope: Scope,
    /// The theme.
    pub theme: ThemeSlug,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_validated() {
        assert!(ThemeSlug::new("work_life_balance").is_ok());
        for bad in ["", "Workload", "work-load", "work load", &"a".repeat(65)] {
            assert_eq!(ThemeSlug::new(bad), Err(ThemesError::InvalidSlug));
        }
    }
}
