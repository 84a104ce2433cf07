//! Releases: what managers may see, computed at an epoch from the live state
//! and the previous release.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use kataloop_tenancy::{KAnonymity, ParticipantId, ReleaseId, RideId, ThemeId};

use crate::live::{Contributors, LiveState};
use crate::model::{CellKey, Scope, ThemeSlug};
use crate::narrator::Narrator;
use crate::text::{stem, tokens, TermId, TermKey};

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

/// Computes the next release (guarantees 1–7):
///
/// 1. A team is a scope only with at least k known participants (5).
/// 2. A cell gets figures when at least k distinct participants stand behind
///    it; its figures advance only when at least k participants joined since
///    the figures last shown; otherwise the old figures stay (1, 3, 6).
///    Only each participant's first ride in a cell shapes the figures (2).
/// 3. Complementary suppression: for each theme, while the tenant count
///    minus the visible team counts lies in 1..k, the smallest visible team
///    cell is hidden too (4).
/// 4. Texts use only the narrator's fixed words and words at least k
///    participants of the cell used; none shares 4 words with a contributing
///    ride (7).
///
/// Cells whose contributors did not change keep their figures without being
/// rebuilt, unless k changed.
pub fn compute_release(live: &LiveState, input: &ReleaseInput<'_>) -> Release {
    let k = usize::from(input.k.get());
    let k_changed = input.previous.is_some_and(|p| p.k != input.k);
    let mut figures: BTreeMap<CellKey, ReleasedCell> = BTreeMap::new();

    for key in live.cell_keys() {
        let Some(contributors) = live.contributors(key) else {
            continue;
        };
        let shown = input.previous.and_then(|p| p.figures.get(key));
        if let Scope::Team(team) = key.scope {
            if live.team_size(team) < k {
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
        let now: BTreeSet<ParticipantId> = contributors.keys().copied().collect();
        let dirty = k_changed || live.dirty_cells().contains(key);
        let next = match shown {
            Some(old) if !dirty => Some(old.clone()),
            Some(old) if now.is_superset(&old.basis) => {
                if now.difference(&old.basis).count() >= k {
                    build(live, key, contributors, input)
                } else if k_changed {
                    // Same people, stricter k: the texts are rebuilt from the
                    // same basis, so they can only lose words (guarantee 7),
                    // while counts and means stay as shown (guarantee 6).
                    let same: Contributors = contributors
                        .iter()
                        .filter(|(p, _)| old.basis.contains(p))
                        .map(|(p, r)| (*p, r.clone()))
                        .collect();
                    build(live, key, &same, input)
                } else {
                    Some(old.clone())
                }
            }
            // Someone left (erasure): what they said must go.
            Some(_) | None => (now.len() >= k)
                .then(|| build(live, key, contributors, input))
                .flatten(),
        };
        // Figures are kept even while hidden (count below a raised k, or
        // suppressed): they are what a manager last saw, and any later
        // change is measured against them.
        if let Some(cell) = next {
            figures.insert(key.clone(), cell);
        }
    }

    let visible = suppress(&figures, k);
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

fn shuffle_key(seed: &[u8; 32], participant: ParticipantId) -> Vec<u8> {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, seed);
    ring::hmac::sign(&key, participant.as_uuid().as_bytes())
        .as_ref()
        .to_vec()
}

/// Hashes of every run of 4 consecutive words. A collision can only make a
/// text look like a quote (it is then dropped), never the reverse.
fn run_hashes(words: &[String]) -> impl Iterator<Item = u64> + '_ {
    words.windows(4).map(|w| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        w.hash(&mut h);
        h.finish()
    })
}

fn build(
    live: &LiveState,
    key: &CellKey,
    contributors: &Contributors,
    input: &ReleaseInput<'_>,
) -> Option<ReleasedCell> {
    let k = usize::from(input.k.get());
    let theme_id = live.cell_id(key)?;
    // Each participant counts through their first ride in the cell only.
    let mut firsts = Vec::with_capacity(contributors.len());
    for (participant, rides) in contributors {
        let ride = *rides.first()?;
        firsts.push((*participant, live.ride(ride)?));
    }
    let n = firsts.len() as f32;
    let sentiment = round_to(
        firsts.iter().map(|(_, f)| f.sentiment).sum::<f32>() / n,
        0.1,
    );
    let confidence = round_to(
        firsts.iter().map(|(_, f)| f.confidence).sum::<f32>() / n,
        0.05,
    );

    // The k-anonymous vocabulary of this cell.
    let mut users: BTreeMap<TermId, usize> = BTreeMap::new();
    for (_, facts) in &firsts {
        for term in &facts.terms {
            *users.entry(*term).or_default() += 1;
        }
    }
    let narrator = input.narrator;
    let name = narrator.theme_name(&key.theme);
    let mut fixed: BTreeSet<TermId> = narrator
        .fixed_vocabulary()
        .iter()
        .map(|w| input.term_key.id(&stem(w)))
        .collect();
    fixed.extend(tokens(&name).iter().map(|w| input.term_key.id(&stem(w))));
    let allowed_terms: BTreeSet<TermId> = users
        .into_iter()
        .filter(|(_, n)| *n >= k)
        .map(|(t, _)| t)
        .chain(fixed.iter().copied())
        .collect();
    // Memoised: the same few hundred words are checked many times.
    let verdicts: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
    let allowed = |word: &str| -> bool {
        if let Some(v) = verdicts.borrow().get(word) {
            return *v;
        }
        let v = allowed_terms.contains(&input.term_key.id(&stem(&word.to_lowercase())));
        verdicts.borrow_mut().insert(word.to_owned(), v);
        v
    };

    let texts: Vec<String> = firsts
        .iter()
        .map(|(_, f)| (input.ride_text)(f.ride).unwrap_or_default())
        .collect();
    // Every 4-word run of the contributing rides, hashed once: checking an
    // output is then linear in its length, not in the number of rides.
    let mut runs: HashSet<u64> = HashSet::new();
    for text in &texts {
        runs.extend(run_hashes(&tokens(text)));
    }
    let acceptable = |s: &str| -> bool {
        let words = tokens(s);
        words.iter().all(|w| allowed(w)) && !run_hashes(&words).any(|h| runs.contains(&h))
    };
    let template_only = |_: &str| false;

    let mut ordered: Vec<(Vec<u8>, usize)> = firsts
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (shuffle_key(&input.shuffle_seed, *p), i))
        .collect();
    ordered.sort();
    let mut summaries = Vec::with_capacity(firsts.len());
    for (_, i) in ordered {
        let facts = firsts[i].1;
        let text = &texts[i];
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

    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let description = [
        narrator.description(&key.theme, &text_refs, &allowed),
        narrator.description(&key.theme, &[], &template_only),
    ]
    .into_iter()
    .find(|d| acceptable(d))
    .unwrap_or_default();
    let suggested_action = Some(narrator.suggested_action(&key.theme))
        .filter(|a| acceptable(a))
        .unwrap_or_default();
    let name = if acceptable(&name) {
        name
    } else {
        key.theme.to_string()
    };

    Some(ReleasedCell {
        theme_id,
        contributor_count: u32::try_from(firsts.len()).unwrap_or(u32::MAX),
        sentiment,
        confidence,
        name,
        description,
        suggested_action,
        summaries,
        basis: firsts.iter().map(|(p, _)| *p).collect(),
    })
}
