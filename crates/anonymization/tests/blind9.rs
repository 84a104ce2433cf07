//! The ninth blind evaluation: `corpus/blind9.jsonl` (320 texts, see
//! `corpus/BLIND9.md`) was written in session 7 by someone who had read
//! neither the engine nor any other corpus. It was measured when it arrived
//! (after the session's first address rules), at the end of the session and
//! after the review fixes, always as aggregates only: its per-text misses are never
//! printed (`blind: true`) and never looked at, and the engine is never
//! changed because of what it shows.
//!
//! The floors sit just under the figures measured, so the test catches
//! regressions without revealing which texts are missed.

use kataloop_anonymization::PiiKind;

#[macro_use]
mod common;

/// Per kind: (precision, recall, leak ceiling).
///
/// Measured (any PII: precision / recall / character leak), aggregates
/// only: on arrival, 2026-11-28 (session 7, after its first address
/// rules): 0.921 / 0.996 / 0.17 % (10 of 6,021); at the end of session 7
/// the same (leak by kind: PERSON 0.4 %, SELF_IDENTIFYING 0.3 %, every
/// other kind 0); after the session's review fixes (a name listed before a
/// name at a text's start, found by reading the code, not this set):
/// 0.921 / 1.000 / 0.10 % (6 of 6,021), PERSON 0, SELF_IDENTIFYING 0.3 %.
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.98, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.94, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.87, 0.99, 0.01),
];

measured_set!(
    "blind9",
    blind9_corpus_is_large_and_varied(320, 90, 4),
    blind9_figures_do_not_regress(common::Floors {
        per_kind: PER_KIND_FLOORS,
        any_recall: 0.992,
        any_precision: 0.91,
        leak_ceiling: 0.004,
        blind: true,
    })
);
