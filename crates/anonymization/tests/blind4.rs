//! The fourth blind evaluation: `corpus/blind4.jsonl` (319 texts, see
//! `corpus/BLIND4.md`) was written by someone who had read neither the
//! engine nor any other corpus. It is measurement only: its per-text misses
//! are never printed (`blind: true`) and never looked at, and the engine is
//! never changed because of what it shows. It was the honest estimate in
//! session 4; measured after every round since, it is a little optimistic
//! now, and blind5 (`tests/blind5.rs`) is the current honest estimate.
//!
//! The floors sit just under the figures measured, so the test catches
//! regressions without revealing which texts are missed.

use kataloop_anonymization::evaluation::{dev_policy, LabelledText};
use kataloop_anonymization::PiiKind;

mod common;

const CORPUS: &str = include_str!("../corpus/blind4.jsonl");

fn corpus() -> Vec<LabelledText> {
    common::load("blind4", CORPUS)
}

#[test]
fn blind4_corpus_is_large_and_varied() {
    common::assert_large_and_varied("blind4", &corpus(), 310, 80, 7);
}

/// Per kind: (precision, recall, leak ceiling).
///
/// Measured (any PII: precision / recall / character leak), aggregates
/// only:
/// * 2026-11-27, when the set arrived (engine at the start of session 4):
///   0.916 / 0.951 / 5.85 % (312 of 5,337). Presidio on the same set:
///   0.426 / 0.875 / 38.3 %.
/// * 2026-11-27, after tuning on `written10`…`written13` (never on this
///   set): 0.927 / 0.966 / 3.30 % (176 of 5,337).
/// * 2026-11-27, after `written14`…`written19` (never on this set):
///   unchanged, 0.927 / 0.966 / 3.30 %; PERSON leak 5.7 %, STREET_ADDRESS
///   9.6 %, DATE_OF_BIRTH 9.8 %, EMPLOYEE_ID 10.4 %, SELF_IDENTIFYING
///   1.6 % of their characters.
/// * 2026-11-27, after `written20` and `written21` (never on this set):
///   0.928 / 0.970 / 2.15 % (115 of 5,337); STREET_ADDRESS leak 2.9 %, the
///   other kinds unchanged.
/// * 2026-11-27, end of session 4, after `written22` and `written23` (never
///   on this set): 0.928 / 0.973 / 2.06 % (110 of 5,337); leak by kind:
///   PERSON 5.0 %, EMPLOYEE_ID 10.4 %, DATE_OF_BIRTH 9.8 %, STREET_ADDRESS
///   2.9 %, SELF_IDENTIFYING 1.6 %.
/// * 2026-11-28, end of session 5 (after `written27`…`written38`, never on
///   this set): 0.931 / 0.973 / 1.99 % (106 of 5,337); PERSON leak 4.4 %,
///   the other kinds unchanged.
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.91, 0.08),
    (PiiKind::Email, 0.95, 0.95, 0.02),
    (PiiKind::Phone, 0.95, 0.95, 0.02),
    (PiiKind::Url, 0.95, 0.95, 0.02),
    (PiiKind::IpAddress, 0.95, 0.95, 0.02),
    (PiiKind::CreditCard, 0.95, 0.95, 0.02),
    (PiiKind::Iban, 0.95, 0.95, 0.02),
    (PiiKind::UsSsn, 0.95, 0.95, 0.02),
    (PiiKind::EmployeeId, 0.95, 0.85, 0.13),
    (PiiKind::DateOfBirth, 0.73, 0.87, 0.12),
    (PiiKind::StreetAddress, 0.95, 0.95, 0.05),
    (PiiKind::Handle, 0.95, 0.95, 0.02),
    (PiiKind::SelfIdentifying, 0.80, 0.95, 0.04),
];
const ANY_PII_RECALL_FLOOR: f64 = 0.96;
const ANY_PII_PRECISION_FLOOR: f64 = 0.90;
const LEAK_RATE_CEILING: f64 = 0.03;

#[test]
fn blind4_figures_do_not_regress() {
    common::assert_floors_hold(
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
}
