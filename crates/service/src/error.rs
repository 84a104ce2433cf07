use kataloop_store::StoreError;

/// Why a use case failed. Messages carry no personal data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServiceError {
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Stored data that the domain rules reject (a bug or tampering).
    #[error("inconsistent stored data: {0}")]
    Inconsistent(String),
    /// Encryption, decryption or key handling failed.
    #[error(transparent)]
    Crypto(#[from] kataloop_crypto::CryptoError),
    /// The tenant has no key material (never created, or shredded).
    #[error("the tenant has no keys")]
    NoKeys,
    /// Old key versions cannot be retired while rides still use them.
    #[error("{count} rides are still sealed under older key versions: re-wrap them first")]
    RidesUnderOldKeys { count: u64 },
    /// The operator's request is not valid (a message says why).
    #[error("{0}")]
    Invalid(String),
    /// The system's random number generator failed.
    #[error("the system random number generator failed")]
    Random,
}
