//! Guarantee 19, as a property: inside tenant A's transaction every read
//! returns only A's rows; writes carrying another tenant's id fail; updates
//! and deletes of B's ids touch 0 rows; with no tenant set, nothing is
//! visible and every write fails.
//!
//! The statements are plain SQL sent by the test itself, not the store's
//! API, to prove that PostgreSQL enforces the rule even against code that
//! tries to break it. They run as the runtime role (`kataloop_app`) and as
//! the operators' role (`kataloop_owner`, the tables' owner: only FORCE binds
//! it). A second property drives the store's API the same way. Both run
//! again through PgBouncer in transaction pooling mode, started by the test.

use std::collections::HashMap;

use kataloop_store::{participants, rides, themes, StoreError};
use kataloop_tenancy::{ParticipantId, RideId, TeamId, TenantId, ThemeId};
use kataloop_testkit::{Pooler, TestDatabase, APP_LOGIN, OWNER_LOGIN};
use proptest::prelude::*;
use tokio::runtime::Runtime;
use uuid::Uuid;

mod common;

/// The rows each tenant holds after set-up.
#[derive(Debug, Clone, Default)]
struct Holdings {
    teams: Vec<Uuid>,
    participants: Vec<Uuid>,
    themes: Vec<Uuid>,
    rides: Vec<Uuid>,
}

struct World {
    db: TestDatabase,
    tenants: Vec<TenantId>,
    holdings: HashMap<TenantId, Holdings>,
}

/// Three tenants with teams, participants, themes and rides of their own.
async fn build_world() -> World {
    let db = TestDatabase::new().await;
    let mut tenants = Vec::new();
    let mut holdings = HashMap::new();
    for (i, domain) in ["a.example", "b.example", "c.example"].iter().enumerate() {
        let tenant = common::create_tenant(&db, domain).await;
        let owner = db.owner_store();
        let team_names: Vec<String> = (0..2).map(|t| format!("team {t}")).collect();
        let teams: Vec<TeamId> = owner
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    let mut ids = Vec::new();
                    for name in &team_names {
                        let name = kataloop_tenancy::DisplayName::new(name).unwrap();
                        ids.push(kataloop_store::teams::create(tx, &name).await?.id);
                    }
                    Ok::<_, StoreError>(ids)
                })
            })
            .await
            .unwrap();
        let app = db.app_store();
        let rows = i + 2;
        let teams_for_tx = teams.clone();
        let (ps, ths, rs) = app
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    let mut ps = Vec::new();
                    let mut ths = Vec::new();
                    let mut rs = Vec::new();
                    for n in 0..rows {
                        let team = Some(teams_for_tx[n % teams_for_tx.len()]);
                        let p =
                            participants::find_or_create(tx, &format!("hash-{n}"), team).await?;
                        let theme = themes::ensure_cell(tx, &format!("theme_{n}"), team).await?;
                        let ride = rides::NewRide {
                            team,
                            theme: Some(theme),
                            sentiment: Some(-0.5),
                            confidence: Some(0.7),
                            ..common::ride(p)
                        };
                        rides::insert(tx, &ride).await?;
                        ps.push(*p.as_uuid());
                        ths.push(*theme.as_uuid());
                        rs.push(*ride.id.as_uuid());
                    }
                    Ok::<_, StoreError>((ps, ths, rs))
                })
            })
            .await
            .unwrap();
        holdings.insert(
            tenant,
            Holdings {
                teams: teams.iter().map(|t| *t.as_uuid()).collect(),
                participants: ps,
                themes: ths,
                rides: rs,
            },
        );
        tenants.push(tenant);
    }
    World {
        db,
        tenants,
        holdings,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    App,
    Owner,
}

#[derive(Debug, Clone, Copy)]
enum Table {
    Tenants,
    Teams,
    Participants,
    Themes,
    Rides,
}

impl Table {
    const ALL: [Table; 5] = [
        Table::Tenants,
        Table::Teams,
        Table::Participants,
        Table::Themes,
        Table::Rides,
    ];
    fn name(self) -> &'static str {
        match self {
            Table::Tenants => "tenants",
            Table::Teams => "teams",
            Table::Participants => "participants",
            Table::Themes => "themes",
            Table::Rides => "rides",
        }
    }
    fn tenant_column(self) -> &'static str {
        match self {
            Table::Tenants => "id",
            _ => "tenant_id",
        }
    }
    fn id_column(self) -> &'static str {
        match self {
            Table::Participants => "participant_pid",
            _ => "id",
        }
    }
    /// Operators may list every `tenants` row (the `operators_list_tenants`
    /// policy): the one documented read exception, and read-only.
    fn listed_by(self, role: Role) -> bool {
        role == Role::Owner && matches!(self, Table::Tenants)
    }
    /// Whether the role may insert here at all (the runtime role only reads
    /// tenants and teams, by grant).
    fn insertable_by(self, role: Role) -> bool {
        role == Role::Owner || !matches!(self, Table::Tenants | Table::Teams)
    }
    fn ids(self, tenant: TenantId, h: &Holdings) -> Vec<Uuid> {
        match self {
            Table::Tenants => vec![*tenant.as_uuid()],
            Table::Teams => h.teams.clone(),
            Table::Participants => h.participants.clone(),
            Table::Themes => h.themes.clone(),
            Table::Rides => h.rides.clone(),
        }
    }
    /// An INSERT of a row that names `carrier` as its tenant. Its parents
    /// (participant of a ride) belong to `carrier`, so only the tenant check
    /// can refuse it.
    fn insert_sql(self) -> &'static str {
        match self {
            Table::Tenants => "INSERT INTO tenants (id, name, domain) VALUES ($1, 'x', gen_random_uuid()::text || '.example')",
            Table::Teams => "INSERT INTO teams (tenant_id, id, name) VALUES ($1, gen_random_uuid(), gen_random_uuid()::text)",
            Table::Participants => "INSERT INTO participants (tenant_id, participant_pid, hashed_hr_id) VALUES ($1, gen_random_uuid(), gen_random_uuid()::text)",
            Table::Themes => "INSERT INTO themes (tenant_id, id, slug, name) VALUES ($1, gen_random_uuid(), 'x' || substr(md5(random()::text), 1, 12), 'x')",
            Table::Rides => "INSERT INTO rides (tenant_id, id, participant_pid, session_alias, conversation_ciphertext, key_version) VALUES ($1, gen_random_uuid(), $2, 'Brave Lion', '\\x00', 1)",
        }
    }
    fn update_sql(self) -> String {
        let set = match self {
            Table::Tenants | Table::Teams | Table::Themes => "name = name",
            Table::Participants => "last_active_on = last_active_on",
            Table::Rides => "session_alias = session_alias",
        };
        format!(
            "UPDATE {} SET {set} WHERE {} = $1",
            self.name(),
            self.id_column()
        )
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// Read a whole table as tenant `t`.
    ReadAll { t: usize, table: usize },
    /// Read a row of tenant `u` by id as tenant `t`.
    ReadForeign {
        t: usize,
        u: usize,
        table: usize,
        row: usize,
    },
    /// Insert a row naming tenant `u` while acting as `t`.
    InsertCarrying { t: usize, u: usize, table: usize },
    /// Update or delete a row of tenant `u` by id while acting as `t`.
    TouchForeign {
        t: usize,
        u: usize,
        table: usize,
        row: usize,
        delete: bool,
    },
    /// Move one of `t`'s own rows to tenant `u`.
    MoveOwnRow {
        t: usize,
        u: usize,
        table: usize,
        row: usize,
    },
    /// Read and write with no tenant set.
    NoTenant { table: usize, u: usize },
}

fn op() -> impl Strategy<Value = Op> {
    let t = 0..3usize;
    let table = 0..5usize;
    prop_oneof![
        (t.clone(), table.clone()).prop_map(|(t, table)| Op::ReadAll { t, table }),
        (t.clone(), 0..3usize, table.clone(), 0..8usize)
            .prop_map(|(t, u, table, row)| Op::ReadForeign { t, u, table, row }),
        (t.clone(), 0..3usize, table.clone()).prop_map(|(t, u, table)| Op::InsertCarrying {
            t,
            u,
            table
        }),
        (
            t.clone(),
            0..3usize,
            table.clone(),
            0..8usize,
            any::<bool>()
        )
            .prop_map(|(t, u, table, row, delete)| Op::TouchForeign {
                t,
                u,
                table,
                row,
                delete
            }),
        (t.clone(), 0..3usize, 1..5usize, 0..8usize)
            .prop_map(|(t, u, table, row)| Op::MoveOwnRow { t, u, table, row }),
        (table, 0..3usize).prop_map(|(table, u)| Op::NoTenant { table, u }),
    ]
}

fn is_rls_refusal(e: &tokio_postgres::Error) -> bool {
    e.as_db_error()
        .map(|d| d.code().code() == "42501" && d.message().contains("row-level security"))
        .unwrap_or(false)
}

/// Runs one operation in its own transaction (rolled back, so the world
/// stays as built) and checks guarantee 19 for it.
async fn check(world: &World, client: &mut tokio_postgres::Client, role: Role, op: &Op) {
    let tenant = |i: usize| world.tenants[i];
    let hold = |i: usize| &world.holdings[&world.tenants[i]];
    let tx = client.transaction().await.unwrap();
    match *op {
        Op::ReadAll { t, table } => {
            let table = Table::ALL[table];
            tx.execute(
                "SELECT set_config('app.current_tenant_id', $1, true)",
                &[&tenant(t).to_string()],
            )
            .await
            .unwrap();
            let rows = tx
                .query(
                    &format!("SELECT {} FROM {}", table.tenant_column(), table.name()),
                    &[],
                )
                .await
                .unwrap();
            if table.listed_by(role) {
                assert_eq!(rows.len(), world.tenants.len());
                tx.rollback().await.unwrap();
                return;
            }
            let own = table.ids(tenant(t), hold(t)).len();
            assert_eq!(
                rows.len(),
                own,
                "{role:?} reading {} as tenant {t}",
                table.name()
            );
            for r in rows {
                let owner: Uuid = r.get(0);
                assert_eq!(owner, *tenant(t).as_uuid(), "foreign row visible");
            }
        }
        Op::ReadForeign { t, u, table, row } => {
            let table = Table::ALL[table];
            let ids = table.ids(tenant(u), hold(u));
            let id = ids[row % ids.len()];
            tx.execute(
                "SELECT set_config('app.current_tenant_id', $1, true)",
                &[&tenant(t).to_string()],
            )
            .await
            .unwrap();
            let rows = tx
                .query(
                    &format!(
                        "SELECT 1 FROM {} WHERE {} = $1",
                        table.name(),
                        table.id_column()
                    ),
                    &[&id],
                )
                .await
                .unwrap();
            assert_eq!(
                rows.len(),
                usize::from(t == u || table.listed_by(role)),
                "{role:?} read of {}",
                table.name()
            );
        }
        Op::InsertCarrying { t, u, table } => {
            let table = Table::ALL[table];
            if !table.insertable_by(role) {
                return;
            }
            tx.execute(
                "SELECT set_config('app.current_tenant_id', $1, true)",
                &[&tenant(t).to_string()],
            )
            .await
            .unwrap();
            // A new tenant row always carries a fresh id.
            let carried = match table {
                Table::Tenants if t == u => *tenant(t).as_uuid(),
                Table::Tenants => Uuid::new_v4(),
                _ => *tenant(u).as_uuid(),
            };
            let parent = hold(u).participants[0];
            let result = match table {
                Table::Rides => tx.execute(table.insert_sql(), &[&carried, &parent]).await,
                _ => tx.execute(table.insert_sql(), &[&carried]).await,
            };
            if t == u && !matches!(table, Table::Tenants) {
                // Positive control: the same statement for one's own tenant works.
                assert_eq!(
                    result.unwrap(),
                    1,
                    "{role:?} own insert into {}",
                    table.name()
                );
            } else if t != u {
                let err = result.expect_err("a write carrying another tenant's id succeeded");
                assert!(is_rls_refusal(&err), "{role:?} {}: {err:?}", table.name());
            }
        }
        Op::TouchForeign {
            t,
            u,
            table,
            row,
            delete,
        } => {
            let table = Table::ALL[table];
            let ids = table.ids(tenant(u), hold(u));
            let id = ids[row % ids.len()];
            tx.execute(
                "SELECT set_config('app.current_tenant_id', $1, true)",
                &[&tenant(t).to_string()],
            )
            .await
            .unwrap();
            let sql = if delete {
                format!(
                    "DELETE FROM {} WHERE {} = $1",
                    table.name(),
                    table.id_column()
                )
            } else {
                table.update_sql()
            };
            // Deleting an own row may hit a foreign key (rows refer to it);
            // only foreign rows matter here.
            if t != u {
                match tx.execute(&sql, &[&id]).await {
                    Ok(n) => assert_eq!(n, 0, "{role:?} touched a foreign {}", table.name()),
                    Err(e) => assert!(
                        // Without the privilege the statement is refused outright.
                        role == Role::App && !table.insertable_by(role),
                        "{role:?} {}: {e:?}",
                        table.name()
                    ),
                }
            }
        }
        Op::MoveOwnRow { t, u, table, row } => {
            let table = Table::ALL[table];
            if t == u || !table.insertable_by(role) {
                return;
            }
            let ids = table.ids(tenant(t), hold(t));
            let id = ids[row % ids.len()];
            tx.execute(
                "SELECT set_config('app.current_tenant_id', $1, true)",
                &[&tenant(t).to_string()],
            )
            .await
            .unwrap();
            let err = tx
                .execute(
                    &format!(
                        "UPDATE {} SET tenant_id = $1 WHERE {} = $2",
                        table.name(),
                        table.id_column()
                    ),
                    &[tenant(u).as_uuid(), &id],
                )
                .await
                .expect_err("moving a row to another tenant succeeded");
            assert!(is_rls_refusal(&err), "{role:?} {}: {err:?}", table.name());
        }
        Op::NoTenant { table, u } => {
            let table = Table::ALL[table];
            let count: i64 = tx
                .query_one(&format!("SELECT count(*) FROM {}", table.name()), &[])
                .await
                .unwrap()
                .get(0);
            let expected = if table.listed_by(role) {
                world.tenants.len() as i64
            } else {
                0
            };
            assert_eq!(
                count,
                expected,
                "{role:?} sees {} rows with no tenant",
                table.name()
            );
            if table.insertable_by(role) {
                let parent = hold(u).participants[0];
                let carried = *tenant(u).as_uuid();
                let result = match table {
                    Table::Rides => tx.execute(table.insert_sql(), &[&carried, &parent]).await,
                    Table::Tenants => tx.execute(table.insert_sql(), &[&Uuid::new_v4()]).await,
                    _ => tx.execute(table.insert_sql(), &[&carried]).await,
                };
                let err = result.expect_err("a write with no tenant set succeeded");
                assert!(is_rls_refusal(&err), "{role:?} {}: {err:?}", table.name());
            }
        }
    }
    tx.rollback().await.unwrap();
}

fn run_property(role: Role) {
    run_property_via(role, false);
}

/// The property, connecting directly or through PgBouncer in transaction
/// pooling mode (guarantee 20: a pooler must not carry a tenant over).
fn run_property_via(role: Role, through_pooler: bool) {
    let rt = Runtime::new().unwrap();
    let world = rt.block_on(build_world());
    let pooler = through_pooler.then(|| Pooler::start(world.db.cluster()).expect("pgbouncer"));
    let url = match (role, &pooler) {
        (Role::App, None) => world.db.app_url(),
        (Role::Owner, None) => world.db.owner_url(),
        (Role::App, Some(p)) => p.url_for(APP_LOGIN, world.db.name()),
        (Role::Owner, Some(p)) => p.url_for(OWNER_LOGIN, world.db.name()),
    };
    let client = tokio::sync::Mutex::new(rt.block_on(TestDatabase::raw_client(&url)));
    let config = ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    };
    proptest!(config, |(ops in proptest::collection::vec(op(), 1..12))| {
        rt.block_on(async {
            let mut client = client.lock().await;
            for op in &ops {
                check(&world, &mut client, role, op).await;
            }
        });
    });
}

/// Guarantee 19 for the runtime role (`kataloop_app`), which the server
/// uses: it sees and changes only the rows of the tenant its transaction
/// names, and nothing without a tenant.
#[test]
fn guarantee_19_runtime_role_only_reaches_its_tenants_rows() {
    run_property(Role::App);
}

/// Guarantee 19 for the operators' role (`kataloop_owner`), owner of every
/// table: FORCEd row-level security binds it the same way, so an operator
/// command cannot reach another tenant's rows either.
#[test]
fn guarantee_19_owner_role_is_bound_by_forced_rls() {
    run_property(Role::Owner);
}

/// Guarantee 19 through PgBouncer in transaction pooling mode (the
/// deployment Neon and most poolers use): each transaction reaches only its
/// own tenant's rows, and none without a tenant. (Many clients sharing few
/// server connections at once: `pool_hygiene.rs`.)
#[test]
fn guarantee_19_holds_through_pgbouncer_in_transaction_mode() {
    run_property_via(Role::App, true);
}

/// Guarantee 19 through the store's API: lookups, updates and deletes of
/// another tenant's ids find nothing and change nothing; listings hold only
/// the transaction's own rows.
#[test]
fn guarantee_19_store_api_never_crosses_tenants() {
    store_api_property(false);
}

/// The same through PgBouncer in transaction pooling mode, with the store
/// configured as a pooler needs (`statement_cache=off`).
#[test]
fn guarantee_19_store_api_through_pgbouncer() {
    store_api_property(true);
}

fn store_api_property(through_pooler: bool) {
    let rt = Runtime::new().unwrap();
    let world = rt.block_on(build_world());
    let pooler = through_pooler.then(|| Pooler::start(world.db.cluster()).expect("pgbouncer"));
    let store = match &pooler {
        None => world.db.app_store(),
        Some(p) => world.db.app_store_through(p, 4),
    };
    let config = ProptestConfig {
        cases: 48,
        ..ProptestConfig::default()
    };
    proptest!(config, |(t in 0..3usize, u in 0..3usize, row in 0..8usize)| {
        rt.block_on(async {
            let me = world.tenants[t];
            let other = &world.holdings[&world.tenants[u]];
            let ride = RideId::from_uuid(other.rides[row % other.rides.len()]);
            let participant = ParticipantId::from_uuid(other.participants[row % other.participants.len()]);
            let theme = ThemeId::from_uuid(other.themes[row % other.themes.len()]);
            let mine = world.holdings[&me].clone();
            let same = t == u;
            let result = store
                .tenant(me)
                .transaction(|tx| Box::pin(async move {
                    let listed: Vec<Uuid> = rides::list_ids(tx).await?.iter().map(|r| *r.as_uuid()).collect();
                    let mut expected = mine.rides.clone();
                    expected.sort();
                    assert_eq!(listed, expected);
                    let found = rides::get(tx, ride).await;
                    assert_eq!(found.is_ok(), same);
                    if !same {
                        assert!(matches!(found, Err(StoreError::NotFound { .. })));
                        assert_eq!(rides::set_status(tx, ride, rides::RideStatus::Erased).await?, 0);
                        assert_eq!(rides::delete(tx, ride).await?, 0);
                        assert_eq!(participants::set_team(tx, participant, None).await?, 0);
                        assert_eq!(participants::delete(tx, participant).await?, 0);
                        assert_eq!(themes::rename(tx, theme, "stolen").await?, 0);
                        assert_eq!(themes::delete(tx, theme).await?, 0);
                    }
                    // Roll back whatever happened.
                    Err::<(), StoreError>(StoreError::Refused("test rollback"))
                }))
                .await;
            // Only the rollback this closure asked for: any other error (a
            // failed statement, a refused pooler login) fails the property.
            assert!(
                matches!(result, Err(StoreError::Refused("test rollback"))),
                "{result:?}"
            );
        });
    });
}
