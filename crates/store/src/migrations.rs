use diesel::migration::MigrationSource;
use diesel::pg::Pg;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::AsyncPgConnection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::StoreError;
use crate::pool::{connection_target, establish, DatabaseConfig};

const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

/// Serialises concurrent migrators of one database (two servers starting at
/// once); the number is arbitrary but fixed.
const MIGRATION_LOCK: i64 = 0x6b61_7461_6c6f_6f70;

/// Applies every pending migration, as the owner role, and returns the
/// versions that ran (empty when the database was already current).
pub async fn run_migrations(config: &DatabaseConfig) -> Result<Vec<String>, StoreError> {
    with_harness(config, |harness| {
        harness
            .batch_execute_lock()
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        let ran = harness
            .run_pending_migrations(MIGRATIONS)
            .map(|versions| versions.iter().map(|v| v.to_string()).collect())
            .map_err(|e| StoreError::Migration(e.to_string()));
        harness
            .batch_execute_unlock()
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        ran
    })
    .await
}

/// The versions of migrations that the database has not applied yet.
pub async fn pending_migrations(config: &DatabaseConfig) -> Result<Vec<String>, StoreError> {
    with_harness(config, |harness| {
        harness
            .pending_migrations(MIGRATIONS)
            .map(|list| {
                list.iter()
                    .map(|m| m.name().version().to_string())
                    .collect()
            })
            .map_err(|e| StoreError::Migration(e.to_string()))
    })
    .await
}

/// Every migration this build knows, oldest first.
pub fn known_migrations() -> Vec<String> {
    MigrationSource::<Pg>::migrations(&MIGRATIONS)
        .map(|list| {
            list.iter()
                .map(|m| m.name().version().to_string())
                .collect()
        })
        .unwrap_or_default()
}

type Harness = AsyncConnectionWrapper<AsyncPgConnection>;

trait Lock {
    fn batch_execute_lock(&mut self) -> diesel::QueryResult<()>;
    fn batch_execute_unlock(&mut self) -> diesel::QueryResult<()>;
}

impl Lock for Harness {
    fn batch_execute_lock(&mut self) -> diesel::QueryResult<()> {
        use diesel::connection::SimpleConnection;
        self.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
    }
    fn batch_execute_unlock(&mut self) -> diesel::QueryResult<()> {
        use diesel::connection::SimpleConnection;
        self.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
    }
}

/// The harness is synchronous and blocks on the runtime, so it runs on the
/// blocking pool (it would panic on a current-thread executor otherwise).
async fn with_harness<R, F>(config: &DatabaseConfig, work: F) -> Result<R, StoreError>
where
    F: FnOnce(&mut Harness) -> Result<R, StoreError> + Send + 'static,
    R: Send + 'static,
{
    let target = connection_target(config)?;
    let conn = establish(&target.url, target.tls, target.statement_cache)
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
    tokio::task::spawn_blocking(move || {
        let mut harness = Harness::from(conn);
        work(&mut harness)
    })
    .await
    .map_err(|e| StoreError::Migration(format!("migration task failed: {e}")))?
}
