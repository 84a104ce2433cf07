//! Guarantee 18, read from PostgreSQL's catalog: every table holding tenant
//! data has row-level security ENABLEd and FORCEd, with policies that check
//! the tenant on read (USING) and on write (WITH CHECK); the runtime role is
//! not a superuser, has no BYPASSRLS and owns no table; every unique index
//! and foreign key on such a table includes `tenant_id`.
//!
//! The test enumerates every table in the database, so a table added
//! without these properties fails it.

use kataloop_testkit::TestDatabase;

/// Tables without a `tenant_id` column, each with the reason it may exist.
/// `tenants` is keyed by the tenant id itself (`id`).
const TENANT_KEY_COLUMN: &[(&str, &str)] = &[("tenants", "id")];
/// Tables that hold no tenant data: diesel's bookkeeping, and the audit
/// chain of operator actions that concern no tenant (key-encryption key
/// replacement, migrations), which only the owner role can reach.
const GLOBAL_TABLES: &[&str] = &["__diesel_schema_migrations", "audit_global_events"];
/// Policies besides the tenant check, each with the reason it is safe:
/// operators may list tenants (only the `tenants` rows, read-only; their
/// data still needs the tenant's transaction).
const EXTRA_POLICIES: &[(&str, &str, &str, &str)] =
    &[("tenants", "operators_list_tenants", "r", "{kataloop_owner}")];
/// Unique keys that may omit the tenant column, with the reason: a domain
/// names exactly one tenant.
const GLOBAL_UNIQUE_INDEXES: &[&str] = &["tenants_domain_key"];

async fn rows(client: &tokio_postgres::Client, sql: &str) -> Vec<tokio_postgres::Row> {
    client.query(sql, &[]).await.expect(sql)
}

fn tenant_column(table: &str) -> &'static str {
    TENANT_KEY_COLUMN
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(_, c)| *c)
        .unwrap_or("tenant_id")
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_18_every_tenant_table_is_protected_by_forced_rls() {
    let db = TestDatabase::new().await;
    let client = TestDatabase::raw_client(&db.superuser_url()).await;

    let tables = rows(
        &client,
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, \
                EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid \
                        AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant_id \
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') \
           AND c.relkind IN ('r', 'p') ORDER BY 1",
    )
    .await;
    assert!(tables.len() >= 5, "expected the product's tables");

    let mut checked = 0;
    for t in &tables {
        let name: String = t.get(0);
        let has_tenant_id: bool = t.get(3);
        if GLOBAL_TABLES.contains(&name.as_str()) {
            continue;
        }
        assert!(
            has_tenant_id || TENANT_KEY_COLUMN.iter().any(|(n, _)| *n == name),
            "table {name} has no tenant_id: every table holds tenant data unless listed as global"
        );
        assert!(
            t.get::<_, bool>(1),
            "{name}: row-level security is not enabled"
        );
        assert!(
            t.get::<_, bool>(2),
            "{name}: row-level security is not forced"
        );

        let column = tenant_column(&name);
        let policies = client
            .query(
                "SELECT polname, polcmd::text, polpermissive, \
                        pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid), \
                        ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END \
                              FROM unnest(polroles) r)::text \
                 FROM pg_policy WHERE polrelid = $1::text::regclass",
                &[&name],
            )
            .await
            .unwrap();
        assert!(!policies.is_empty(), "{name}: no policy");
        let expected =
            format!("({column} = ( SELECT app.current_tenant_id() AS current_tenant_id))");
        let mut permissive = 0;
        for p in &policies {
            let pname: String = p.get(0);
            let cmd: String = p.get(1);
            let using: Option<String> = p.get(3);
            let check: Option<String> = p.get(4);
            if !p.get::<_, bool>(2) {
                // A restrictive policy can only narrow what the tenant policy
                // allows (managers see visible release cells only).
                continue;
            }
            let roles: String = p.get(5);
            if EXTRA_POLICIES.contains(&(
                name.as_str(),
                pname.as_str(),
                cmd.as_str(),
                roles.as_str(),
            )) {
                continue;
            }
            permissive += 1;
            assert_eq!(
                cmd, "*",
                "{name}.{pname}: the policy must cover every command"
            );
            assert_eq!(
                using.as_deref(),
                Some(expected.as_str()),
                "{name}.{pname}: USING"
            );
            assert_eq!(
                check.as_deref(),
                Some(expected.as_str()),
                "{name}.{pname}: WITH CHECK"
            );
        }
        assert_eq!(
            permissive, 1,
            "{name}: exactly one permissive policy, the tenant check"
        );

        // Every unique index includes the tenant column.
        let uniques = client
            .query(
                "SELECT i.relname, ARRAY(SELECT a.attname::text FROM pg_attribute a \
                         WHERE a.attrelid = x.indrelid AND a.attnum = ANY(x.indkey)) \
                 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
                 WHERE x.indrelid = $1::text::regclass AND x.indisunique",
                &[&name],
            )
            .await
            .unwrap();
        assert!(!uniques.is_empty(), "{name}: no primary key");
        for u in &uniques {
            let index: String = u.get(0);
            let cols: Vec<String> = u.get(1);
            if GLOBAL_UNIQUE_INDEXES.contains(&index.as_str()) {
                continue;
            }
            assert!(
                cols.iter().any(|c| c == column),
                "{name}: unique index {index} on {cols:?} omits {column}"
            );
        }

        // Every foreign key to another tenant table carries the tenant column
        // on both sides, in the same position.
        let fks = client
            .query(
                "SELECT conname, confrelid::regclass::text, \
                        ARRAY(SELECT a.attname::text FROM unnest(conkey) WITH ORDINALITY k(n, o) \
                              JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n ORDER BY k.o), \
                        ARRAY(SELECT a.attname::text FROM unnest(confkey) WITH ORDINALITY k(n, o) \
                              JOIN pg_attribute a ON a.attrelid = confrelid AND a.attnum = k.n ORDER BY k.o) \
                 FROM pg_constraint WHERE conrelid = $1::text::regclass AND contype = 'f'",
                &[&name],
            )
            .await
            .unwrap();
        for fk in &fks {
            let fk_name: String = fk.get(0);
            let target: String = fk.get(1);
            let from: Vec<String> = fk.get(2);
            let to: Vec<String> = fk.get(3);
            let target_column = tenant_column(&target);
            let pos = from.iter().position(|c| c == column);
            assert!(
                pos.is_some() && to.get(pos.unwrap()).map(String::as_str) == Some(target_column),
                "{name}: foreign key {fk_name} {from:?} -> {target}{to:?} does not carry the tenant"
            );
        }
        checked += 1;
    }
    assert!(checked >= 5);
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_18_runtime_role_cannot_bypass_rls_and_owns_nothing() {
    let db = TestDatabase::new().await;
    let client = TestDatabase::raw_client(&db.superuser_url()).await;
    for role in [
        "kataloop_app",
        "kataloop_manager",
        kataloop_testkit::APP_LOGIN,
        kataloop_testkit::MANAGER_LOGIN,
    ] {
        let row = client
            .query_one(
                "SELECT rolsuper, rolbypassrls, \
                        (SELECT count(*) FROM pg_class WHERE relowner = r.oid) \
                 FROM pg_roles r WHERE rolname = $1",
                &[&role],
            )
            .await
            .unwrap();
        assert!(!row.get::<_, bool>(0), "{role} is a superuser");
        assert!(!row.get::<_, bool>(1), "{role} has BYPASSRLS");
        assert_eq!(row.get::<_, i64>(2), 0, "{role} owns relations");
    }
    // The owner role is bound by FORCEd RLS, but it must not escape it either.
    let row = client
        .query_one(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'kataloop_owner'",
            &[],
        )
        .await
        .unwrap();
    assert!(!row.get::<_, bool>(0) && !row.get::<_, bool>(1));
}

/// Guarantee 25: nothing stored about a person or a ride (participants,
/// rides, contributions, releases) has a time finer than a day: such tables
/// hold no timestamp or time column at all.
#[tokio::test(flavor = "multi_thread")]
async fn guarantee_25_person_and_ride_activity_is_stored_by_day_at_most() {
    let db = TestDatabase::new().await;
    let client = TestDatabase::raw_client(&db.superuser_url()).await;
    let finer = client
        .query(
            "SELECT table_name::text, column_name::text, data_type::text \
             FROM information_schema.columns \
             WHERE table_schema = 'public' \
               AND table_name IN ('participants', 'rides', 'theme_contributions', 'releases', 'release_cells') \
               AND (data_type LIKE 'timestamp%' OR data_type LIKE 'time %' OR data_type = 'interval')",
            &[],
        )
        .await
        .unwrap();
    let found: Vec<String> = finer
        .iter()
        .map(|r| {
            format!(
                "{}.{} {}",
                r.get::<_, String>(0),
                r.get::<_, String>(1),
                r.get::<_, String>(2)
            )
        })
        .collect();
    assert!(found.is_empty(), "finer than a day: {found:?}");
    // The day columns exist (the guarantee is about resolution, not absence).
    let days: i64 = client
        .query_one(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' \
             AND table_name IN ('participants', 'rides') AND data_type = 'date'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        days, 3,
        "participants.created_on, participants.last_active_on, rides.created_on"
    );
}
