use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A string that is not a valid identifier of the named kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind}: expected a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8")]
pub struct IdParseError {
    /// Which identifier was being parsed (`tenant id`, `team id`, ...).
    pub kind: &'static str,
}

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random (v4) identifier.
            pub fn random() -> Self {
                Self(Uuid::new_v4())
            }

            /// Wraps a UUID that is known to identify this kind of thing.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID behind this identifier.
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0.hyphenated())
            }
        }

        impl FromStr for $name {
            type Err = IdParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // Only the canonical hyphenated form: one spelling per id keeps
                // URLs and logs comparable.
                if s.len() != 36 {
                    return Err(IdParseError { kind: $kind });
                }
                Uuid::try_parse(s)
                    .map(Self)
                    .map_err(|_| IdParseError { kind: $kind })
            }
        }
    };
}

define_id!(
    /// A company using Kataloop. Every tenant row carries it.
    TenantId,
    "tenant id"
);
define_id!(
    /// A team inside one tenant.
    TeamId,
    "team id"
);
define_id!(
    /// One person inside one tenant, known only by a keyed hash of the HR id.
    ParticipantId,
    "participant id"
);
define_id!(
    /// One submitted conversation.
    RideId,
    "ride id"
);
define_id!(
    /// One theme (a cell of the aggregation) inside one tenant.
    ThemeId,
    "theme id"
);
define_id!(
    /// One release: the snapshot managers read for an epoch.
    ReleaseId,
    "release id"
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_canonical_form_and_round_trips() {
        let id = TenantId::random();
        let parsed: TenantId = id.to_string().parse().unwrap();
        assert_eq!(id, parsed);
    }

    #[test]
    fn rejects_non_canonical_forms_with_a_typed_error() {
        for bad in [
            "",
            "not-a-uuid",
            "67e5504410b1426f9247bb680e5fe0c8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "67e55044-10b1-426f-9247-bb680e5fe0cZ",
        ] {
            let err = bad.parse::<RideId>().unwrap_err();
            assert_eq!(err.kind, "ride id", "{bad}");
        }
    }

    proptest! {
        /// Parsing arbitrary text never panics; it yields an id or a typed error.
        #[test]
        fn parsing_arbitrary_text_never_panics(s in ".{0,64}") {
            let _ = s.parse::<TenantId>();
        }
    }
}
