//! The fallback used where no PostgreSQL server runs: a private cluster from
//! the system's binaries, migrated, reachable as the runtime role, and gone
//! (process stopped, directory removed) once stopped.

use kataloop_store::{run_migrations, DatabaseConfig};
use kataloop_testkit::Cluster;

#[tokio::test(flavor = "multi_thread")]
async fn a_throwaway_cluster_starts_migrates_and_stops_cleanly() {
    let cluster = Cluster::start_throwaway().expect("initdb/pg_ctl should be installed");
    assert!(cluster.is_throwaway());
    let dir = cluster.throwaway_dir().unwrap().to_path_buf();
    assert!(cluster.answers());

    let client = cluster.admin_client("postgres").await.unwrap();
    client
        .batch_execute("CREATE DATABASE kataloop_probe")
        .await
        .unwrap();
    let ran = run_migrations(&DatabaseConfig::new(
        cluster.admin_url_for("kataloop_probe"),
    ))
    .await
    .unwrap();
    assert_eq!(ran.len(), kataloop_store::known_migrations().len());
    drop(client);

    cluster.stop().unwrap();
    assert!(!cluster.answers(), "the server still answers after stop");
    assert!(!dir.exists(), "the data directory was left behind");
}
