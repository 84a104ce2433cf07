//! Emerging themes: feedback that fits no built-in theme well, grouped by
//! shared keywords (stems and stem bigrams) into candidate new themes.
//!
//! A term names or joins a group only when at least `k` distinct
//! contributors used it, so a candidate theme never carries a word that one
//! person alone wrote. Greedy and deterministic: terms are taken in order of
//! how many contributors used them (bigrams first on ties), and each ride
//! joins the first group whose term it contains.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analyzer::{Analyzer, Prepared};
use crate::text::{is_stopword, Kind};

/// Rides whose theme confidence is below this are candidates.
pub const FITS_BUILT_IN: f32 = 0.7;

/// One ride offered to the emerging-theme search.
#[derive(Debug, Clone, Copy)]
pub struct EmergingInput<'a> {
    /// An opaque, stable id of the contributor (e.g. a pseudonym), used only
    /// to count distinct contributors.
    pub contributor: &'a str,
    /// The PII-stripped ride text.
    pub text: &'a str,
}

/// A candidate new theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmergingTheme {
    /// Name made of the group's leading terms.
    pub label: String,
    /// Terms used by at least `k` contributors of the group, leading first.
    pub terms: Vec<String>,
    /// Indices (into the input) of the rides in the group.
    pub rides: Vec<usize>,
    /// Distinct contributors in the group.
    pub contributors: usize,
}

struct RideTerms {
    terms: BTreeSet<String>,
}

impl Analyzer {
    /// Groups low-confidence rides into candidate new themes, each backed by
    /// at least `k` distinct contributors (`k` of 0 is treated as 1).
    pub fn emerging_themes(&self, rides: &[EmergingInput<'_>], k: usize) -> Vec<EmergingTheme> {
        let k = k.max(1);
        // term -> surface form -> count
        let mut surfaces: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        let mut per_ride: Vec<Option<RideTerms>> = Vec::with_capacity(rides.len());
        for ride in rides {
            let p = Prepared::new(ride.text);
            if self.classify_prepared(&p).confidence >= FITS_BUILT_IN {
                per_ride.push(None);
                continue;
            }
            let toks = &p.tokens.tokens;
            let content = |i: usize| {
                toks[i].kind == Kind::Word
                    && toks[i].norm.chars().count() >= 3
                    && !is_stopword(&toks[i].norm)
            };
            let mut terms = BTreeSet::new();
            for s in &p.tokens.sentences {
                for i in s.start..s.end {
                    if !content(i) {
                        continue;
                    }
                    let stem = p.stems[i].clone();
                    *surfaces
                        .entry(stem.clone())
                        .or_default()
                        .entry(toks[i].norm.clone())
                        .or_default() += 1;
                    terms.insert(stem);
                    if i + 1 < s.end && content(i + 1) {
                        let bigram = format!("{} {}", p.stems[i], p.stems[i + 1]);
                        *surfaces
                            .entry(bigram.clone())
                            .or_default()
                            .entry(format!("{} {}", toks[i].norm, toks[i + 1].norm))
                            .or_default() += 1;
                        terms.insert(bigram);
                    }
                }
            }
            per_ride.push(Some(RideTerms { terms }));
        }
        // term -> contributors
        let mut contributors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (i, r) in per_ride.iter().enumerate() {
            if let Some(r) = r {
                for t in &r.terms {
                    contributors
                        .entry(t.as_str())
                        .or_default()
                        .insert(rides[i].contributor);
                }
            }
        }
        let mut ranked: Vec<(&str, usize)> = contributors
            .iter()
            .filter(|(_, c)| c.len() >= k)
            .map(|(t, c)| (*t, c.len()))
            .collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(b.0.contains(' ').cmp(&a.0.contains(' ')))
                .then(a.0.cmp(b.0))
        });
        let surface = |term: &str| -> String {
            surfaces
                .get(term)
                .and_then(|m| m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
                .map(|(s, _)| s.clone())
                .unwrap_or_else(|| term.to_owned())
        };
        let mut assigned = vec![false; rides.len()];
        let mut out = Vec::new();
        for (term, _) in &ranked {
            let members: Vec<usize> = per_ride
                .iter()
                .enumerate()
                .filter(|(i, r)| {
                    !assigned[*i] && r.as_ref().is_some_and(|r| r.terms.contains(*term))
                })
                .map(|(i, _)| i)
                .collect();
            let people: BTreeSet<&str> = members.iter().map(|&i| rides[i].contributor).collect();
            if people.len() < k {
                continue;
            }
            // Other terms shared by at least k contributors of the group.
            let mut shared: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            for &i in &members {
                if let Some(r) = &per_ride[i] {
                    for t in &r.terms {
                        if t != term {
                            shared
                                .entry(t.as_str())
                                .or_default()
                                .insert(rides[i].contributor);
                        }
                    }
                }
            }
            let mut extra: Vec<(&str, usize)> = shared
                .into_iter()
                .filter(|(_, c)| c.len() >= k)
                .map(|(t, c)| (t, c.len()))
                .collect();
            extra.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut terms = vec![surface(term)];
            for (t, _) in extra {
                let s = surface(t);
                // Skip words already inside a chosen phrase.
                if terms
                    .iter()
                    .any(|x| x.split(' ').any(|w| s.split(' ').any(|v| v == w)))
                {
                    continue;
                }
                terms.push(s);
                if terms.len() >= 3 {
                    break;
                }
            }
            let label = terms
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(" / ");
            for &i in &members {
                assigned[i] = true;
            }
            out.push(EmergingTheme {
                label,
                terms,
                rides: members,
                contributors: people.len(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_need_k_contributors() {
        let a = Analyzer::shipped();
        let texts = [
            (
                "p1",
                "The parking garage gate is closed again, parking permits are a mess.",
            ),
            (
                "p2",
                "Parking permits ran out and the garage gate blocks us.",
            ),
            (
                "p3",
                "Can we talk about parking permits? The garage is full by eight.",
            ),
            ("p4", "The vending machine coffee tastes odd."),
            ("p4", "The vending machine coffee is odd again."),
        ];
        let rides: Vec<EmergingInput<'_>> = texts
            .iter()
            .map(|(c, t)| EmergingInput {
                contributor: c,
                text: t,
            })
            .collect();
        let found = a.emerging_themes(&rides, 3);
        assert!(found.iter().all(|g| g.contributors >= 3));
        assert!(
            found.iter().any(|g| g.label.contains("parking")),
            "{found:?}"
        );
        // One contributor alone never makes a theme.
        assert!(found.iter().all(|g| !g.label.contains("vending")));
    }
}
