//! The third blind evaluation: `corpus/blind3.jsonl` (308 texts, see
//! `corpus/BLIND3.md`) was written by someone who had read neither the
//! engine nor any other corpus. It is measurement only: its per-text misses
//! are never printed (`blind: true`) and never looked at, and the engine is
//! never changed because of what it shows. Its figures are the current
//! honest estimate of the engine's quality on workplace feedback.
//!
//! The floors sit just under the figures measured, so the test catches
//! regressions without revealing which texts are missed.

use kataloop_anonymization::evaluation::{dev_policy, load_corpus, LabelledText};
use kataloop_anonymization::PiiKind;

mod common;

const CORPUS: &str = include_str!("../corpus/blind3.jsonl");

fn corpus() -> Vec<LabelledText> {
    load_corpus(CORPUS).expect("blind3 corpus parses")
}

#[test]
fn blind3_corpus_is_large_and_varied() {
    common::assert_large_and_varied(&corpus(), 300, 85, 7);
}

/// Per kind: (precision, recall, leak ceiling). Measured figures are in
/// `docs/benchmarks.md` (PII section) with the date of each measurement.
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.80, 0.96, 0.05),
    (PiiKind::Email, 0.95, 0.95, 0.02),
    (PiiKind::Phone, 0.93, 0.95, 0.02),
    (PiiKind::Url, 0.95, 0.95, 0.02),
    (PiiKind::IpAddress, 0.95, 0.95, 0.02),
    (PiiKind::CreditCard, 0.95, 0.95, 0.02),
    (PiiKind::Iban, 0.95, 0.95, 0.02),
    (PiiKind::UsSsn, 0.95, 0.85, 0.15),
    (PiiKind::EmployeeId, 0.95, 0.85, 0.15),
    (PiiKind::DateOfBirth, 0.95, 0.70, 0.30),
    (PiiKind::StreetAddress, 0.95, 0.85, 0.30),
    (PiiKind::Handle, 0.95, 0.95, 0.05),
    (PiiKind::SelfIdentifying, 0.85, 0.60, 0.50),
];
const ANY_PII_RECALL_FLOOR: f64 = 0.93;
const ANY_PII_PRECISION_FLOOR: f64 = 0.90;
const LEAK_RATE_CEILING: f64 = 0.14;

#[test]
fn blind3_figures_do_not_regress() {
    let failures = common::check(
        &corpus(),
        &dev_policy(),
        &common::Floors {
            per_kind: PER_KIND_FLOORS,
            any_recall: ANY_PII_RECALL_FLOOR,
            any_precision: ANY_PII_PRECISION_FLOOR,
            leak_ceiling: LEAK_RATE_CEILING,
            blind: true,
        },
    );
    assert!(failures.is_empty(), "regressions: {failures:#?}");
}
