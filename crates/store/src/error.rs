use kataloop_tenancy::{SettingsError, TextError};

/// What went wrong in the store. Messages never contain row contents, only
/// which constraint or operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be reached, or a connection could not be made.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The database URL or TLS settings are unusable.
    #[error("invalid database configuration: {0}")]
    Config(String),
    /// The runtime role may bypass row-level security; refusing to run.
    #[error("refusing to run as database role {role:?}: it is a superuser, has BYPASSRLS or owns tenant tables, so row-level security would not protect tenants")]
    PrivilegedRole { role: String },
    /// A unique constraint rejected the write (for example a domain that is
    /// already taken).
    #[error("already exists: {what}")]
    AlreadyExists { what: &'static str },
    /// A referenced row does not exist for this tenant.
    #[error("not found: {what}")]
    NotFound { what: &'static str },
    /// The database refused the write: a check constraint, a foreign key to
    /// another tenant's row, or row-level security.
    #[error("write refused by the database: {0}")]
    Refused(&'static str),
    /// A settings change the product's rules refuse (such as lowering k once
    /// rides exist).
    #[error(transparent)]
    Settings(SettingsError),
    /// Stored data did not pass domain validation.
    #[error("invalid stored value: {0}")]
    InvalidData(String),
    /// Migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// Any other database error. The message comes from PostgreSQL and names
    /// no row values (the store never interpolates values into SQL).
    #[error("database error: {0}")]
    Database(String),
}

impl From<diesel::result::Error> for StoreError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::DatabaseErrorKind as K;
        use diesel::result::Error as E;
        match e {
            E::NotFound => StoreError::NotFound { what: "row" },
            E::DatabaseError(K::UniqueViolation, _) => StoreError::AlreadyExists {
                what: "row with that key",
            },
            E::DatabaseError(K::ForeignKeyViolation, _) => StoreError::NotFound {
                what: "referenced row",
            },
            E::DatabaseError(K::CheckViolation, _) => StoreError::Refused("a check constraint"),
            E::DatabaseError(K::ClosedConnection, _) => {
                StoreError::Unavailable("connection closed".into())
            }
            E::DatabaseError(_, info) => {
                let msg = info.message();
                if msg.contains("row-level security") {
                    StoreError::Refused("row-level security")
                } else if msg.contains("permission denied") {
                    StoreError::Refused("missing privilege")
                } else {
                    StoreError::Database(msg.to_owned())
                }
            }
            other => StoreError::Database(other.to_string()),
        }
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for StoreError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        StoreError::Unavailable(e.to_string())
    }
}

impl From<SettingsError> for StoreError {
    fn from(e: SettingsError) -> Self {
        StoreError::InvalidData(e.to_string())
    }
}

impl From<TextError> for StoreError {
    fn from(e: TextError) -> Self {
        StoreError::InvalidData(e.to_string())
    }
}

/// Names a unique violation on `constraint` as [`StoreError::AlreadyExists`]
/// with a readable subject; every other error converts as usual.
pub(crate) fn unique_violation_on(
    e: diesel::result::Error,
    constraint: &str,
    what: &'static str,
) -> StoreError {
    use diesel::result::{DatabaseErrorKind, Error};
    if let Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) = &e {
        if info.constraint_name() == Some(constraint) {
            return StoreError::AlreadyExists { what };
        }
    }
    StoreError::from(e)
}
