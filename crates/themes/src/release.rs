//! Releases: what managers may see, computed at an epoch from the live state
//! and the previous release.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::ControlFlow;

use chrono::NaiveDate;
use kataloop_tenancy::{KAnonymity, ParticipantId, ReleaseId, RideId, ThemeId};

use crate::live::{Contributors, LiveState};
use crate::model::{CellKey, Scope, ThemeSlug};
use crate::narrator::Narrator;
use crate::text::{for_each_token, stem, tokens, TermId, TermKey};

/// The released figures of one cell. `basis` (who stands behind the
/// figures) is internal: it decides when figures may advance and never
/// reaches a manager.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleasedCell {
    pub theme_id: ThemeId,
    pub contributor_count: u32,
    /// Mean sentiment, rounded to 0.1.
    pub sentiment: f32,
    /// Mean classifier confidence, rounded to 0.05.
    pub confidence: f32,
    pub name: String,
    pub description: String,
    pub suggested_action: String,
    /// One paraphrase per contributor, in a shuffled order.
    pub summaries: Vec<String>,
    pub basis: BTreeSet<ParticipantId>,
}

/// A release: the figures of every cell ever shown (kept while hidden, so
/// that a cell hidden by suppression or by a raised k cannot reappear with a
/// small change) and the set of cells visible in this release.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub id: ReleaseId,
    /// The epoch: the only time a manager ever learns.
    pub released_on: NaiveDate,
    pub k: KAnonymity,
    pub figures: BTreeMap<CellKey, ReleasedCell>,
    pub visible: BTreeSet<CellKey>,
}

impl Release {
    /// The visible cells with their figures.
    pub fn visible_cells(&self) -> impl Iterator<Item = (&CellKey, &ReleasedCell)> {
        self.visible
            .iter()
            .filter_map(|k| self.figures.get(k).map(|c| (k, c)))
    }
}

/// Everything a release needs besides the live state.
pub struct ReleaseInput<'a> {
    /// The new release's id (random in production).
    pub id: ReleaseId,
    /// The tenant's previous release, if any.
    pub previous: Option<&'a Release>,
    pub k: KAnonymity,
    pub released_on: NaiveDate,
    /// Random per release in production; orders summaries.
    pub shuffle_seed: [u8; 32],
    pub narrator: &'a dyn Narrator,
    /// The tenant's key for term ids (must match the live state's).
    pub term_key: &'a TermKey,
    /// The PII-stripped text of a ride, for paraphrasing and for the
    /// no-quote check. Only the contributing (first) rides of changed cells
    /// are asked for.
    pub ride_text: &'a dyn Fn(RideId) -> Option<String>,
}

impl std::fmt::Debug for ReleaseInput<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReleaseInput")
            .field("k", &self.k)
            .field("released_on", &self.released_on)
            .finish_non_exhaustive()
    }
}

/// What the aggregation decided for one cell.
enum Decision<'a> {
    /// The figures shown before stay (unchanged contributors, or fewer than
    /// k newcomers).
    Keep(&'a ReleasedCell),
    /// New figures from these contributors (all of the cell's, or the
    /// previous basis when only k changed).
    Build(Contributors),
    /// Same as `Build` with all of the cell's contributors, without a copy.
    BuildAll(&'a Contributors),
}

/// The counting half of a release: which cells have figures, what they
/// count, and which are visible; texts are not written yet. This is the
/// part a database `GROUP BY ... count(DISTINCT participant)` would do, plus
/// the k-delta and suppression rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregation {
    /// Figures of every cell that has any; cells in `to_narrate` carry
    /// counts and means but no texts yet.
    pub figures: BTreeMap<CellKey, ReleasedCell>,
    pub visible: BTreeSet<CellKey>,
    /// Cells whose figures advanced in this release and need new texts.
    pub to_narrate: BTreeSet<CellKey>,
}

/// Counts and decides (guarantees 1–6), without writing any text:
///
/// 1. A team is a scope only with at least k known participants (5).
/// 2. A cell gets figures when at least k distinct participants stand behind
///    it; its figures advance only when at least k participants joined since
///    the figures last shown; otherwise the old figures stay (1, 3, 6).
///    Only each participant's first ride in a cell shapes the figures (2).
/// 3. Complementary suppression: for each theme, while the tenant count
///    minus the visible team counts lies in 1..k, the smallest visible team
///    cell is hidden too (4).
///
/// Cells whose contributors did not change keep their figures without being
/// rebuilt, unless k changed.
pub fn aggregate(live: &LiveState, previous: Option<&Release>, k: KAnonymity) -> Aggregation {
    let kk = usize::from(k.get());
    let k_changed = previous.is_some_and(|p| p.k != k);
    let mut figures: BTreeMap<CellKey, ReleasedCell> = BTreeMap::new();
    let mut to_narrate = BTreeSet::new();

    for key in live.cell_keys() {
        let Some(contributors) = live.contributors(key) else {
            continue;
        };
        let shown = previous.and_then(|p| p.figures.get(key));
        if let Scope::Team(team) = key.scope {
            if live.team_size(team) < kk {
                // Not a scope under this k (guarantee 5). Figures shown
                // earlier are kept, hidden, as the reference for any later
                // change: dropping them would let the cell reappear with
                // fewer than k newcomers (guarantee 6).
                if let Some(old) = shown {
                    figures.insert(key.clone(), old.clone());
                }
                continue;
            }
        }
        let dirty = k_changed || live.dirty_cells().contains(key);
        let decision = match shown {
            Some(old) if !dirty => Some(Decision::Keep(old)),
            Some(old) if old.basis.iter().all(|p| contributors.contains_key(p)) => {
                let newcomers = contributors.len() - old.basis.len();
                if newcomers >= kk {
                    Some(Decision::BuildAll(contributors))
                } else if k_changed {
                    // Same people, stricter k: the texts are rebuilt from the
                    // same basis, so they can only lose words (guarantee 7),
                    // while counts and means stay as shown (guarantee 6).
                    let same: Contributors = contributors
                        .iter()
                        .filter(|(p, _)| old.basis.contains(p))
                        .map(|(p, r)| (*p, *r))
                        .collect();
                    Some(Decision::Build(same))
                } else {
                    Some(Decision::Keep(old))
                }
            }
            // Someone left (erasure): what they said must go.
            Some(_) | None => {
                (contributors.len() >= kk).then_some(Decision::BuildAll(contributors))
            }
        };
        // Figures are kept even while hidden (count below a raised k, or
        // suppressed): they are what a manager last saw, and any later
        // change is measured against them.
        let (cell, fresh) = match decision {
            None => (None, false),
            Some(Decision::Keep(old)) => (Some(old.clone()), false),
            Some(Decision::Build(c)) => (tally(live, key, &c), true),
            Some(Decision::BuildAll(c)) => (tally(live, key, c), true),
        };
        if let Some(cell) = cell {
            if fresh {
                to_narrate.insert(key.clone());
            }
            figures.insert(key.clone(), cell);
        }
    }

    let visible = suppress(&figures, kk);
    Aggregation {
        figures,
        visible,
        to_narrate,
    }
}

/// Computes the next release (guarantees 1–7): [`aggregate`], then texts
/// for every cell whose figures advanced. Texts use only the narrator's
/// fixed words and words at least k participants of the cell used; none
/// shares 4 words with a contributing ride (7).
pub fn compute_release(live: &LiveState, input: &ReleaseInput<'_>) -> Release {
    let Aggregation {
        mut figures,
        visible,
        to_narrate,
    } = aggregate(live, input.previous, input.k);
    let mut words = Words::new(input);
    for key in &to_narrate {
        if let Some(cell) = figures.get_mut(key) {
            narrate(live, key, cell, input, &mut words);
        }
    }
    Release {
        id: input.id,
        released_on: input.released_on,
        k: input.k,
        figures,
        visible,
    }
}

/// Complementary suppression over tenant → team (guarantee 4).
fn suppress(figures: &BTreeMap<CellKey, ReleasedCell>, k: usize) -> BTreeSet<CellKey> {
    let mut visible: BTreeSet<CellKey> = BTreeSet::new();
    let themes: BTreeSet<&ThemeSlug> = figures.keys().map(|c| &c.theme).collect();
    for theme in themes {
        let parent_key = CellKey {
            scope: Scope::Tenant,
            theme: theme.clone(),
        };
        // Without a visible parent no team of this theme is shown: a team
        // cell can never be larger than its parent.
        let Some(parent) = figures.get(&parent_key).filter(|c| c.basis.len() >= k) else {
            continue;
        };
        let mut children: Vec<(&CellKey, &ReleasedCell)> = figures
            .iter()
            .filter(|(c, cell)| {
                c.theme == *theme && c.scope != Scope::Tenant && cell.basis.len() >= k
            })
            .collect();
        // Smallest first; ties broken by key for determinism.
        children.sort_by(|a, b| {
            a.1.contributor_count
                .cmp(&b.1.contributor_count)
                .then_with(|| a.0.cmp(b.0))
        });
        loop {
            let shown: i64 = children
                .iter()
                .map(|(_, c)| i64::from(c.contributor_count))
                .sum();
            let residual = i64::from(parent.contributor_count) - shown;
            if residual >= 1 && residual < k as i64 && !children.is_empty() {
                children.remove(0);
            } else {
                break;
            }
        }
        visible.insert(parent_key);
        visible.extend(children.into_iter().map(|(c, _)| c.clone()));
    }
    visible
}

fn round_to(x: f32, step: f32) -> f32 {
    let r = (x / step).round() * step;
    // Avoid "-0.0" and float noise in what managers read.
    let r = (r * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Counts and means of one cell from its contributors; texts come later.
/// Each participant counts through their first ride in the cell only.
fn tally(live: &LiveState, key: &CellKey, contributors: &Contributors) -> Option<ReleasedCell> {
    let theme_id = live.cell_id(key)?;
    let mut sentiment = 0.0f32;
    let mut confidence = 0.0f32;
    for first in contributors.values() {
        sentiment += first.sentiment;
        confidence += first.confidence;
    }
    let n = contributors.len() as f32;
    Some(ReleasedCell {
        theme_id,
        contributor_count: u32::try_from(contributors.len()).unwrap_or(u32::MAX),
        sentiment: round_to(sentiment / n, 0.1),
        confidence: round_to(confidence / n, 0.05),
        name: String::new(),
        description: String::new(),
        suggested_action: String::new(),
        summaries: Vec::new(),
        basis: contributors.keys().copied().collect(),
    })
}

/// A hasher for values that already are uniformly distributed 64-bit
/// hashes (term ids, run hashes): hashing them again would only cost time.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a for short strings (words) in per-release caches.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

type PreHashedSet<T> = HashSet<T, BuildHasherDefault<PreHashed>>;
type PreHashedMap<K, V> = HashMap<K, V, BuildHasherDefault<PreHashed>>;

/// 64-bit FNV-1a of one word.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Calls `f` with a hash of every run of 4 consecutive words of `text`
/// (the words as [`tokens`] splits them); stops when `f` breaks. A
/// collision can only make a text look like a quote (it is then dropped),
/// never the reverse.
fn for_each_run<B>(text: &str, mut f: impl FnMut(u64) -> ControlFlow<B>) -> Option<B> {
    let mut last = [0u64; 4];
    let mut seen = 0usize;
    for_each_token(text, |word| {
        last.rotate_left(1);
        last[3] = word_hash(word);
        seen += 1;
        if seen < 4 {
            return ControlFlow::Continue(());
        }
        // Order matters: rotate each word's hash by its position.
        let run = last
            .iter()
            .enumerate()
            .fold(0u64, |acc, (i, h)| acc ^ h.rotate_left(16 * i as u32))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        f(run)
    })
}

/// One ride's text as a release needs it, fetched and split once even
/// though the ride counts in two cells (its team's and the tenant's).
struct RideText {
    text: String,
    runs: Vec<u64>,
}

/// Per-release caches: ride texts, and the term id of every word seen
/// (stemming and keyed hashing are the costly part of checking a word).
struct Words<'a> {
    input: &'a ReleaseInput<'a>,
    rides: HashMap<RideId, std::rc::Rc<RideText>>,
    terms: HashMap<String, TermId, BuildHasherDefault<Fnv>>,
    fixed: Option<PreHashedSet<TermId>>,
}

impl<'a> Words<'a> {
    fn new(input: &'a ReleaseInput<'a>) -> Self {
        Words {
            input,
            rides: HashMap::new(),
            terms: HashMap::default(),
            fixed: None,
        }
    }

    fn term(&mut self, word: &str) -> TermId {
        if let Some(t) = self.terms.get(word) {
            return *t;
        }
        let t = self.input.term_key.id(&stem(&word.to_lowercase()));
        self.terms.insert(word.to_owned(), t);
        t
    }

    fn ride(&mut self, ride: RideId) -> std::rc::Rc<RideText> {
        if let Some(r) = self.rides.get(&ride) {
            return r.clone();
        }
        let text = (self.input.ride_text)(ride).unwrap_or_default();
        let mut runs = Vec::new();
        for_each_run(&text, |h| {
            runs.push(h);
            ControlFlow::<()>::Continue(())
        });
        let r = std::rc::Rc::new(RideText { text, runs });
        self.rides.insert(ride, r.clone());
        r
    }

    /// The narrator's fixed vocabulary as term ids, computed once.
    fn fixed(&mut self) -> PreHashedSet<TermId> {
        if self.fixed.is_none() {
            let words = self.input.narrator.fixed_vocabulary();
            let set = words.iter().map(|w| self.term(w)).collect();
            self.fixed = Some(set);
        }
        self.fixed.clone().unwrap_or_default()
    }
}

/// A permutation of `0..n` from a secret seed and the cell, so that
/// summaries follow neither time nor participant order.
fn shuffled(n: usize, seed: &[u8; 32], cell: ThemeId) -> Vec<usize> {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, seed);
    let tag = ring::hmac::sign(&key, cell.as_uuid().as_bytes());
    let mut state = [0u8; 8];
    state.copy_from_slice(&tag.as_ref()[..8]);
    let mut state = u64::from_le_bytes(state);
    // SplitMix64 driving Fisher–Yates: the seed is secret and fresh per
    // release, which is all the order has to hide.
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// Writes the texts of one cell whose figures advanced (guarantee 7).
fn narrate(
    live: &LiveState,
    key: &CellKey,
    cell: &mut ReleasedCell,
    input: &ReleaseInput<'_>,
    words: &mut Words<'_>,
) {
    let k = usize::from(input.k.get());
    let Some(contributors) = live.contributors(key) else {
        return;
    };
    // The first ride of each participant of the basis, in participant order.
    let mut firsts = Vec::with_capacity(cell.basis.len());
    // Both are sorted by participant: walk them side by side.
    let mut basis = cell.basis.iter().peekable();
    for (participant, first) in contributors {
        while basis.next_if(|b| *b < participant).is_some() {}
        if basis.next_if_eq(&participant).is_none() {
            continue;
        }
        let Some(facts) = live.ride(first.ride) else {
            continue;
        };
        firsts.push(facts);
    }

    // The k-anonymous vocabulary of this cell.
    let mut users: PreHashedMap<TermId, usize> = PreHashedMap::default();
    for facts in &firsts {
        for term in &facts.terms {
            *users.entry(*term).or_default() += 1;
        }
    }
    let narrator = input.narrator;
    let name = narrator.theme_name(&key.theme);
    let mut allowed_terms = words.fixed();
    for w in tokens(&name) {
        allowed_terms.insert(words.term(&w));
    }
    allowed_terms.extend(users.into_iter().filter(|(_, n)| *n >= k).map(|(t, _)| t));

    let texts: Vec<std::rc::Rc<RideText>> = firsts.iter().map(|f| words.ride(f.ride)).collect();
    // Every 4-word run of the contributing rides: checking an output is
    // then linear in its length, not in the number of rides.
    let mut runs: PreHashedSet<u64> = PreHashedSet::default();
    for t in &texts {
        runs.extend(t.runs.iter().copied());
    }
    let words = std::cell::RefCell::new(words);
    let allowed = |word: &str| -> bool { allowed_terms.contains(&words.borrow_mut().term(word)) };
    let acceptable = |s: &str| -> bool {
        let foreign_word = for_each_token(s, |w| {
            if allowed(w) {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        });
        let quote = || {
            for_each_run(s, |h| {
                if runs.contains(&h) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
        };
        foreign_word.is_none() && quote().is_none()
    };
    let template_only = |_: &str| false;

    let mut summaries = Vec::with_capacity(firsts.len());
    for i in shuffled(firsts.len(), &input.shuffle_seed, cell.theme_id) {
        let facts = firsts[i];
        let text = &texts[i].text;
        let rich = narrator.ride_summary(&key.theme, facts.sentiment, text, &allowed);
        if acceptable(&rich) {
            summaries.push(rich);
            continue;
        }
        let plain = narrator.ride_summary(&key.theme, facts.sentiment, text, &template_only);
        if acceptable(&plain) {
            summaries.push(plain);
        }
    }

    let text_refs: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
    cell.description = [
        narrator.description(&key.theme, &text_refs, &allowed),
        narrator.description(&key.theme, &[], &template_only),
    ]
    .into_iter()
    .find(|d| acceptable(d))
    .unwrap_or_default();
    cell.suggested_action = Some(narrator.suggested_action(&key.theme))
        .filter(|a| acceptable(a))
        .unwrap_or_default();
    cell.name = if acceptable(&name) {
        name
    } else {
        key.theme.to_string()
    };
    cell.summaries = summaries;
}
