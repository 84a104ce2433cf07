use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The kind of personal information a finding holds. The upper-case labels
/// (`PERSON`, `EMAIL`, ...) are part of the public API: they appear in
/// placeholders (`[PERSON]`) and in the JSONL output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PiiKind {
    /// A person's name (first name, surname or both).
    Person,
    /// An e-mail address.
    Email,
    /// A telephone number or internal extension.
    Phone,
    /// A web address.
    Url,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// A payment card number that passes the Luhn check.
    CreditCard,
    /// An IBAN that passes mod-97 and its country's length.
    Iban,
    /// A US social security number in the valid ranges.
    UsSsn,
    /// An employee number, badge number or staff id.
    EmployeeId,
    /// A date (or year) given as someone's birth date.
    DateOfBirth,
    /// A street address.
    StreetAddress,
    /// A chat or social handle such as `@jsmith`.
    Handle,
    /// A phrase that singles its writer (or someone) out: "the only designer
    /// on the platform team".
    SelfIdentifying,
    /// A tenant-configured term: project codename, small office name.
    Custom,
}

impl PiiKind {
    /// Every kind, in label order of the documentation.
    pub const ALL: [PiiKind; 14] = [
        PiiKind::Person,
        PiiKind::Email,
        PiiKind::Phone,
        PiiKind::Url,
        PiiKind::IpAddress,
        PiiKind::CreditCard,
        PiiKind::Iban,
        PiiKind::UsSsn,
        PiiKind::EmployeeId,
        PiiKind::DateOfBirth,
        PiiKind::StreetAddress,
        PiiKind::Handle,
        PiiKind::SelfIdentifying,
        PiiKind::Custom,
    ];

    /// The public label: `PERSON`, `EMAIL`, `IP_ADDRESS`, ...
    pub fn label(self) -> &'static str {
        match self {
            PiiKind::Person => "PERSON",
            PiiKind::Email => "EMAIL",
            PiiKind::Phone => "PHONE",
            PiiKind::Url => "URL",
            PiiKind::IpAddress => "IP_ADDRESS",
            PiiKind::CreditCard => "CREDIT_CARD",
            PiiKind::Iban => "IBAN",
            PiiKind::UsSsn => "US_SSN",
            PiiKind::EmployeeId => "EMPLOYEE_ID",
            PiiKind::DateOfBirth => "DATE_OF_BIRTH",
            PiiKind::StreetAddress => "STREET_ADDRESS",
            PiiKind::Handle => "HANDLE",
            PiiKind::SelfIdentifying => "SELF_IDENTIFYING",
            PiiKind::Custom => "CUSTOM",
        }
    }

    /// The placeholder that replaces a finding of this kind: `[PERSON]`.
    pub fn placeholder(self) -> &'static str {
        match self {
            PiiKind::Person => "[PERSON]",
            PiiKind::Email => "[EMAIL]",
            PiiKind::Phone => "[PHONE]",
            PiiKind::Url => "[URL]",
            PiiKind::IpAddress => "[IP_ADDRESS]",
            PiiKind::CreditCard => "[CREDIT_CARD]",
            PiiKind::Iban => "[IBAN]",
            PiiKind::UsSsn => "[US_SSN]",
            PiiKind::EmployeeId => "[EMPLOYEE_ID]",
            PiiKind::DateOfBirth => "[DATE_OF_BIRTH]",
            PiiKind::StreetAddress => "[STREET_ADDRESS]",
            PiiKind::Handle => "[HANDLE]",
            PiiKind::SelfIdentifying => "[SELF_IDENTIFYING]",
            PiiKind::Custom => "[CUSTOM]",
        }
    }

    /// Tie-break when two kinds claim the same text with the same score:
    /// the more specific, validated kind wins.
    pub(crate) fn priority(self) -> u8 {
        match self {
            PiiKind::Custom => 14,
            PiiKind::CreditCard => 13,
            PiiKind::Iban => 12,
            PiiKind::UsSsn => 11,
            PiiKind::Email => 10,
            PiiKind::IpAddress => 9,
            PiiKind::Url => 8,
            PiiKind::EmployeeId => 7,
            PiiKind::Phone => 6,
            PiiKind::DateOfBirth => 5,
            PiiKind::StreetAddress => 4,
            PiiKind::Handle => 3,
            PiiKind::SelfIdentifying => 2,
            PiiKind::Person => 1,
        }
    }
}

impl fmt::Display for PiiKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A label that names no kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown PII kind label: {0}")]
pub struct UnknownKind(pub String);

impl FromStr for PiiKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PiiKind::ALL
            .into_iter()
            .find(|k| k.label() == s)
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}
