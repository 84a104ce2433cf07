//! Row-level security costs a constant, not a per-row check: for every hot
//! query, `EXPLAIN` as the role that runs it shows the tenant condition as
//! an index condition, and the policy's `app.current_tenant_id()` is
//! evaluated once per statement (an InitPlan), never as a per-row filter.
//! (Benchmark workload 3 measures what that constant costs.)
//!
//! The statements mirror the store's queries on the hot paths: the manager
//! dashboard and the submission path. Test tables are tiny, so sequential
//! scans are switched off for the check: the question is whether the tenant
//! condition *can* drive the index, which a policy evaluated per row would
//! prevent.

use kataloop_testkit::TestDatabase;

mod common;

struct Seeded {
    tenant: String,
    release: String,
    theme: String,
    ride: String,
    participant: String,
}

/// Two tenants with a release each, loaded as the superuser.
async fn seed(db: &TestDatabase) -> Seeded {
    let a = common::create_tenant(db, "plans-a.example").await;
    let b = common::create_tenant(db, "plans-b.example").await;
    let admin = TestDatabase::raw_client(&db.superuser_url()).await;
    for t in [a, b] {
        let t = t.as_uuid();
        admin
            .batch_execute(&format!(
                "INSERT INTO participants (tenant_id, participant_pid, hashed_hr_id)
                   VALUES ('{t}', md5('{t}p')::uuid, 'hash-{t}');
                 INSERT INTO themes (tenant_id, id, slug, name)
                   VALUES ('{t}', md5('{t}th')::uuid, 'workload', 'Workload');
                 INSERT INTO rides (tenant_id, id, participant_pid, session_alias,
                                    conversation_ciphertext, key_version, theme_id)
                   VALUES ('{t}', md5('{t}r')::uuid, md5('{t}p')::uuid, 'Brave Lion',
                           '\\x00', 1, md5('{t}th')::uuid);
                 INSERT INTO theme_contributions (tenant_id, theme_id, participant_pid, first_ride_id)
                   VALUES ('{t}', md5('{t}th')::uuid, md5('{t}p')::uuid, md5('{t}r')::uuid);
                 INSERT INTO releases (tenant_id, id, seq, released_on, k_anonymity)
                   VALUES ('{t}', md5('{t}rel')::uuid, 1, DATE '2026-11-27', 5);
                 INSERT INTO release_cells (tenant_id, release_id, theme_id, visible,
                     contributor_count, sentiment, confidence, name, description,
                     suggested_action, summaries)
                   VALUES ('{t}', md5('{t}rel')::uuid, md5('{t}th')::uuid, true, 5, 0, 0.5,
                           'Workload', '', '', '{{}}');
                 ANALYZE;"
            ))
            .await
            .unwrap();
    }
    let t = a.as_uuid().to_string();
    let row = admin
        .query_one(
            "SELECT md5($1 || 'rel')::uuid::text, md5($1 || 'th')::uuid::text, \
                    md5($1 || 'r')::uuid::text, md5($1 || 'p')::uuid::text",
            &[&t],
        )
        .await
        .unwrap();
    Seeded {
        release: row.get(0),
        theme: row.get(1),
        ride: row.get(2),
        participant: row.get(3),
        tenant: t,
    }
}

/// The plan of `sql` as the login at `url`, inside a transaction scoped to
/// `tenant` as the store opens it.
async fn plan(url: &str, tenant: &str, sql: &str) -> String {
    let client = TestDatabase::raw_client(url).await;
    client.batch_execute("BEGIN").await.unwrap();
    client
        .query(
            "SELECT set_config('app.current_tenant_id', $1, true)",
            &[&tenant],
        )
        .await
        .unwrap();
    client
        .batch_execute("SET LOCAL enable_seqscan = off")
        .await
        .unwrap();
    let rows = client
        .query(&format!("EXPLAIN (COSTS OFF) {sql}"), &[])
        .await
        .unwrap();
    client.batch_execute("ROLLBACK").await.unwrap();
    rows.iter()
        .map(|r| r.get::<_, String>(0))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The two properties, with the plan in the failure message.
fn assert_tenant_indexed(name: &str, plan: &str) {
    let index_cond = plan
        .lines()
        .any(|l| l.contains("Index Cond") && l.contains("tenant_id"));
    assert!(
        index_cond,
        "{name}: the tenant condition is not an index condition\n{plan}"
    );
    let per_row_function = plan.lines().any(|l| {
        let l = l.trim_start();
        (l.starts_with("Filter:") || l.starts_with("Recheck Cond:"))
            && (l.contains("current_tenant_id") || l.contains("current_setting"))
    });
    assert!(
        !per_row_function,
        "{name}: the tenant policy is evaluated per row\n{plan}"
    );
    // The policy is there, evaluated once per statement.
    assert!(
        plan.contains("InitPlan"),
        "{name}: no InitPlan: is row-level security applied?\n{plan}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hot_queries_use_the_tenant_index_and_evaluate_the_policy_once() {
    let db = TestDatabase::new().await;
    let s = seed(&db).await;
    let t = &s.tenant;
    let manager = db.manager_url();
    let app = db.app_url();
    let cases: Vec<(&str, &str, String)> = vec![
        (
            "dashboard: latest release",
            &manager,
            format!("SELECT id FROM releases WHERE tenant_id = '{t}' ORDER BY seq DESC LIMIT 1"),
        ),
        (
            "dashboard: visible cells",
            &manager,
            format!(
                "SELECT c.theme_id, t.slug, c.contributor_count, c.summaries \
                 FROM release_cells c JOIN themes t ON t.tenant_id = c.tenant_id AND t.id = c.theme_id \
                 WHERE c.tenant_id = '{t}' AND c.release_id = '{}' AND c.visible AND t.team_id IS NULL",
                s.release
            ),
        ),
        (
            "submission: participant by keyed hash",
            &app,
            format!(
                "SELECT participant_pid FROM participants \
                 WHERE tenant_id = '{t}' AND hashed_hr_id = 'hash-{t}'"
            ),
        ),
        (
            "submission: theme cell",
            &app,
            format!(
                "SELECT id FROM themes WHERE tenant_id = '{t}' AND slug = 'workload' AND team_id IS NULL"
            ),
        ),
        (
            "submission: contribution of a participant",
            &app,
            format!(
                "SELECT first_ride_id FROM theme_contributions \
                 WHERE tenant_id = '{t}' AND theme_id = '{}' AND participant_pid = '{}'",
                s.theme, s.participant
            ),
        ),
        (
            "ride by id",
            &app,
            format!("SELECT status FROM rides WHERE tenant_id = '{t}' AND id = '{}'", s.ride),
        ),
        (
            // Without an explicit tenant condition the policy alone must
            // still become the index condition.
            "ride by id, policy alone",
            &app,
            format!("SELECT status FROM rides WHERE id = '{}'", s.ride),
        ),
    ];
    for (name, url, sql) in cases {
        let p = plan(url, t, &sql).await;
        assert_tenant_indexed(name, &p);
    }
}

/// The check itself: a policy written as a per-row function call (the
/// mistake this test exists for) is caught.
#[tokio::test(flavor = "multi_thread")]
async fn a_per_row_policy_is_detected() {
    let db = TestDatabase::new().await;
    let s = seed(&db).await;
    let admin = TestDatabase::raw_client(&db.superuser_url()).await;
    admin
        .batch_execute(
            "DROP POLICY tenant_isolation ON rides;
             CREATE POLICY tenant_isolation ON rides
               USING (tenant_id::text = current_setting('app.current_tenant_id', true));",
        )
        .await
        .unwrap();
    let p = plan(
        &db.app_url(),
        &s.tenant,
        &format!("SELECT status FROM rides WHERE id = '{}'", s.ride),
    )
    .await;
    let caught = std::panic::catch_unwind(|| assert_tenant_indexed("per-row policy", &p));
    assert!(caught.is_err(), "a per-row policy went unnoticed:\n{p}");
}
