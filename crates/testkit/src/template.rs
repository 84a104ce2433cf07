//! The migrated template database and its per-test clones.

use std::path::Path;

use kataloop_store::{run_migrations, DatabaseConfig};

use crate::cluster::{admin_query, describe, Cluster};
use crate::{APP_LOGIN, LOGIN_PASSWORD, MANAGER_LOGIN, OWNER_LOGIN};

/// Serialises template creation across concurrent test processes.
const TEMPLATE_LOCK: i64 = 0x6b61_7461_7465_6d70;

/// Name of the template for the current migrations: a new migration (or an
/// edited one) makes a new template instead of reusing a stale one.
fn template_name() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for path in files {
        ctx.update(path.to_string_lossy().as_bytes());
        ctx.update(&std::fs::read(&path).unwrap_or_default());
    }
    let digest = ctx.finish();
    let hex: String = digest.as_ref()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("kataloop_template_{hex}")
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else {
                out.push(path);
            }
        }
    }
}

/// Creates the template if missing (once per cluster), then clones it.
pub(crate) async fn clone_fresh(cluster: &Cluster) -> Result<String, String> {
    let template = template_name();
    ensure_template(cluster, &template).await?;
    let name = format!("kataloop_test_{}", uuid::Uuid::new_v4().simple());
    // Cloning fails while another session is connected to the template;
    // clones made in parallel by other tests can briefly count as such.
    let mut delay = std::time::Duration::from_millis(20);
    for attempt in 0.. {
        match admin_query(
            cluster,
            &format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""),
        )
        .await
        {
            Ok(()) => return Ok(name),
            Err(e) if attempt < 40 && e.contains("being accessed by other users") => {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(std::time::Duration::from_millis(500));
            }
            Err(e) => return Err(e),
        }
    }
    unreachable!("the loop returns")
}

async fn ensure_template(cluster: &Cluster, template: &str) -> Result<(), String> {
    let client = cluster.admin_client("postgres").await?;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&TEMPLATE_LOCK])
        .await
        .map_err(|e| describe(&e))?;
    let result = async {
        let exists = client
            .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&template])
            .await
            .map_err(|e| describe(&e))?
            .is_some();
        if exists {
            return Ok(());
        }
        // Leftovers of older migration sets are of no use any more.
        let stale = client
            .query(
                "SELECT datname FROM pg_database \
                 WHERE datname LIKE 'kataloop\\_template\\_%' AND datname <> $1",
                &[&template],
            )
            .await
            .map_err(|e| describe(&e))?;
        for row in stale {
            let old: String = row.get(0);
            let _ = client
                .batch_execute(&format!("ALTER DATABASE \"{old}\" IS_TEMPLATE false"))
                .await;
            let _ = client
                .batch_execute(&format!("DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)"))
                .await;
        }
        let building = format!("{template}_building");
        for sql in [
            format!("DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"),
            format!("CREATE DATABASE \"{building}\""),
        ] {
            client.batch_execute(&sql).await.map_err(|e| describe(&e))?;
        }
        run_migrations(&DatabaseConfig::new(cluster.admin_url_for(&building)))
            .await
            .map_err(|e| format!("migrations failed: {e}"))?;
        ensure_login_roles(&client).await?;
        for sql in [
            format!("ALTER DATABASE \"{building}\" RENAME TO \"{template}\""),
            format!("ALTER DATABASE \"{template}\" IS_TEMPLATE true"),
        ] {
            client.batch_execute(&sql).await.map_err(|e| describe(&e))?;
        }
        Ok(())
    }
    .await;
    let _ = client
        .execute("SELECT pg_advisory_unlock($1)", &[&TEMPLATE_LOCK])
        .await;
    result
}

/// The login roles tests connect as. They hold the product's roles and
/// nothing else: never superuser, never BYPASSRLS.
async fn ensure_login_roles(client: &tokio_postgres::Client) -> Result<(), String> {
    for (login, role) in [
        (APP_LOGIN, "kataloop_app"),
        (MANAGER_LOGIN, "kataloop_manager"),
        (OWNER_LOGIN, "kataloop_owner"),
    ] {
        let sql = format!(
            "DO $$ BEGIN \
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{login}') THEN \
                 CREATE ROLE {login} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{LOGIN_PASSWORD}'; \
               END IF; \
             END $$; \
             GRANT {role} TO {login};"
        );
        client.batch_execute(&sql).await.map_err(|e| describe(&e))?;
    }
    Ok(())
}

/// Drops a test database. Runs on its own thread with its own runtime, so it
/// works from `Drop` in sync and async tests alike.
pub(crate) fn drop_database(cluster: &Cluster, name: &str) {
    let url = cluster.admin_url_for("postgres");
    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .ok()?;
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
                .await
                .ok()?;
            let driver = tokio::spawn(conn);
            let _ = client.batch_execute(&sql).await;
            drop(client);
            let _ = driver.await;
            Some(())
        })
    })
    .join();
}
