use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a tenant setting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// k below the product's floor.
    #[error("k must be at least {min}, got {got}")]
    KTooSmall { min: u16, got: u64 },
    /// k above what the product supports.
    #[error("k must be at most {max}, got {got}")]
    KTooLarge { max: u16, got: u64 },
    /// Lowering k after rides exist would reveal cells released under the old k
    /// (guarantee 8).
    #[error("k can no longer be lowered (from {current} to {requested}): the tenant already holds rides")]
    KLoweringRefused { current: u16, requested: u16 },
    /// A region name outside `[a-z0-9-]{1,32}`.
    #[error("invalid data region: use 1 to 32 lowercase letters, digits or hyphens, such as eu-central-1")]
    InvalidRegion,
}

/// The k of k-anonymity: how many distinct participants must stand behind
/// anything a manager sees. Never below 3; 5 unless the tenant raised it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u16")]
pub struct KAnonymity(u16);

impl KAnonymity {
    /// The floor the product never goes below.
    pub const MIN: u16 = 3;
    /// A generous ceiling: beyond it no team would ever see anything.
    pub const MAX: u16 = 1000;
    /// What a new tenant gets.
    pub const DEFAULT: KAnonymity = KAnonymity(5);

    /// Validates a requested k.
    pub fn new(k: u64) -> Result<Self, SettingsError> {
        if k < u64::from(Self::MIN) {
            return Err(SettingsError::KTooSmall {
                min: Self::MIN,
                got: k,
            });
        }
        if k > u64::from(Self::MAX) {
            return Err(SettingsError::KTooLarge {
                max: Self::MAX,
                got: k,
            });
        }
        Ok(Self(k as u16))
    }

    /// The threshold as a number.
    pub const fn get(self) -> u16 {
        self.0
    }

    /// Decides whether the tenant may move from `self` to `requested`
    /// (guarantee 8): raising is always allowed, lowering only while the tenant
    /// holds no ride.
    pub fn change_to(
        self,
        requested: KAnonymity,
        tenant_holds_rides: bool,
    ) -> Result<KAnonymity, SettingsError> {
        if requested < self && tenant_holds_rides {
            return Err(SettingsError::KLoweringRefused {
                current: self.0,
                requested: requested.0,
            });
        }
        Ok(requested)
    }
}

impl Default for KAnonymity {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<u64> for KAnonymity {
    type Error = SettingsError;
    fn try_from(k: u64) -> Result<Self, Self::Error> {
        Self::new(k)
    }
}

impl From<KAnonymity> for u16 {
    fn from(k: KAnonymity) -> u16 {
        k.0
    }
}

impl fmt::Debug for KAnonymity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "k={}", self.0)
    }
}

impl fmt::Display for KAnonymity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Where a tenant's data lives (a name such as `us-east-1` that the deployment
/// maps to a database).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DataRegion(String);

impl DataRegion {
    /// The region of a tenant created without one.
    pub const DEFAULT_NAME: &'static str = "us-east-1";

    /// Validates a region name.
    pub fn new(name: &str) -> Result<Self, SettingsError> {
        let ok = (1..=32).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(Self(name.to_owned()))
        } else {
            Err(SettingsError::InvalidRegion)
        }
    }

    /// The region's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for DataRegion {
    fn default() -> Self {
        Self(Self::DEFAULT_NAME.to_owned())
    }
}

impl TryFrom<String> for DataRegion {
    type Error = SettingsError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<DataRegion> for String {
    fn from(r: DataRegion) -> String {
        r.0
    }
}

impl fmt::Debug for DataRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DataRegion({})", self.0)
    }
}

impl fmt::Display for DataRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A tenant's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TenantSettings {
    /// The k-anonymity threshold.
    pub k: KAnonymity,
    /// Where the tenant's data lives.
    pub region: DataRegion,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn default_k_is_five() {
        assert_eq!(KAnonymity::default().get(), 5);
        assert_eq!(TenantSettings::default().k.get(), 5);
        assert_eq!(TenantSettings::default().region.as_str(), "us-east-1");
    }

    #[test]
    fn k_below_three_is_refused() {
        assert_eq!(
            KAnonymity::new(2),
            Err(SettingsError::KTooSmall { min: 3, got: 2 })
        );
        assert!(KAnonymity::new(0).is_err());
        assert_eq!(KAnonymity::new(3).unwrap().get(), 3);
    }

    #[test]
    fn huge_k_is_refused_not_truncated() {
        assert!(matches!(
            KAnonymity::new(u64::from(u16::MAX) + 5),
            Err(SettingsError::KTooLarge { .. })
        ));
    }

    #[test]
    fn regions_are_validated() {
        assert!(DataRegion::new("eu-central-1").is_ok());
        for bad in ["", "EU", "eu central", "eu_central", &"a".repeat(33)] {
            assert_eq!(DataRegion::new(bad), Err(SettingsError::InvalidRegion));
        }
    }

    proptest! {
        /// Guarantee 8: k can always be raised; it can be lowered only while the
        /// tenant holds no ride, and it never falls below 3.
        #[test]
        fn k_changes_follow_guarantee_8(current in 3u64..50, requested in 0u64..60, holds_rides: bool) {
            let current = KAnonymity::new(current).unwrap();
            match KAnonymity::new(requested) {
                Err(_) => prop_assert!(!(3..=1000).contains(&requested)),
                Ok(req) => {
                    let outcome = current.change_to(req, holds_rides);
                    if req < current && holds_rides {
                        prop_assert!(outcome.is_err());
                    } else {
                        prop_assert_eq!(outcome, Ok(req));
                    }
                }
            }
        }
    }
}
