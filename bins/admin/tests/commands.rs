//! Every operator command end to end through the binary, against a real
//! database, including bad input: each refusal is a clear message and exit
//! code 1 (2 for usage errors), and nothing is half-written.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;

use kataloop_analysis::Turn;
use kataloop_crypto::MasterKey;
use kataloop_pseudonymity::HashingPool;
use kataloop_service::submission::Pipeline;
use kataloop_testkit::TestDatabase;
use serde_json::Value;

struct Admin {
    db: TestDatabase,
    key: PathBuf,
    dir: PathBuf,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(self.stdout.trim()).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

impl Admin {
    async fn new() -> Admin {
        let db = TestDatabase::new().await;
        let dir = std::env::temp_dir().join(format!("kataloop-admin-{}", uuid_like()));
        std::fs::create_dir_all(&dir).unwrap();
        let key = dir.join("master.key");
        Admin { db, key, dir }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, "")
    }

    fn run_with(&self, args: &[&str], stdin: &str) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kataloop-admin"))
            .args(args)
            .env("DATABASE_URL", self.db.owner_url())
            .env("KATALOOP_MASTER_KEY_FILE", &self.key)
            .env("KATALOOP_OPERATOR", "test-operator")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn ok(&self, args: &[&str]) -> Value {
        let run = self.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.json()
    }

    fn fails(&self, args: &[&str], message: &str) {
        let run = self.run(args);
        assert_eq!(
            run.code, 1,
            "{args:?} should fail: {} {}",
            run.stdout, run.stderr
        );
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in {:?}",
            run.stderr
        );
    }
}

impl Drop for Admin {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn uuid_like() -> String {
    kataloop_tenancy::TenantId::random().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_init_writes_a_0600_file_once_and_bad_files_are_refused() {
    let admin = Admin::new().await;
    admin.ok(&["--json", "keys", "init"]);
    let mode = std::fs::metadata(&admin.key).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    admin.fails(&["keys", "init"], "master key");

    // A key readable by others is refused, and so is a missing one.
    std::fs::set_permissions(&admin.key, std::fs::Permissions::from_mode(0o644)).unwrap();
    admin.fails(
        &["tenant", "create", "--name", "Acme", "--domain", "acme.com"],
        "master key",
    );
    std::fs::remove_file(&admin.key).unwrap();
    admin.fails(
        &["tenant", "create", "--name", "Acme", "--domain", "acme.com"],
        "master key",
    );
    let listed = admin.ok(&["--json", "tenant", "list"]);
    assert_eq!(
        listed["tenants"].as_array().unwrap().len(),
        0,
        "nothing half-written"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn tenants_teams_k_and_bad_input() {
    let admin = Admin::new().await;
    admin.ok(&["--json", "keys", "init"]);
    let created = admin.ok(&[
        "--json", "tenant", "create", "--name", "Acme", "--domain", "acme.com", "--k", "6",
    ]);
    let tenant = created["tenant_id"].as_str().unwrap().to_owned();
    let shown = admin.ok(&["--json", "tenant", "show", &tenant]);
    assert_eq!(
        (shown["domain"].as_str(), shown["k"].as_u64()),
        (Some("acme.com"), Some(6))
    );

    admin.fails(
        &[
            "tenant", "create", "--name", "Other", "--domain", "ACME.com",
        ],
        "already exists",
    );
    admin.fails(
        &[
            "tenant",
            "create",
            "--name",
            "Bad",
            "--domain",
            "not a domain",
        ],
        "invalid domain",
    );
    admin.fails(
        &[
            "tenant",
            "create",
            "--name",
            "Low",
            "--domain",
            "low.example",
            "--k",
            "2",
        ],
        "k must be at least 3",
    );
    admin.fails(&["tenant", "show", "not-a-uuid"], "invalid tenant id");
    admin.fails(&["tenant", "show", &uuid_like()], "not found");
    assert_eq!(
        admin.ok(&["--json", "tenant", "list"])["tenants"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let team = admin.ok(&[
        "--json", "team", "create", "--tenant", &tenant, "--name", "Platform",
    ]);
    assert!(team["team_id"].is_string());
    admin.fails(
        &["team", "create", "--tenant", &tenant, "--name", "Platform"],
        "already exists",
    );
    admin.fails(
        &["team", "create", "--tenant", &uuid_like(), "--name", "X"],
        "not found",
    );
    assert_eq!(
        admin.ok(&["--json", "team", "list", "--tenant", &tenant])["teams"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // k: lowering works before rides, not after (guarantee 8).
    assert_eq!(
        admin.ok(&["--json", "tenant", "set-k", &tenant, "5"])["k"],
        5
    );
    let kek = Arc::new(MasterKey::load_file(&admin.key).unwrap());
    let pipeline = Pipeline::with_test_cost(kek, HashingPool::new(1, 8).unwrap());
    pipeline
        .submit(
            &admin.db.app_store(),
            tenant.parse().unwrap(),
            "emp-1",
            None,
            &[Turn::employee("the build is slow")],
        )
        .await
        .unwrap();
    admin.fails(
        &["tenant", "set-k", &tenant, "4"],
        "can no longer be lowered",
    );
    assert_eq!(
        admin.ok(&["--json", "tenant", "set-k", &tenant, "7"])["k"],
        7
    );

    // Usage errors exit 2.
    assert_eq!(admin.run(&["tenant", "create", "--name", "x"]).code, 2);
    assert_eq!(admin.run(&["no-such-command"]).code, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn releases_exports_keys_erasure_and_the_audit_chain() {
    let admin = Admin::new().await;
    admin.ok(&["--json", "keys", "init"]);
    let tenant = admin.ok(&[
        "--json", "tenant", "create", "--name", "Acme", "--domain", "acme.com",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let kek = Arc::new(MasterKey::load_file(&admin.key).unwrap());
    let pipeline = Pipeline::with_test_cost(kek, HashingPool::new(2, 16).unwrap());
    for i in 0..6 {
        pipeline
            .submit(
                &admin.db.app_store(),
                tenant.parse().unwrap(),
                &format!("emp-{i}"),
                None,
                &[Turn::employee(
                    "Every purchase needs four approvals and nobody reads the requests",
                )],
            )
            .await
            .unwrap();
    }
    let release = admin.ok(&["--json", "themes", "release", "--tenant", &tenant]);
    assert!(release["visible_cells"].as_u64().unwrap() >= 1, "{release}");
    let shown = admin.ok(&["--json", "themes", "show", "--tenant", &tenant]);
    assert!(
        shown["themes"][0]["contributor_count"].as_u64().unwrap() >= 5,
        "{shown}"
    );
    let csv = admin.run(&["report", "export", "--tenant", &tenant, "--format", "csv"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(csv
        .stdout
        .starts_with("release_id,released_on,theme_id,slug"));
    assert!(!csv.stdout.contains("emp-"), "no identities in exports");

    // Keys: rotate, re-wrap, retire.
    assert_eq!(
        admin.ok(&["--json", "keys", "rotate", "--tenant", &tenant])["rotated"][0]["version"],
        2
    );
    admin.fails(
        &["keys", "retire", "--tenant", &tenant, "--below", "2"],
        "re-wrap them first",
    );
    let rewrapped = admin.ok(&[
        "--json", "keys", "rewrap", "--tenant", &tenant, "--batch", "4",
    ]);
    assert_eq!(rewrapped["rewrapped"][0]["rewrapped"], 6);
    assert_eq!(rewrapped["rewrapped"][0]["remaining"], 0);
    assert_eq!(
        admin.ok(&["--json", "keys", "retire", "--tenant", &tenant, "--below", "2"])["retired"],
        1
    );

    // The audit log recorded all of it, and verifies.
    let events = admin.ok(&["--json", "audit", "list", "--tenant", &tenant]);
    let actions: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "tenant.create",
            "themes.release",
            "report.export",
            "keys.rotate",
            "keys.rewrap",
            "keys.retire"
        ]
    );
    assert!(events["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["actor"] == "test-operator"));
    assert_eq!(admin.ok(&["--json", "audit", "verify"])["ok"], true);

    // Tampering with a stored event is caught and named.
    let superuser = TestDatabase::raw_client(&admin.db.superuser_url()).await;
    superuser
        .execute(
            "UPDATE audit_events SET actor = 'someone-else' WHERE tenant_id = $1 AND seq = 2",
            &[&tenant.parse::<uuid::Uuid>().unwrap()],
        )
        .await
        .unwrap();
    admin.fails(&["audit", "verify"], &format!("tenant {tenant}, event 2"));

    // Erasure needs confirmation; with --yes the tenant is gone.
    let refused = admin.run_with(&["tenant", "erase", &tenant], "no\n");
    assert_eq!(refused.code, 1);
    admin.ok(&["--json", "tenant", "show", &tenant]);
    admin.ok(&["--json", "tenant", "erase", &tenant, "--yes"]);
    admin.fails(&["tenant", "show", &tenant], "not found");
    let global = admin.ok(&["--json", "audit", "list"]);
    assert_eq!(global["events"][0]["action"], "tenant.erase");
}

#[tokio::test(flavor = "multi_thread")]
async fn analyze_answers_every_line_in_order() {
    let admin = Admin::new().await;
    let input = "{\"id\":\"1\",\"text\":\"We have too many approvals for every tiny change\"}\nbroken\n{\"id\":\"3\",\"text\":\"My manager never listens\"}\n";
    let run = admin.run_with(&["analyze", "--jsonl"], input);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "1");
    assert!(lines[0]["theme"].is_string() && lines[0]["sentiment"].is_number());
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "3");
}

#[tokio::test(flavor = "multi_thread")]
async fn migrate_is_idempotent_and_the_master_key_can_be_replaced() {
    let admin = Admin::new().await;
    // The test database is migrated already: nothing to apply.
    let superuser_migrate = Command::new(env!("CARGO_BIN_EXE_kataloop-admin"))
        .args(["--json", "migrate"])
        .env("DATABASE_URL", admin.db.superuser_url())
        .output()
        .unwrap();
    assert!(superuser_migrate.status.success());
    let applied: Value = serde_json::from_slice(&superuser_migrate.stdout).unwrap();
    assert_eq!(applied["applied"].as_array().unwrap().len(), 0);

    admin.ok(&["--json", "keys", "init"]);
    let tenant = admin.ok(&[
        "--json", "tenant", "create", "--name", "Acme", "--domain", "acme.com",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let new_key = admin.dir.join("new.key");
    admin.ok(&[
        "--json",
        "keys",
        "init",
        "--master-key-file",
        new_key.to_str().unwrap(),
    ]);
    let moved = admin.ok(&[
        "--json",
        "keys",
        "replace-kek",
        "--new-file",
        new_key.to_str().unwrap(),
    ]);
    assert_eq!(
        moved["keys_rewrapped"], 2,
        "the tenant's pepper and data key"
    );
    // The old key no longer opens anything; the new one does.
    let with_old = admin.run(&["themes", "release", "--tenant", &tenant]);
    assert_eq!(with_old.code, 1);
    let with_new = admin.ok(&[
        "--json",
        "themes",
        "release",
        "--tenant",
        &tenant,
        "--master-key-file",
        new_key.to_str().unwrap(),
    ]);
    assert_eq!(with_new["seq"], 1);
    assert_eq!(
        admin.ok(&["--json", "audit", "list"])["events"][0]["action"],
        "keys.replace_kek"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn scheduled_releases_run_once_a_day_from_the_release_hour() {
    let admin = Admin::new().await;
    admin.ok(&["--json", "keys", "init"]);
    let a = admin.ok(&[
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
    let b = admin.ok(&[
        "--json",
        "tenant",
        "create",
        "--name",
        "B",
        "--domain",
        "b.example",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // B releases at 23:00 UTC; A at midnight (the default).
    admin.ok(&["--json", "tenant", "set-release-hour", &b, "23"]);
    admin.fails(&["tenant", "set-release-hour", &b, "24"], "0 to 23");

    let store = admin.db.owner_store();
    let morning = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let night = chrono::DateTime::parse_from_rfc3339("2026-11-27T23:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    use kataloop_service::operations::release_due;
    assert!(release_due(&store, a.parse().unwrap(), morning)
        .await
        .unwrap());
    assert!(!release_due(&store, b.parse().unwrap(), morning)
        .await
        .unwrap());
    assert!(release_due(&store, b.parse().unwrap(), night)
        .await
        .unwrap());

    // `--due` at the current time releases whoever is due, once.
    let day = chrono::Utc::now().date_naive();
    let first = admin.ok(&["--json", "themes", "release", "--due"]);
    let released: Vec<&str> = first["released"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["tenant_id"].as_str().unwrap())
        .collect();
    assert!(
        released.contains(&a.as_str()),
        "A is due every day from midnight"
    );
    let again = admin.ok(&["--json", "themes", "release", "--due"]);
    if chrono::Utc::now().date_naive() != day {
        // Midnight passed between the two runs: a new day, a new release.
        return;
    }
    assert!(
        again["released"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["tenant_id"] != a.as_str()),
        "at most one scheduled release per day"
    );
    assert!(!release_due(&store, a.parse().unwrap(), chrono::Utc::now())
        .await
        .unwrap());
    assert_eq!(
        admin.run(&["themes", "release"]).code,
        2,
        "--tenant or --due is required"
    );
}
