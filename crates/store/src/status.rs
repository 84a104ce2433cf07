//! The PostgreSQL enums `ride_status` and `theme_status`.

use std::io::Write;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};

use crate::schema::sql_types;

macro_rules! pg_enum {
    ($(#[$doc:meta])* $name:ident, $sql:ty, { $($(#[$vdoc:meta])* $variant:ident => $label:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
        #[diesel(sql_type = $sql)]
        pub enum $name {
            $($(#[$vdoc])* $variant),*
        }

        impl $name {
            /// The label PostgreSQL stores.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $label),* }
            }
        }

        impl ToSql<$sql, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.as_str().as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl FromSql<$sql, Pg> for $name {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                match bytes.as_bytes() {
                    $(b if b == $label.as_bytes() => Ok(Self::$variant),)*
                    _ => Err(concat!("unknown ", stringify!($name)).into()),
                }
            }
        }
    };
}

pg_enum!(
    /// Where a ride is in its life.
    RideStatus, sql_types::RideStatus, {
        /// Stored, not yet analysed.
        Pending => "pending",
        /// Analysed and counted.
        Processed => "processed",
        /// Erased on request; its content is gone.
        Erased => "erased",
    }
);

pg_enum!(
    /// Whether a theme has been released to managers.
    ThemeStatus, sql_types::ThemeStatus, {
        /// Not yet backed by k distinct participants in a release.
        Pending => "pending",
        /// Released.
        Visible => "visible",
    }
);
