//! Release computation (counting alone, and with texts) for one tenant with 100,000 rides over 50 teams and
//! 12 themes (every cell changed), and the incremental cost of counting one
//! ride. Run: `cargo bench -p kataloop-themes --bench release`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kataloop_tenancy::{KAnonymity, ParticipantId, ReleaseId, RideId, TeamId};
use kataloop_themes::{
    aggregate, compute_release, terms_of, LiveState, PlainNarrator, ReleaseInput, RideFacts,
    TermKey, ThemeSlug,
};

const THEMES: [&str; 12] = [
    "workload",
    "process",
    "management",
    "compensation",
    "career_growth",
    "communication",
    "tools",
    "collaboration",
    "recognition",
    "work_life_balance",
    "psychological_safety",
    "onboarding",
];
const PHRASES: [&str; 6] = [
    "too many approvals slow every release down and nobody owns the process",
    "the deadlines are impossible and overtime has become normal for the team",
    "my laptop is ancient and the build takes forever to finish",
    "nobody reads the weekly status reports we spend hours writing",
    "promotions feel random and nobody explains the criteria to us",
    "meetings eat the whole afternoon and decisions still get made elsewhere",
];

struct Data {
    live: LiveState,
    texts: BTreeMap<RideId, String>,
    key: TermKey,
}

fn data(rides: usize, teams: usize, participants: usize) -> Data {
    let key = TermKey::new(b"bench");
    let team_ids: Vec<TeamId> = (0..teams).map(|_| TeamId::random()).collect();
    let people: Vec<ParticipantId> = (0..participants).map(|_| ParticipantId::random()).collect();
    let slugs: Vec<ThemeSlug> = THEMES.iter().map(|s| ThemeSlug::new(s).unwrap()).collect();
    let terms: Vec<_> = PHRASES.iter().map(|p| terms_of(p, &key)).collect();
    let mut live = LiveState::new();
    let mut texts = BTreeMap::new();
    // A cheap deterministic generator keeps the data reproducible.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..rides {
        let p = (next() % participants as u64) as usize;
        let theme = (next() % 12) as usize;
        let phrase = (next() % PHRASES.len() as u64) as usize;
        let ride = RideId::random();
        live.add_ride(RideFacts {
            ride,
            participant: people[p],
            team: Some(team_ids[p % teams]),
            theme: slugs[theme].clone(),
            sentiment: -0.4,
            confidence: 0.8,
            terms: terms[phrase].clone(),
        })
        .unwrap();
        texts.insert(ride, PHRASES[phrase].to_owned());
    }
    Data { live, texts, key }
}

fn release(c: &mut Criterion) {
    let d = data(100_000, 50, 20_000);
    let narrator = PlainNarrator;
    let lookup = |r: RideId| d.texts.get(&r).cloned();
    let mut group = c.benchmark_group("release");
    group.sample_size(10);
    group.bench_function("aggregate_100k_rides_50_teams", |b| {
        b.iter(|| aggregate(&d.live, None, KAnonymity::DEFAULT))
    });
    group.bench_function("100k_rides_50_teams_all_cells_changed", |b| {
        b.iter(|| {
            compute_release(
                &d.live,
                &ReleaseInput {
                    id: ReleaseId::random(),
                    previous: None,
                    k: KAnonymity::DEFAULT,
                    released_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
                    shuffle_seed: [7; 32],
                    narrator: &narrator,
                    term_key: &d.key,
                    ride_text: &lookup,
                },
            )
        })
    });
    group.finish();

    let mut incremental = c.benchmark_group("incremental");
    let team = TeamId::random();
    let slug = ThemeSlug::new("workload").unwrap();
    let terms = terms_of(PHRASES[0], &d.key);
    incremental.bench_function("add_ride_to_100k_state", |b| {
        b.iter_batched(
            || d.live.clone(),
            |mut live| {
                live.add_ride(RideFacts {
                    ride: RideId::random(),
                    participant: ParticipantId::random(),
                    team: Some(team),
                    theme: slug.clone(),
                    sentiment: 0.1,
                    confidence: 0.9,
                    terms: terms.clone(),
                })
                .unwrap();
                live
            },
            BatchSize::LargeInput,
        )
    });
    incremental.finish();
}

criterion_group!(benches, release);
criterion_main!(benches);
