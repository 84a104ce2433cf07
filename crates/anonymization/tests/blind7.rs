//! The seventh blind evaluation: `corpus/blind7.jsonl` (320 texts, see
//! `corpus/BLIND7.md`) was written by someone who had read neither the
//! engine nor any other corpus, while the engine was being tuned on other
//! sets. It was first measured after the tuning on `written43`…`written58`,
//! and once more at the end of the session. It is
//! measurement only: its per-text misses are never printed (`blind: true`)
//! and never looked at, and the engine is never changed because of what it
//! shows.
//!
//! The floors sit just under the figures measured, so the test catches
//! regressions without revealing which texts are missed.

use kataloop_anonymization::PiiKind;

#[macro_use]
mod common;

/// Per kind: (precision, recall, leak ceiling).
///
/// Measured (any PII: precision / recall / character leak), aggregates
/// only, twice:
/// * 2026-11-28, session 6, after tuning on `written43`…`written58` (never
///   on this set): 0.935 / 0.970 / 4.92 % (267 of 5,428); leak by kind:
///   STREET_ADDRESS 11.0 %, SELF_IDENTIFYING 8.3 %, PERSON 4.3 %, every
///   other kind 0. Presidio on the same set: 0.359 / 0.833 / 41.64 %.
/// * 2026-11-28, end of session 6, after `written59`…`written62` too:
///   0.935 / 0.973 / 4.40 % (239 of 5,428); leak by kind: SELF_IDENTIFYING
///   8.3 %, STREET_ADDRESS 7.2 %, PERSON 4.3 %.
/// * End of session 7, after `written63`…`written72`: 0.935 / 0.973 /
///   3.98 % (216 of 5,428); SELF_IDENTIFYING 8.3 %, STREET_ADDRESS 4.1 %,
///   PERSON 4.3 %.
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.86, 0.94, 0.06),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.94, 0.94, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.89, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.76, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.09),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.86, 0.92, 0.10),
];

measured_set!(
    "blind7",
    blind7_corpus_is_large_and_varied(320, 85, 4),
    blind7_figures_do_not_regress(common::Floors {
        per_kind: PER_KIND_FLOORS,
        any_recall: 0.969,
        any_precision: 0.925,
        leak_ceiling: 0.047,
        blind: true,
    })
);
