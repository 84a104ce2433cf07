//! The auditors' suite for guarantees 1–8: what a manager can learn from a
//! release, under random sequences of submissions by random participants
//! across teams and themes, duplicate submissions, releases, changes of k
//! and manager queries. Every guarantee is checked after every step, by
//! recomputing it from the test's own record of what was submitted (not
//! from the aggregation's internal state).
//!
//! The classic attacks on a plain threshold are explicit regression cases at
//! the end: one person submitting k times, two sibling teams whose parent
//! total reveals the hidden one, a theme that reaches k right after a known
//! person submits, and a manager comparing consecutive releases.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use kataloop_tenancy::{KAnonymity, ParticipantId, RideId, TeamId};
use kataloop_themes::{
    compute_release, shares_run, stem, terms_of, tokens, CellKey, LiveState, ManagerView, Narrator,
    PlainNarrator, Release, ReleaseId, ReleaseInput, RideFacts, Scope, TermKey, ThemeSlug,
};
use proptest::prelude::*;

const THEMES: [&str; 3] = ["workload", "process", "tools"];
/// Phrases employees write; shared words across phrases make some words
/// reach k participants and others not.
const PHRASES: [&str; 8] = [
    "too many approvals slow every release down",
    "the deadlines are impossible and overtime is normal now",
    "my laptop is ancient and the build takes forever",
    "nobody reads the status reports we write every week",
    "approvals again, the same approvals for every small change",
    "overtime every weekend because deadlines move",
    "the build server crashes and the laptop freezes",
    "weekly reports that nobody reads waste hours",
];

/// One submitted ride, as the test remembers it.
#[derive(Debug, Clone)]
struct Submitted {
    ride: RideId,
    participant: usize,
    team: Option<TeamId>,
    theme: usize,
    text: String,
}

/// The world: a tenant's participants with fixed teams, the aggregation's
/// live state, its releases, and the test's own record.
struct World {
    k: KAnonymity,
    participants: Vec<ParticipantId>,
    teams_of: Vec<Option<TeamId>>,
    live: LiveState,
    releases: Vec<Release>,
    submitted: Vec<Submitted>,
    term_key: TermKey,
    narrator: PlainNarrator,
    day: u32,
}

impl World {
    fn new(k: u16, participants: usize, teams: usize) -> World {
        let team_ids: Vec<TeamId> = (0..teams).map(|_| TeamId::random()).collect();
        World {
            k: KAnonymity::new(u64::from(k)).unwrap(),
            participants: (0..participants).map(|_| ParticipantId::random()).collect(),
            // Every fifth participant has no team: they count only at tenant level.
            teams_of: (0..participants)
                .map(|i| (i % 5 != 4).then(|| team_ids[i % teams]))
                .collect(),
            live: LiveState::new(),
            releases: Vec::new(),
            submitted: Vec::new(),
            term_key: TermKey::new(b"auditors-suite-term-key"),
            narrator: PlainNarrator,
            day: 0,
        }
    }

    fn submit(&mut self, participant: usize, theme: usize, phrase: usize, sentiment: f32) {
        let text = PHRASES[phrase % PHRASES.len()].to_owned();
        let ride = RideId::random();
        let facts = RideFacts {
            ride,
            participant: self.participants[participant],
            team: self.teams_of[participant],
            theme: ThemeSlug::new(THEMES[theme]).unwrap(),
            sentiment,
            confidence: 0.8,
            terms: terms_of(&text, &self.term_key),
        };
        self.live.add_ride(facts).unwrap();
        self.submitted.push(Submitted {
            ride,
            participant,
            team: self.teams_of[participant],
            theme,
            text,
        });
    }

    fn release_with(&self, id: ReleaseId, seed: [u8; 32]) -> Release {
        let texts: BTreeMap<RideId, String> = self
            .submitted
            .iter()
            .map(|s| (s.ride, s.text.clone()))
            .collect();
        let lookup = |r: RideId| texts.get(&r).cloned();
        compute_release(
            &self.live,
            &ReleaseInput {
                id,
                previous: self.releases.last(),
                k: self.k,
                released_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                    + chrono::Days::new(u64::from(self.day)),
                shuffle_seed: seed,
                narrator: &self.narrator,
                term_key: &self.term_key,
                ride_text: &lookup,
            },
        )
    }

    fn release(&mut self) {
        self.day += 1;
        let release = self.release_with(ReleaseId::random(), [self.day as u8; 32]);
        self.releases.push(release);
        self.live.mark_released();
    }

    fn scopes(&self) -> Vec<Scope> {
        let mut scopes = vec![Scope::Tenant];
        let teams: BTreeSet<TeamId> = self.teams_of.iter().flatten().copied().collect();
        scopes.extend(teams.into_iter().map(Scope::Team));
        scopes
    }

    /// Every manager answer of the latest release, as the bytes a manager
    /// receives.
    fn answers(&self) -> Vec<String> {
        match self.releases.last() {
            None => vec![],
            Some(r) => self
                .scopes()
                .into_iter()
                .map(|s| serde_json::to_string(&ManagerView::of(r, s)).unwrap())
                .collect(),
        }
    }

    /// The test's own view of a cell: the first ride of each participant.
    fn first_rides(&self, key: &CellKey) -> BTreeMap<usize, &Submitted> {
        let mut firsts = BTreeMap::new();
        for s in &self.submitted {
            let in_scope = match key.scope {
                Scope::Tenant => true,
                Scope::Team(t) => s.team == Some(t),
            };
            if in_scope && THEMES[s.theme] == key.theme.as_str() {
                firsts.entry(s.participant).or_insert(s);
            }
        }
        firsts
    }

    fn team_size(&self, team: TeamId) -> usize {
        self.submitted
            .iter()
            .filter(|s| s.team == Some(team))
            .map(|s| s.participant)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Checks guarantees 1, 3, 4, 5 and 7 on the latest release.
fn check_release(world: &World) {
    let Some(release) = world.releases.last() else {
        return;
    };
    let k = usize::from(release.k.get());
    let fixed: BTreeSet<String> = world
        .narrator
        .fixed_vocabulary()
        .iter()
        .map(|w| stem(w))
        .collect();
    for (key, cell) in release.visible_cells() {
        let firsts = world.first_rides(key);
        // 1: at least k distinct participants; 3: each counted once.
        assert!(
            cell.contributor_count as usize >= k,
            "guarantee 1: {key:?} shows {} < k",
            cell.contributor_count
        );
        assert!(
            cell.contributor_count as usize <= firsts.len(),
            "guarantee 3: {key:?} counts {} but only {} distinct participants exist",
            cell.contributor_count,
            firsts.len()
        );
        // 5: a team scope needs k known participants.
        if let Scope::Team(team) = key.scope {
            assert!(
                world.team_size(team) >= k,
                "guarantee 5: small team {team:?} is a scope"
            );
        }
        // 7: every word is a template word, part of the theme's name, or
        // used by at least k participants of the cell; no 4-word run of a
        // contributing ride.
        let mut users: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (p, s) in &firsts {
            for w in tokens(&s.text) {
                users.entry(stem(&w)).or_default().insert(*p);
            }
        }
        let name_words: BTreeSet<String> = tokens(&cell.name).iter().map(|w| stem(w)).collect();
        let texts: Vec<&String> = cell
            .summaries
            .iter()
            .chain([&cell.description, &cell.suggested_action, &cell.name])
            .collect();
        for text in texts {
            for w in tokens(text) {
                let s = stem(&w);
                let used_by = users.get(&s).map_or(0, BTreeSet::len);
                assert!(
                    fixed.contains(&s) || name_words.contains(&s) || used_by >= k,
                    "guarantee 7: word {w:?} in {key:?} used by only {used_by} participants"
                );
            }
            for s in firsts.values() {
                assert!(
                    !shares_run(text, &s.text, 4),
                    "guarantee 7: {text:?} quotes a ride"
                );
            }
        }
    }
    // 4: complementary suppression.
    for theme in THEMES {
        let slug = ThemeSlug::new(theme).unwrap();
        let parent = CellKey {
            scope: Scope::Tenant,
            theme: slug.clone(),
        };
        let visible: BTreeMap<&CellKey, u32> = release
            .visible_cells()
            .map(|(key, cell)| (key, cell.contributor_count))
            .collect();
        let children: u32 = visible
            .iter()
            .filter(|(key, _)| key.theme == slug && key.scope != Scope::Tenant)
            .map(|(_, n)| *n)
            .sum();
        match visible.get(&parent) {
            Some(p) => {
                let residual = i64::from(*p) - i64::from(children);
                assert!(
                    !(1..k as i64).contains(&residual),
                    "guarantee 4: {theme}: parent {p} - visible children {children} = {residual}"
                );
            }
            None => assert_eq!(children, 0, "a team shown without its parent"),
        }
    }
}

/// Guarantee 6: between the last two releases, a cell's shown figures only
/// changed if at least k participants joined since they were last shown.
/// When k was raised since the figures were last shown, the texts may lose
/// words (guarantee 7 under the new k) but the figures may not move.
fn check_advance(world: &World, last_shown: &mut BTreeMap<CellKey, Shown>) {
    let Some(release) = world.releases.last() else {
        return;
    };
    let k = usize::from(release.k.get());
    for (key, cell) in release.visible_cells() {
        let figures =
            serde_json::to_string(&(cell.contributor_count, cell.sentiment, cell.confidence))
                .unwrap();
        let texts = serde_json::to_string(&(&cell.description, &cell.summaries)).unwrap();
        let shown = (figures, texts, release.k);
        let people: BTreeSet<usize> = world.first_rides(key).keys().copied().collect();
        if let Some((before, basis)) = last_shown.get(key) {
            let same_k_moved = before.2 == shown.2 && *before != shown;
            let figures_moved = before.0 != shown.0;
            if same_k_moved || figures_moved {
                let joined = people.difference(basis).count();
                assert!(
                    joined >= k,
                    "guarantee 6: {key:?} changed with only {joined} new participants"
                );
            } else {
                continue;
            }
        }
        last_shown.insert(key.clone(), (shown, people));
    }
}

/// (figures, texts, k) as last shown, and who stood behind them.
type Shown = ((String, String, KAnonymity), BTreeSet<usize>);

#[derive(Debug, Clone)]
enum Step {
    Submit {
        participant: usize,
        theme: usize,
        phrase: usize,
        sentiment: i8,
    },
    /// A participant submits again on a theme they already raised.
    Repeat {
        nth: usize,
        phrase: usize,
    },
    Release,
    /// Raise k (or try to lower it).
    ChangeK {
        k: u16,
    },
    Query,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..24usize, 0..3usize, 0..8usize, -10..=10i8).prop_map(|(participant, theme, phrase, sentiment)| Step::Submit { participant, theme, phrase, sentiment }),
        2 => (any::<usize>(), 0..8usize).prop_map(|(nth, phrase)| Step::Repeat { nth, phrase }),
        2 => Just(Step::Release),
        1 => (3..8u16).prop_map(|k| Step::ChangeK { k }),
        1 => Just(Step::Query),
    ]
}

fn run(k: u16, steps: &[Step]) {
    let mut world = World::new(k, 24, 3);
    let mut last_shown = BTreeMap::new();
    let mut answers = world.answers();
    for step in steps {
        match step {
            Step::Submit {
                participant,
                theme,
                phrase,
                sentiment,
            } => {
                world.submit(*participant, *theme, *phrase, f32::from(*sentiment) / 10.0);
            }
            Step::Repeat { nth, phrase } => {
                if world.submitted.is_empty() {
                    continue;
                }
                let s = world.submitted[nth % world.submitted.len()].clone();
                world.submit(s.participant, s.theme, *phrase, 0.3);
            }
            Step::Release => {
                world.release();
                check_release(&world);
                check_advance(&world, &mut last_shown);
                answers = world.answers();
            }
            Step::ChangeK { k } => {
                // Guarantee 8: raising always works; lowering is refused once
                // the tenant holds a ride; never below 3.
                let requested = KAnonymity::new(u64::from(*k)).unwrap();
                match world.k.change_to(requested, !world.submitted.is_empty()) {
                    Ok(new) => {
                        assert!(new >= world.k || world.submitted.is_empty(), "guarantee 8");
                        world.k = new;
                    }
                    Err(_) => assert!(requested < world.k && !world.submitted.is_empty()),
                }
            }
            Step::Query => {}
        }
        // 6: between releases every answer is byte-identical.
        assert_eq!(
            world.answers(),
            answers,
            "guarantee 6: answers changed between releases"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Guarantees 1, 3, 4, 5, 6, 7 and 8 hold after every step of any
    /// sequence of submissions, repeated submissions, releases, k changes
    /// and manager queries: every visible cell stands on at least k distinct
    /// people counted once each; no hidden count can be derived by
    /// subtraction; small teams are never a scope; answers change only at a
    /// release and only when at least k new people stand behind the change;
    /// no word fewer than k people used and no 4-word quote is shown; k is
    /// never lowered once rides exist.
    #[test]
    fn guarantees_1_to_8_hold_after_every_step(k in 3u16..6, steps in proptest::collection::vec(step(), 1..80)) {
        run(k, &steps);
    }

    /// Guarantee 2: repeated submissions by one participant change nothing a
    /// manager sees. Two copies of the same world, one of which also holds
    /// extra rides by already-counted participants on themes they already
    /// raised, produce byte-identical manager answers at the next release.
    #[test]
    fn guarantee_2_repeated_submissions_change_nothing(
        k in 3u16..6,
        subs in proptest::collection::vec((0..24usize, 0..3usize, 0..8usize, -10..=10i8), 0..60),
        repeats in proptest::collection::vec((any::<usize>(), 0..8usize, -10..=10i8), 1..20),
        release_before in any::<bool>(),
    ) {
        let mut world = World::new(k, 24, 3);
        for (p, t, ph, s) in &subs {
            world.submit(*p, *t, *ph, f32::from(*s) / 10.0);
        }
        if release_before {
            world.release();
        }
        let mut twin = World {
            k: world.k,
            participants: world.participants.clone(),
            teams_of: world.teams_of.clone(),
            live: world.live.clone(),
            releases: world.releases.clone(),
            submitted: world.submitted.clone(),
            term_key: TermKey::new(b"auditors-suite-term-key"),
            narrator: PlainNarrator,
            day: world.day,
        };
        if !twin.submitted.is_empty() {
            for (nth, phrase, s) in &repeats {
                let first = twin.submitted[nth % twin.submitted.len()].clone();
                twin.submit(first.participant, first.theme, *phrase, f32::from(*s) / 10.0);
            }
        }
        let id = ReleaseId::random();
        let a = world.release_with(id, [9; 32]);
        let b = twin.release_with(id, [9; 32]);
        for scope in world.scopes() {
            prop_assert_eq!(
                serde_json::to_string(&ManagerView::of(&a, scope)).unwrap(),
                serde_json::to_string(&ManagerView::of(&b, scope)).unwrap()
            );
        }
    }
}

fn view(world: &World, scope: Scope) -> ManagerView {
    ManagerView::of(world.releases.last().unwrap(), scope)
}

/// Attack: one person submits k times on a theme. Guarantees 1 and 3: they
/// count once, so nothing becomes visible.
#[test]
fn attack_one_person_submitting_k_times_shows_nothing() {
    let mut world = World::new(5, 10, 2);
    for phrase in 0..5 {
        world.submit(0, 0, phrase, -0.5);
    }
    world.release();
    assert!(view(&world, Scope::Tenant).themes.is_empty());
}

/// Attack: team A (visible) and team B (hidden, 2 people) of one theme; the
/// tenant total minus A would reveal B. Guarantee 4: the tenant total and
/// the visible teams never differ by 1..k−1.
#[test]
fn attack_sibling_subtraction_is_blocked_by_complementary_suppression() {
    // k = 3; participants 0..3 in team A, 3..6 in team B (i % 5 == 4 has no
    // team, so use 9 participants over 2 teams and pick them explicitly).
    let mut world = World::new(3, 9, 2);
    let team_a = world.teams_of[0].unwrap();
    let team_b = world.teams_of[1].unwrap();
    let in_a: Vec<usize> = (0..9)
        .filter(|i| world.teams_of[*i] == Some(team_a))
        .collect();
    let in_b: Vec<usize> = (0..9)
        .filter(|i| world.teams_of[*i] == Some(team_b))
        .collect();
    assert!(in_a.len() >= 3 && in_b.len() >= 3);
    // Team B must be a scope: its members submit on another theme.
    for p in &in_b {
        world.submit(*p, 2, 2, 0.0);
    }
    for p in &in_a[..3] {
        world.submit(*p, 0, 0, -0.5);
    }
    world.submit(in_b[0], 0, 1, -0.5);
    world.release();
    let tenant = view(&world, Scope::Tenant);
    let parent = tenant.themes.iter().find(|t| t.slug == "workload").unwrap();
    assert_eq!(parent.contributor_count, 4);
    // Showing team A's 3 would reveal that exactly one person of team B
    // raised the theme: team A's cell is suppressed.
    assert!(view(&world, Scope::Team(team_a))
        .themes
        .iter()
        .all(|t| t.slug != "workload"));
    check_release(&world);
}

/// Attack: a theme sits at k−1; a person the manager knows submits; the
/// theme appears. Guarantee 1: before that, the hidden theme is
/// indistinguishable from no theme at all (byte-identical answers), so the
/// manager never knew k−1 people were waiting.
#[test]
fn attack_reaching_k_reveals_no_earlier_hint() {
    let mut with_four = World::new(5, 10, 2);
    let mut with_none = World::new(5, 10, 2);
    with_none.participants = with_four.participants.clone();
    with_none.teams_of = with_four.teams_of.clone();
    for p in 0..4 {
        with_four.submit(p, 0, p, -0.4);
    }
    let id = ReleaseId::random();
    let a = with_four.release_with(id, [1; 32]);
    let b = with_none.release_with(id, [1; 32]);
    assert_eq!(
        serde_json::to_string(&ManagerView::of(&a, Scope::Tenant)).unwrap(),
        serde_json::to_string(&ManagerView::of(&b, Scope::Tenant)).unwrap()
    );
    with_four.releases.push(a);
    with_four.live.mark_released();
    with_four.submit(4, 0, 4, -0.4);
    with_four.release();
    let shown = view(&with_four, Scope::Tenant);
    assert_eq!(shown.themes.len(), 1);
    assert_eq!(shown.themes[0].contributor_count, 5);
}

/// Attack: a manager compares two consecutive releases to spot one new
/// person. Guarantee 6: fewer than k newcomers leave the cell's figures
/// unchanged.
#[test]
fn attack_consecutive_releases_do_not_reveal_one_newcomer() {
    let mut world = World::new(5, 12, 2);
    for p in 0..5 {
        world.submit(p, 1, p, -0.6);
    }
    world.release();
    let before = serde_json::to_string(&view(&world, Scope::Tenant).themes).unwrap();
    world.submit(5, 1, 6, 0.9);
    world.release();
    let after = serde_json::to_string(&view(&world, Scope::Tenant).themes).unwrap();
    assert_eq!(before, after);
    for p in 6..10 {
        world.submit(p, 1, p % 8, 0.9);
    }
    world.release();
    let later = view(&world, Scope::Tenant);
    assert_eq!(
        later.themes[0].contributor_count, 10,
        "k newcomers advance the figures"
    );
}

/// Guarantee 8 on the settings type: never below 3, never lowered once the
/// tenant holds rides.
#[test]
fn guarantee_8_k_floor_and_no_lowering_after_rides() {
    assert!(KAnonymity::new(2).is_err());
    let k5 = KAnonymity::new(5).unwrap();
    let k3 = KAnonymity::new(3).unwrap();
    assert!(k5.change_to(k3, true).is_err());
    assert_eq!(k5.change_to(k3, false).unwrap(), k3);
}

/// A narrator that tries to quote: it returns the ride's text as its
/// summary and the first text as the description.
struct QuotingNarrator;

impl Narrator for QuotingNarrator {
    fn fixed_vocabulary(&self) -> BTreeSet<String> {
        PlainNarrator.fixed_vocabulary()
    }
    fn theme_name(&self, theme: &ThemeSlug) -> String {
        PlainNarrator.theme_name(theme)
    }
    fn ride_summary(
        &self,
        theme: &ThemeSlug,
        sentiment: f32,
        text: &str,
        allowed: &dyn Fn(&str) -> bool,
    ) -> String {
        if tokens(text).iter().all(|w| allowed(w)) {
            text.to_owned()
        } else {
            PlainNarrator.ride_summary(theme, sentiment, text, allowed)
        }
    }
    fn description(
        &self,
        theme: &ThemeSlug,
        texts: &[&str],
        allowed: &dyn Fn(&str) -> bool,
    ) -> String {
        texts
            .first()
            .map(|t| (*t).to_owned())
            .unwrap_or_else(|| PlainNarrator.description(theme, texts, allowed))
    }
    fn suggested_action(&self, theme: &ThemeSlug) -> String {
        PlainNarrator.suggested_action(theme)
    }
}

/// Attack: everyone in a cell wrote the same sentence, so every word is in
/// the k-anonymous vocabulary, and the narrator tries to quote it.
/// Guarantee 7: the release refuses any text sharing 4 words with a
/// contributing ride, and falls back to template-only wording.
#[test]
fn attack_a_quoting_narrator_is_stopped() {
    let mut world = World::new(3, 6, 1);
    for p in 0..4 {
        world.submit(p, 0, 0, -0.5);
    }
    let texts: BTreeMap<RideId, String> = world
        .submitted
        .iter()
        .map(|s| (s.ride, s.text.clone()))
        .collect();
    let lookup = |r: RideId| texts.get(&r).cloned();
    let release = compute_release(
        &world.live,
        &ReleaseInput {
            id: ReleaseId::random(),
            previous: None,
            k: world.k,
            released_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            shuffle_seed: [0; 32],
            narrator: &QuotingNarrator,
            term_key: &world.term_key,
            ride_text: &lookup,
        },
    );
    let shown = ManagerView::of(&release, Scope::Tenant);
    assert_eq!(shown.themes.len(), 1);
    let theme = &shown.themes[0];
    assert!(!theme.summaries.is_empty(), "template summaries remain");
    for text in theme.summaries.iter().chain([&theme.description]) {
        assert!(!shares_run(text, PHRASES[0], 4), "quoted: {text:?}");
    }
}

/// Regression (found by the state machine): a team shown under k = 3 whose
/// size falls below a raised k = 5 must keep its old figures as the
/// reference, so that one newcomer cannot make it reappear with new figures.
#[test]
fn regression_a_team_below_a_raised_k_keeps_its_reference_figures() {
    let submit = |participant: usize| Step::Submit {
        participant,
        theme: 0,
        phrase: 0,
        sentiment: 0,
    };
    // Participants 3, 6, 21, 0 and 18 share one team; k rises from 3 to 5
    // while that team has four known participants.
    let steps = vec![
        submit(3),
        submit(10),
        submit(6),
        Step::Release,
        submit(21),
        submit(0),
        Step::Release,
        submit(2),
        submit(4),
        Step::ChangeK { k: 5 },
        Step::Release,
        submit(18),
        submit(7),
        submit(1),
        Step::Release,
    ];
    run(3, &steps);
}
