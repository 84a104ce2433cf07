//! Each identifier column has its own SQL type, so a query that compares a
//! ride id column with a tenant id does not compile. On the wire they are all
//! plain `uuid` (oid 2950).
//!
//! The id types live in `kataloop-tenancy`, which knows nothing of diesel, so
//! the store binds them through private wrappers (`DbTenantId`, ...): write
//! `rides::id.eq(db(ride_id))`; `db` picks the wrapper of the id's own kind.

use std::io::Write;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Uuid as UuidSql;
use kataloop_tenancy::{ParticipantId, ReleaseId, RideId, TeamId, TenantId, ThemeId};
use uuid::Uuid;

/// The SQL types of the id columns, referenced from `schema.rs`.
pub mod sql {
    macro_rules! id_sql_type {
        ($($name:ident),*) => {$(
            /// A `uuid` column that holds one kind of identifier only.
            #[derive(Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId)]
            #[diesel(postgres_type(oid = 2950, array_oid = 2951))]
            pub struct $name;
        )*};
    }
    id_sql_type!(
        TenantIdSql,
        TeamIdSql,
        ParticipantIdSql,
        RideIdSql,
        ThemeIdSql,
        ReleaseIdSql,
        TokenIdSql,
        ResponseIdSql
    );
}

/// Turns a domain id into the wrapper that binds to its own column type.
pub trait ToDb: Copy {
    type Db;
    fn to_db(self) -> Self::Db;
}

/// `db(id)`: the bindable form of any id (or optional id).
pub fn db<T: ToDb>(id: T) -> T::Db {
    id.to_db()
}

impl<T: ToDb> ToDb for Option<T> {
    type Db = Option<T::Db>;
    fn to_db(self) -> Self::Db {
        self.map(ToDb::to_db)
    }
}

macro_rules! db_id {
    ($wrapper:ident, $id:ty, $sql:ty) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
        #[diesel(sql_type = $sql)]
        pub struct $wrapper(pub $id);

        impl ToSql<$sql, Pg> for $wrapper {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.0.as_uuid().as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl FromSql<$sql, Pg> for $wrapper {
            fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
                let uuid = <Uuid as FromSql<UuidSql, Pg>>::from_sql(value)?;
                Ok($wrapper(<$id>::from_uuid(uuid)))
            }
        }

        impl From<$wrapper> for $id {
            fn from(w: $wrapper) -> $id {
                w.0
            }
        }

        impl ToDb for $id {
            type Db = $wrapper;
            fn to_db(self) -> $wrapper {
                $wrapper(self)
            }
        }
    };
}

db_id!(DbTenantId, TenantId, sql::TenantIdSql);
db_id!(DbTeamId, TeamId, sql::TeamIdSql);
db_id!(DbParticipantId, ParticipantId, sql::ParticipantIdSql);
db_id!(DbRideId, RideId, sql::RideIdSql);
db_id!(DbThemeId, ThemeId, sql::ThemeIdSql);
db_id!(DbReleaseId, ReleaseId, sql::ReleaseIdSql);
