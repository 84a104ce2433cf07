//! The evaluation harness shared by the corpus suites (held-out, blind,
//! written): load a set, print per-type figures (counts and leak) and
//! compare them with floors.
#![allow(dead_code)]

use kataloop_anonymization::evaluation::{evaluate, load_corpus, LabelledText, Report};
use kataloop_anonymization::{PiiKind, Policy};

/// A corpus compiled into the test binary; a parse error names the set.
pub fn load(name: &str, jsonl: &str) -> Vec<LabelledText> {
    load_corpus(jsonl).unwrap_or_else(|e| panic!("{name} corpus does not parse: {e}"))
}

/// A corpus by its file stem, compiled into the test binary.
#[allow(unused_macros)]
macro_rules! corpus {
    ($name:literal) => {
        common::load($name, include_str!(concat!("../corpus/", $name, ".jsonl")))
    };
}

/// The two tests of a measured set, `corpus/<name>.jsonl`: it is large and
/// varied (at least so many texts, texts without PII and spans of every
/// kind), and its figures under the evaluation tenant (or the `policy =`
/// given) stay at or above its floors. The suite file declares
/// `#[macro_use] mod common;`.
#[allow(unused_macros)]
macro_rules! measured_set {
    ($name:literal,
     $varied:ident($texts:expr, $negatives:expr, $per_kind:expr),
     $figures:ident($floors:expr)) => {
        measured_set!(
            $name,
            $varied($texts, $negatives, $per_kind),
            $figures($floors),
            policy = kataloop_anonymization::evaluation::dev_policy()
        );
    };
    ($name:literal,
     $varied:ident($texts:expr, $negatives:expr, $per_kind:expr),
     $figures:ident($floors:expr),
     policy = $policy:expr) => {
        fn corpus() -> Vec<kataloop_anonymization::evaluation::LabelledText> {
            corpus!($name)
        }

        #[test]
        fn $varied() {
            common::assert_large_and_varied($name, &corpus(), $texts, $negatives, $per_kind);
        }

        #[test]
        fn $figures() {
            common::assert_floors_hold(&corpus(), &$policy, &$floors);
        }
    };
}

/// Fails unless the corpus has at least `texts` texts, `negatives` of them
/// without PII, and `per_kind` spans of every built-in kind.
pub fn assert_large_and_varied(
    name: &str,
    corpus: &[LabelledText],
    texts: usize,
    negatives: usize,
    per_kind: usize,
) {
    assert!(corpus.len() >= texts, "{name}: {} texts", corpus.len());
    let clean = corpus.iter().filter(|t| t.spans.is_empty()).count();
    assert!(clean >= negatives, "{name}: {clean} texts without PII");
    for kind in PiiKind::ALL {
        if kind == PiiKind::Custom {
            continue;
        }
        let n = corpus
            .iter()
            .flat_map(|t| &t.spans)
            .filter(|s| s.kind == kind)
            .count();
        assert!(n >= per_kind, "{name}: only {n} {} spans", kind.label());
    }
}
/// Regression floors: per kind (precision, recall, leak ceiling), and the
/// same for any PII.
#[derive(Clone, Copy)]
pub struct Floors {
    pub per_kind: &'static [(PiiKind, f64, f64, f64)],
    pub any_recall: f64,
    pub any_precision: f64,
    pub leak_ceiling: f64,
    /// A blind set: print aggregate figures only, never the texts of its
    /// misses (a failing run must not show what would tune the engine).
    pub blind: bool,
}

/// Prints the figures of `corpus` under `policy` and returns every floor
/// they fall below (empty when all hold).
pub fn check(corpus: &[LabelledText], policy: &Policy, floors: &Floors) -> Vec<String> {
    let Floors {
        any_recall,
        any_precision,
        leak_ceiling,
        blind,
        ..
    } = *floors;
    let r: Report = evaluate(corpus, policy);
    println!("{}", r.render());
    println!(
        "{:<18} {:>4} {:>5} {:>5} {:>7} {:>9} {:>7} {:>6}",
        "type", "gold", "found", "pred", "correct", "leaked", "chars", "leak"
    );
    for (kind, c) in &r.per_kind {
        if c.gold > 0 || c.predicted > 0 {
            println!(
                "{:<18} {:>4} {:>5} {:>5} {:>7} {:>9} {:>7} {:>6.3}",
                kind.label(),
                c.gold,
                c.gold_found,
                c.predicted,
                c.predicted_correct,
                c.leaked_chars,
                c.pii_chars,
                c.leak_rate()
            );
        }
    }
    if !blind {
        for m in &r.false_negatives {
            println!("missed {} {} {:?}", m.id, m.kind, m.value);
        }
        for m in &r.partial {
            println!("partial {} {} {:?}", m.id, m.kind, m.value);
        }
        for m in &r.false_positives {
            println!("false positive {} {} {:?}", m.id, m.kind, m.value);
        }
    }

    let mut failures = Vec::new();
    for &(kind, p_floor, r_floor, leak_ceiling) in floors.per_kind {
        let c = r.per_kind.get(&kind).copied().unwrap_or_default();
        if c.leak_rate() > leak_ceiling {
            failures.push(format!(
                "{} leak rate {:.4} > {leak_ceiling}",
                kind.label(),
                c.leak_rate()
            ));
        }
        if c.precision() < p_floor {
            failures.push(format!(
                "{} precision {:.3} < {p_floor}",
                kind.label(),
                c.precision()
            ));
        }
        if c.recall() < r_floor {
            failures.push(format!(
                "{} recall {:.3} < {r_floor}",
                kind.label(),
                c.recall()
            ));
        }
    }
    let o = r.overall;
    if o.recall() < any_recall {
        failures.push(format!("any-PII recall {:.3} < {any_recall}", o.recall()));
    }
    if o.precision() < any_precision {
        failures.push(format!(
            "any-PII precision {:.3} < {any_precision}",
            o.precision()
        ));
    }
    if r.leak_rate() > leak_ceiling {
        failures.push(format!("leak rate {:.4} > {leak_ceiling}", r.leak_rate()));
    }
    failures
}

/// Fails with every floor the figures of `corpus` fall below.
pub fn assert_floors_hold(corpus: &[LabelledText], policy: &Policy, floors: &Floors) {
    let failures = check(corpus, policy, floors);
    assert!(failures.is_empty(), "regressions: {failures:#?}");
}
