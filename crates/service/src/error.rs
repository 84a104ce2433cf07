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
    /// The system's random number generator failed.
    #[error("the system random number generator failed")]
    Random,
}
