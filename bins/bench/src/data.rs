//! Synthetic tenants loaded straight into PostgreSQL with set-based SQL
//! (as the superuser: loading is not what is measured). Identical content
//! goes to the RLS database and to its no-RLS twin.

use kataloop_tenancy::TenantId;

/// Shape of one synthetic tenant.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub rides: usize,
    pub teams: usize,
    pub participants: usize,
    /// Whether to store a release whose tenant cells are all visible (what
    /// a manager dashboard reads).
    pub release: bool,
    /// Whether to insert the tenant's row (false when the tenant was
    /// created through the service, with its keys).
    pub tenant_row: bool,
}

/// Loads one tenant; `seed` makes the content reproducible, so the same
/// call on two databases gives identical rows.
pub async fn load_tenant(
    admin: &tokio_postgres::Client,
    tenant: TenantId,
    shape: Shape,
    seed: f64,
) -> Result<(), String> {
    let t = tenant.as_uuid().to_string();
    let themes = kataloop_analysis::Theme::ALL
        .iter()
        .map(|t| format!("'{}'", t.slug()))
        .collect::<Vec<_>>()
        .join(",");
    // Ids are derived from the tenant id and an index with md5, so that two
    // databases loaded with the same tenant get the same rows.
    let sql = format!(
        "BEGIN;
        SELECT setseed({seed});
        {tenant_row}
        CREATE TEMP TABLE b_teams ON COMMIT DROP AS
          SELECT i, md5('{t}team' || i)::uuid AS id FROM generate_series(0, {teams} - 1) i;
        INSERT INTO teams (tenant_id, id, name) SELECT '{t}', id, 'Team ' || i FROM b_teams;
        CREATE TEMP TABLE b_people ON COMMIT DROP AS
          SELECT i, md5('{t}person' || i)::uuid AS pid FROM generate_series(0, {people} - 1) i;
        INSERT INTO participants (tenant_id, participant_pid, hashed_hr_id, team_id)
          SELECT '{t}', p.pid, md5('{t}hr' || p.i), b.id
          FROM b_people p JOIN b_teams b ON b.i = p.i % {teams};
        CREATE TEMP TABLE b_themes ON COMMIT DROP AS
          SELECT i::int - 1 AS i, slug, md5('{t}theme' || slug)::uuid AS id
          FROM unnest(ARRAY[{themes}]) WITH ORDINALITY AS s(slug, i);
        INSERT INTO themes (tenant_id, id, team_id, slug, name, status)
          SELECT '{t}', id, NULL, slug, slug, 'visible' FROM b_themes;
        CREATE TEMP TABLE b_rides ON COMMIT DROP AS
          SELECT md5('{t}ride' || n)::uuid AS id, floor(random() * {people})::int AS p,
                 floor(random() * 12)::int AS th, (random() * 2 - 1)::real AS sentiment
          FROM generate_series(1, {rides}) n;
        INSERT INTO rides (tenant_id, id, participant_pid, session_alias, team_id,
                           conversation_ciphertext, key_version, theme_id, sentiment,
                           confidence, status)
          SELECT '{t}', r.id, p.pid, 'Bench Ride', b.id, '\\x00'::bytea, 1, th.id,
                 r.sentiment, 0.8, 'processed'
          FROM b_rides r JOIN b_people p ON p.i = r.p JOIN b_teams b ON b.i = r.p % {teams}
               JOIN b_themes th ON th.i = r.th;
        COMMIT;",
        tenant_row = if shape.tenant_row {
            format!("INSERT INTO tenants (id, name, domain) VALUES ('{t}', 'Bench', 'b{}.bench.example');", &t[..8])
        } else {
            String::new()
        },
        teams = shape.teams,
        people = shape.participants,
        rides = shape.rides,
    );
    admin.batch_execute(&sql).await.map_err(|e| e.to_string())?;
    if shape.release {
        let release = format!(
            "BEGIN;
            INSERT INTO releases (tenant_id, id, seq, released_on, k_anonymity)
              VALUES ('{t}', md5('{t}release')::uuid, 1, DATE '2026-11-27', 5);
            INSERT INTO release_cells (tenant_id, release_id, theme_id, visible,
                contributor_count, sentiment, confidence, name, description,
                suggested_action, summaries)
              SELECT '{t}', md5('{t}release')::uuid, th.id, true, count(DISTINCT r.participant_pid),
                     round(avg(r.sentiment)::numeric, 1)::real, 0.8, th.slug,
                     'Several people raised ' || th.slug || '.',
                     'Discuss ' || th.slug || ' with the team and agree on one concrete change.',
                     array_fill('Negative feedback on '::text || th.slug || '.', ARRAY[least(count(DISTINCT r.participant_pid), 20)::int])
              FROM themes th JOIN rides r ON r.tenant_id = th.tenant_id AND r.theme_id = th.id
              WHERE th.tenant_id = '{t}'
              GROUP BY th.id, th.slug;
            COMMIT;"
        );
        admin
            .batch_execute(&release)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A tenant id derived from a name, identical across databases and runs.
pub fn tenant_named(name: &str) -> TenantId {
    let d = ring_free_digest(name);
    TenantId::from_uuid(uuid::Uuid::from_bytes(d))
}

/// 16 bytes from a name (FNV-based; only uniqueness matters here).
fn ring_free_digest(name: &str) -> [u8; 16] {
    let mut out = [0u8; 16];
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, chunk) in out.chunks_mut(8).enumerate() {
        for b in name.bytes().chain([i as u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        chunk.copy_from_slice(&h.to_be_bytes());
    }
    // A version-4 shaped uuid.
    out[6] = (out[6] & 0x0f) | 0x40;
    out[8] = (out[8] & 0x3f) | 0x80;
    out
}
