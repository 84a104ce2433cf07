//! The second blind evaluation: `corpus/blind2.jsonl` (281 texts, see
//! `corpus/BLIND2.md`) was written by someone who had read neither the
//! engine nor any other corpus, and it has never been used for tuning. Its
//! figures are the current honest estimate of the engine's quality on
//! workplace feedback. Never tune the engine to this file; write a new blind
//! set when this one has been looked at.
//!
//! The floors sit just under the figures measured when the set was added,
//! so the test catches regressions.

use kataloop_anonymization::evaluation::{dev_policy, load_corpus, LabelledText};
use kataloop_anonymization::{PiiKind, Policy};

mod common;

const CORPUS: &str = include_str!("../corpus/blind2.jsonl");

fn corpus() -> Vec<LabelledText> {
    load_corpus(CORPUS).expect("blind2 corpus parses")
}

/// The evaluation tenant (`ACME-` employee ids appear in the set).
fn policy() -> Policy {
    dev_policy()
}

#[test]
fn blind2_corpus_is_large_and_varied() {
    common::assert_large_and_varied(&corpus(), 250, 80, 6);
}

/// Measured when the set was added: any-PII precision 0.875, recall 0.950,
/// character leak 6.95 % (267 of 3,843), over-redaction 8.3 %. After the
/// engine's next round of fixes (made without seeing this set): precision
/// 0.943, recall 0.950, leak unchanged at 6.95 %. The leak is mostly SELF_IDENTIFYING (130
/// characters: phrases found too short or missed) and STREET_ADDRESS (84).
/// Per kind: (precision, recall, leak ceiling).
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.92, 0.05),
    (PiiKind::Email, 0.95, 0.95, 0.02),
    (PiiKind::Phone, 0.95, 0.95, 0.02),
    (PiiKind::Url, 0.95, 0.95, 0.02),
    (PiiKind::IpAddress, 0.95, 0.95, 0.02),
    (PiiKind::CreditCard, 0.95, 0.95, 0.02),
    (PiiKind::Iban, 0.95, 0.95, 0.02),
    (PiiKind::UsSsn, 0.95, 0.95, 0.02),
    (PiiKind::EmployeeId, 0.95, 0.95, 0.02),
    (PiiKind::DateOfBirth, 0.95, 0.85, 0.15),
    (PiiKind::StreetAddress, 0.95, 0.88, 0.23),
    (PiiKind::Handle, 0.95, 0.85, 0.13),
    (PiiKind::SelfIdentifying, 0.90, 0.75, 0.23),
];
const ANY_PII_RECALL_FLOOR: f64 = 0.94;
const ANY_PII_PRECISION_FLOOR: f64 = 0.93;
const LEAK_RATE_CEILING: f64 = 0.075;

#[test]
fn blind2_figures_do_not_regress() {
    let failures = common::check(
        &corpus(),
        &policy(),
        &common::Floors {
            per_kind: PER_KIND_FLOORS,
            any_recall: ANY_PII_RECALL_FLOOR,
            any_precision: ANY_PII_PRECISION_FLOOR,
            leak_ceiling: LEAK_RATE_CEILING,
        },
    );
    assert!(failures.is_empty(), "regressions: {failures:#?}");
}
