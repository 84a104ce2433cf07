//! Data regions: two databases as two regions. A tenant's rows land only in
//! its region's database, and every command finds the tenant there.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use kataloop_analysis::Turn;
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_service::regions::Regions;
use kataloop_service::submission::Pipeline;
use kataloop_testkit::TestDatabase;
use serde_json::Value;

struct TwoRegions {
    us: TestDatabase,
    eu: TestDatabase,
    dir: PathBuf,
}

impl TwoRegions {
    fn run(&self, args: &[&str]) -> (i32, Value, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_kataloop-admin"))
            .args(args)
            .env("DATABASE_URL", self.us.owner_url())
            .env(
                "KATALOOP_REGION_EU_CENTRAL_1_DATABASE_URL",
                self.eu.owner_url(),
            )
            .env("KATALOOP_MASTER_KEY_FILE", self.dir.join("master.key"))
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let json = serde_json::from_str(stdout.trim()).unwrap_or(Value::Null);
        (
            out.status.code().unwrap_or(-1),
            json,
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn ok(&self, args: &[&str]) -> Value {
        let (code, json, stderr) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        json
    }
}

impl Drop for TwoRegions {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn count(db: &TestDatabase, sql: &str, tenant: &str) -> i64 {
    let client = TestDatabase::raw_client(&db.superuser_url()).await;
    let id: uuid::Uuid = tenant.parse().unwrap();
    client.query_one(sql, &[&id]).await.unwrap().get(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tenants_rows_live_only_in_its_regions_database() {
    let dir = std::env::temp_dir().join(format!(
        "kataloop-regions-{}",
        kataloop_tenancy::TenantId::random()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let w = TwoRegions {
        us: TestDatabase::new().await,
        eu: TestDatabase::new().await,
        dir,
    };
    w.ok(&["--json", "keys", "init"]);
    let a = w.ok(&[
        "--json",
        "tenant",
        "create",
        "--name",
        "A",
        "--domain",
        "a.example",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let b = w.ok(&[
        "--json",
        "tenant",
        "create",
        "--name",
        "B",
        "--domain",
        "b.example",
        "--region",
        "eu-central-1",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (code, _, stderr) = w.run(&[
        "tenant",
        "create",
        "--name",
        "C",
        "--domain",
        "c.example",
        "--region",
        "ap-south-1",
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no database is configured for region ap-south-1"),
        "{stderr}"
    );

    // Commands find each tenant in its own region.
    w.ok(&[
        "--json", "team", "create", "--tenant", &b, "--name", "Platform",
    ]);
    assert_eq!(
        w.ok(&["--json", "tenant", "show", &b])["region"],
        "eu-central-1"
    );
    let listed = w.ok(&["--json", "tenant", "list"]);
    assert_eq!(listed["tenants"].as_array().unwrap().len(), 2);

    // Submissions routed by region.
    let kek = Arc::new(MasterKey::load_file(w.dir.join("master.key")).unwrap());
    let pipeline = Pipeline::with_test_cost(kek, HashingPool::new(1, 8).unwrap());
    let regions = Regions::from_env(
        &w.us.app_url(),
        vec![(
            "KATALOOP_REGION_EU_CENTRAL_1_DATABASE_URL".to_owned(),
            w.eu.app_url(),
        )],
    )
    .unwrap();
    for (tenant, text) in [(&a, "the build is slow"), (&b, "too many approvals")] {
        let (store, _) = regions.locate(tenant.parse().unwrap()).await.unwrap();
        pipeline
            .submit(
                store,
                tenant.parse().unwrap(),
                "emp-1",
                None,
                &[Turn::employee(text)],
            )
            .await
            .unwrap();
    }
    w.ok(&["--json", "themes", "release", "--tenant", &b]);

    for (tenant, home, away) in [(&a, &w.us, &w.eu), (&b, &w.eu, &w.us)] {
        for table in [
            "tenants",
            "tenant_keys",
            "rides",
            "participants",
            "audit_events",
        ] {
            let column = if table == "tenants" {
                "id"
            } else {
                "tenant_id"
            };
            let sql = format!("SELECT count(*) FROM {table} WHERE {column} = $1");
            assert!(
                count(home, &sql, tenant).await > 0,
                "{table} of {tenant} missing at home"
            );
            assert_eq!(
                count(away, &sql, tenant).await,
                0,
                "{table} of {tenant} leaked to the other region"
            );
        }
    }
    assert_eq!(
        count(
            &w.eu,
            "SELECT count(*) FROM releases WHERE tenant_id = $1",
            &b
        )
        .await,
        1
    );
}
