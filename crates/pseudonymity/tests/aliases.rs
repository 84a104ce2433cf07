//! Guarantee 12: aliases are drawn fresh from a CSPRNG for every ride, are
//! uniform over the word lists, and are never derived from identity.

use std::collections::{HashMap, HashSet};

use kataloop_pseudonymity::{adjectives, animals, uniform_index, Alias, AliasError};
use ring::rand::SystemRandom;

/// Upper critical value of the chi-square distribution with `df` degrees of
/// freedom at tail probability 1e-6, by the Wilson–Hilferty approximation
/// (accurate to well under 1 % for df in the hundreds).
fn chi_square_critical_1e6(df: f64) -> f64 {
    const Z_1E6: f64 = 4.753_424_308_822_899; // standard normal upper 1e-6 quantile
    let a = 2.0 / (9.0 * df);
    df * (1.0 - a + Z_1E6 * a.sqrt()).powi(3)
}

fn chi_square(counts: &[u64], draws: u64) -> f64 {
    let expected = draws as f64 / counts.len() as f64;
    counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum()
}

/// Guarantee 12: over 100,000 draws, adjectives and animals are each
/// uniformly distributed: the chi-square statistic of each stays below the
/// critical value at a false-alarm rate of one in a million, and every word
/// appears.
#[test]
fn g12_draws_are_uniform_over_each_list() {
    const DRAWS: u64 = 100_000;
    let rng = SystemRandom::new();
    let adj_index: HashMap<&str, usize> = adjectives()
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i))
        .collect();
    let animal_index: HashMap<&str, usize> =
        animals().iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let mut adj_counts = vec![0u64; adjectives().len()];
    let mut animal_counts = vec![0u64; animals().len()];
    for _ in 0..DRAWS {
        let alias = Alias::draw(&rng).unwrap();
        adj_counts[adj_index[alias.adjective()]] += 1;
        animal_counts[animal_index[alias.animal()]] += 1;
    }
    for (name, counts) in [("adjectives", &adj_counts), ("animals", &animal_counts)] {
        let df = (counts.len() - 1) as f64;
        let stat = chi_square(counts, DRAWS);
        let critical = chi_square_critical_1e6(df);
        assert!(
            stat < critical,
            "{name}: chi-square {stat:.1} >= {critical:.1} (df {df})"
        );
        assert!(
            counts.iter().all(|&c| c > 0),
            "{name}: some word never drawn"
        );
    }
}

/// Exact chi-square survival function for even `df`:
/// `P(X > x) = e^(-x/2) * sum_{k < df/2} (x/2)^k / k!`.
fn chi_square_sf_even(x: f64, df: u32) -> f64 {
    assert!(df.is_multiple_of(2));
    let half = x / 2.0;
    let (mut term, mut sum) = (1.0, 1.0);
    for k in 1..df / 2 {
        term *= half / f64::from(k);
        sum += term;
    }
    (-half).exp() * sum
}

/// The Wilson–Hilferty threshold really sits at a tail probability of about
/// one in a million (checked against the exact survival function for even
/// degrees of freedom around the word-list sizes), so the uniformity tests
/// above raise a false alarm about once per million runs.
#[test]
fn chi_square_threshold_is_sane() {
    for df in [100u32, 282, 318] {
        let p = chi_square_sf_even(chi_square_critical_1e6(f64::from(df)), df);
        assert!((0.8e-6..1.2e-6).contains(&p), "df {df}: tail {p:e}");
    }
}

/// `uniform_index` refuses an empty range with a typed error.
#[test]
fn empty_range_is_a_typed_error() {
    assert_eq!(
        uniform_index(&SystemRandom::new(), 0).unwrap_err(),
        AliasError::EmptyWordList
    );
}

/// `uniform_index` over a small range is uniform too (chi-square, p = 1e-6).
#[test]
fn uniform_index_is_uniform_over_a_non_power_of_two() {
    const DRAWS: u64 = 60_000;
    let rng = SystemRandom::new();
    let mut counts = vec![0u64; 3];
    for _ in 0..DRAWS {
        counts[uniform_index(&rng, 3).unwrap()] += 1;
    }
    // df = 2 is too small for Wilson–Hilferty; the exact 1e-6 critical value
    // is 2 ln(10^6).
    assert!(chi_square(&counts, DRAWS) < 2.0 * 1e6f64.ln());
}

/// Guarantee 12: two rides of one participant do not share an alias beyond
/// chance: 2,000 draws "for the same person" are almost all distinct (with
/// more than 89,000 combinations, at most a few dozen collisions are expected).
#[test]
fn g12_one_participant_gets_fresh_aliases() {
    let rng = SystemRandom::new();
    let drawn: HashSet<Alias> = (0..2_000).map(|_| Alias::draw(&rng).unwrap()).collect();
    assert!(drawn.len() > 1_900, "{} distinct of 2000", drawn.len());
}

/// The word lists hold at least 256 distinct, capitalised, single ASCII
/// words each, so an alias carries at least 16 bits of fresh randomness.
#[test]
fn word_lists_are_valid() {
    for (name, words) in [("adjectives", adjectives()), ("animals", animals())] {
        assert!(words.len() >= 256, "{name}: only {}", words.len());
        let distinct: HashSet<_> = words.iter().collect();
        assert_eq!(distinct.len(), words.len(), "{name}: duplicates");
        for w in words {
            let mut chars = w.chars();
            let first = chars.next().unwrap();
            assert!(first.is_ascii_uppercase(), "{name}: {w:?}");
            assert!(chars.all(|c| c.is_ascii_lowercase()), "{name}: {w:?}");
        }
    }
    let raw_lines = kataloop_pseudonymity::ADJECTIVES_TXT.lines().count()
        + kataloop_pseudonymity::ANIMALS_TXT.lines().count();
    assert_eq!(
        raw_lines,
        adjectives().len() + animals().len(),
        "blank or stray lines"
    );
}
