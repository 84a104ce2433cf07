//! Releases through the store: submissions recorded on the ride path,
//! releases stored, and managers reading them through their own role.
//! Guarantee 22 is proven here: the managers' role cannot read ciphertext,
//! participant hashes, per-ride dates or the live state, even with SQL the
//! application would never send.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use kataloop_service::aggregation::{
    manager_view, record_contribution, release_tenant, ReleaseRequest, RideTexts,
};
use kataloop_store::{participants, rides, teams, StoreError};
use kataloop_tenancy::{DisplayName, RideId, TeamId, TenantId};
use kataloop_testkit::TestDatabase;
use kataloop_themes::{PlainNarrator, TermKey, ThemeSlug};

mod common;

struct Fixture {
    db: TestDatabase,
    tenant: TenantId,
    team: TeamId,
    texts: Arc<Mutex<BTreeMap<RideId, String>>>,
}

impl Fixture {
    async fn new() -> Fixture {
        let db = TestDatabase::new().await;
        let tenant = common::create_tenant(&db, "releases.example").await;
        let team = db
            .owner_store()
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(
                    async move { teams::create(tx, &DisplayName::new("Platform").unwrap()).await },
                )
            })
            .await
            .unwrap()
            .id;
        Fixture {
            db,
            tenant,
            team,
            texts: Arc::default(),
        }
    }

    async fn submit(&self, who: usize, theme: &str, text: &str) {
        let ride = RideId::random();
        self.texts.lock().unwrap().insert(ride, text.to_owned());
        let team = self.team;
        let theme = ThemeSlug::new(theme).unwrap();
        self.db
            .app_store()
            .tenant(self.tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    let p = participants::find_or_create(tx, &format!("hash-{who}"), Some(team))
                        .await?;
                    rides::insert(
                        tx,
                        &rides::NewRide {
                            id: ride,
                            team: Some(team),
                            conversation_ciphertext: vec![0; 16],
                            sentiment: Some(-0.4),
                            confidence: Some(0.9),
                            ..common::ride(p)
                        },
                    )
                    .await?;
                    record_contribution(tx, ride, p, Some(team), &theme).await?;
                    Ok::<_, StoreError>(())
                })
            })
            .await
            .unwrap();
    }

    async fn release(&self, day: u32) {
        let texts = self.texts.clone();
        let request = ReleaseRequest {
            released_on: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            narrator: Arc::new(PlainNarrator),
            term_key: Arc::new(TermKey::new(b"test-term-key")),
            texts: RideTexts::Given(Arc::new(move |r| texts.lock().unwrap().get(&r).cloned())),
        };
        release_tenant(&self.db.app_store(), self.tenant, &request)
            .await
            .unwrap();
    }
}

const TEXT: &str = "too many approvals for every small change";

#[tokio::test(flavor = "multi_thread")]
async fn a_release_shows_a_theme_once_k_people_raised_it() {
    let f = Fixture::new().await;
    let managers = f.db.manager_store();
    assert!(manager_view(&managers, f.tenant, None)
        .await
        .unwrap()
        .is_none());

    for who in 0..4 {
        f.submit(who, "process", TEXT).await;
    }
    f.release(1).await;
    let view = manager_view(&managers, f.tenant, None)
        .await
        .unwrap()
        .unwrap();
    assert!(view.themes.is_empty(), "4 < k = 5: nothing visible");

    f.submit(4, "process", TEXT).await;
    f.release(2).await;
    let view = manager_view(&managers, f.tenant, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.themes.len(), 1);
    let theme = &view.themes[0];
    assert_eq!(
        (theme.slug.as_str(), theme.contributor_count),
        ("process", 5)
    );
    assert_eq!(theme.summaries.len(), 5);
    assert_eq!(
        view.released_on,
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    );
    let team_view = manager_view(&managers, f.tenant, Some(f.team))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        team_view.themes.len(),
        1,
        "the team has 5 known participants"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantees_2_and_6_stored_releases_ignore_repeats_and_small_changes() {
    let f = Fixture::new().await;
    let managers = f.db.manager_store();
    for who in 0..5 {
        f.submit(who, "process", TEXT).await;
    }
    f.release(1).await;
    let first = manager_view(&managers, f.tenant, None)
        .await
        .unwrap()
        .unwrap();

    // The same five people again, and one newcomer: fewer than k new people.
    for who in 0..5 {
        f.submit(who, "process", "approvals approvals approvals")
            .await;
    }
    f.submit(5, "process", TEXT).await;
    f.release(2).await;
    let second = manager_view(&managers, f.tenant, None)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(first.release_id, second.release_id);
    assert_eq!(
        serde_json::to_string(&first.themes).unwrap(),
        serde_json::to_string(&second.themes).unwrap(),
        "figures moved without k new participants"
    );

    // Four more newcomers: now five new people stand behind the change.
    for who in 6..10 {
        f.submit(who, "process", TEXT).await;
    }
    f.release(3).await;
    let third = manager_view(&managers, f.tenant, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(third.themes[0].contributor_count, 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_22_the_managers_role_reads_released_data_only() {
    let f = Fixture::new().await;
    for who in 0..5 {
        f.submit(who, "tools", "the laptop freezes during every build")
            .await;
    }
    f.submit(5, "workload", "weekends are gone").await;
    f.release(1).await;
    f.db.manager_store().require_manager_role().await.unwrap();

    // Plant hidden figures (as a release keeps for suppressed cells).
    let app = TestDatabase::raw_client(&f.db.app_url()).await;
    app.batch_execute(&format!(
        "BEGIN; SELECT set_config('app.current_tenant_id', '{}', true); \
         INSERT INTO release_cells (tenant_id, release_id, theme_id, visible, contributor_count, \
             sentiment, confidence, name, description, suggested_action, summaries) \
         SELECT tenant_id, (SELECT id FROM releases), id, false, 1, 0, 0, 'Workload', '', '', '{{}}' \
         FROM themes WHERE slug = 'workload' AND team_id IS NULL; COMMIT",
        f.tenant
    ))
    .await
    .unwrap();

    let client = TestDatabase::raw_client(&f.db.manager_url()).await;
    client
        .batch_execute(&format!(
            "BEGIN; SELECT set_config('app.current_tenant_id', '{}', true)",
            f.tenant
        ))
        .await
        .unwrap();
    for sql in [
        "SELECT conversation_ciphertext FROM rides",
        "SELECT created_on FROM rides",
        "SELECT count(*) FROM rides",
        "SELECT hashed_hr_id FROM participants",
        "SELECT last_active_on FROM participants",
        "SELECT * FROM theme_contributions",
        "SELECT created_on FROM themes",
        "SELECT * FROM themes",
        "INSERT INTO releases (tenant_id, id, seq, released_on, k_anonymity) VALUES (app.current_tenant_id(), gen_random_uuid(), 99, current_date, 5)",
        "UPDATE release_cells SET visible = true",
    ] {
        client.batch_execute("SAVEPOINT probe").await.unwrap();
        let err = client
            .batch_execute(sql)
            .await
            .expect_err(&format!("the managers' role ran: {sql}"));
        let code = err.as_db_error().map(|d| d.code().code().to_owned());
        assert_eq!(code.as_deref(), Some("42501"), "{sql}: {err:?}");
        client.batch_execute("ROLLBACK TO SAVEPOINT probe").await.unwrap();
    }
    // Hidden cells (workload has one person) are invisible to managers even
    // when asked for explicitly.
    let hidden = client
        .query(
            "SELECT contributor_count FROM release_cells WHERE NOT visible",
            &[],
        )
        .await
        .unwrap();
    assert!(hidden.is_empty());
    let visible = client
        .query("SELECT contributor_count FROM release_cells", &[])
        .await
        .unwrap();
    assert_eq!(
        visible.len(),
        2,
        "the tools cell for the tenant and for the team"
    );
    client.batch_execute("ROLLBACK").await.unwrap();
}
