//! `--dev`: the bootstrap against a fresh test database (seeded release
//! with visible themes, working printed tokens, idempotent restart, private
//! key files), and the private cluster's start, reuse and stop.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use axum::http::{Method, StatusCode};
use kataloop_server::dev::postgres::DevCluster;
use kataloop_server::dev::{bootstrap, DevDatabase, DevOptions};
use kataloop_server::hygiene::RateLimit;
use kataloop_server::{router, AppState};
use kataloop_testkit::TestDatabase;

mod common;
use common::{call, conversation};

/// A temp directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "kataloop-{label}-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_bootstrap_seeds_a_visible_release_and_its_tokens_work() {
    let db = TestDatabase::new().await;
    let dir = TempDir::new("dev-bootstrap");
    let database = DevDatabase {
        admin_url: db.superuser_url(),
    };
    let options = DevOptions {
        dir: dir.0.clone(),
        bcrypt_cost: kataloop_pseudonymity::MIN_TEST_COST,
    };
    let setup = bootstrap(&database, &options).await.unwrap();
    assert!(setup.seeded, "the first run seeds the demo tenant");
    assert_eq!(setup.teams.len(), 2);
    assert_eq!(mode(&setup.master_key_file), 0o600);
    assert_eq!(mode(&setup.tls_key), 0o600);
    kataloop_server::serve::tls_config(&setup.tls_cert, &setup.tls_key)
        .expect("the self-signed certificate loads");

    // The printed URLs carry the tokens in the fragment only.
    let base = "https://127.0.0.1:8443";
    let dashboard = setup.dashboard_url(base);
    let invite = setup.invite_url(base);
    assert_eq!(
        dashboard,
        format!("{base}/manager#token={}", setup.manager_token)
    );
    assert_eq!(
        invite,
        format!("{base}/employee#token={}", setup.invite_token)
    );
    let manager_token = dashboard.split_once("#token=").unwrap().1.to_owned();
    let invite_token = invite.split_once("#token=").unwrap().1.to_owned();

    let state = AppState::new(
        setup.app.clone(),
        setup.managers.clone(),
        setup.pipeline.clone(),
        RateLimit::default(),
    );
    let app = router(state);
    let themes = call(
        &app,
        Method::GET,
        "/api/v1/themes",
        Some(&manager_token),
        &[],
        None,
    )
    .await;
    assert_eq!(themes.status, StatusCode::OK);
    let body = themes.json();
    assert!(body["release"]["id"].is_string(), "{body}");
    let visible = body["themes"].as_array().unwrap();
    assert!(
        !visible.is_empty(),
        "the first release shows themes: {body}"
    );
    for theme in visible {
        assert!(theme["contributor_count"].as_u64().unwrap() >= 5, "{theme}");
    }
    // The tools ride (a single employee) stays hidden.
    assert!(
        visible.iter().all(|t| t["slug"] != "tools"),
        "a theme below k is not shown: {body}"
    );

    let ride = call(
        &app,
        Method::POST,
        "/api/v1/rides",
        Some(&invite_token),
        &[],
        Some(conversation("The on-call rota is exhausting")),
    )
    .await;
    assert_eq!(ride.status, StatusCode::CREATED, "{:?}", ride.json());
    assert!(ride.json()["receipt"].is_string());

    // A restart reuses everything and seeds nothing twice.
    let again = bootstrap(&database, &options).await.unwrap();
    assert!(!again.seeded, "a restart does not seed again");
    assert_eq!(again.tenant, setup.tenant);
    assert_eq!(again.teams, setup.teams);
    let themes_again = call(
        &app,
        Method::GET,
        "/api/v1/themes",
        Some(&again.manager_token),
        &[],
        None,
    )
    .await;
    assert_eq!(themes_again.status, StatusCode::OK);
    assert_eq!(
        themes_again.json()["release"]["id"],
        body["release"]["id"],
        "no second release on restart"
    );
}

/// Stops the cluster even when an assertion fails.
struct Stop<'a>(&'a DevCluster);

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        let _ = self.0.stop();
    }
}

#[test]
fn dev_cluster_starts_is_reused_on_restart_and_stops() {
    let dir = TempDir::new("dev-cluster");
    let first = DevCluster::start(&dir.0).unwrap();
    let port = first.port();
    {
        let _stop = Stop(&first);
        assert!(first.is_running());
        assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
    }
    assert!(!first.is_running(), "stop() stops the cluster");

    let second = DevCluster::start(&dir.0).unwrap();
    let _stop = Stop(&second);
    assert!(second.is_running());
    assert_eq!(second.port(), port, "the port is reused on restart");
    assert_eq!(second.data_dir(), first.data_dir());
    second.stop().unwrap();
    assert!(!second.is_running());
}
