//! The third blind evaluation: `corpus/blind3.jsonl` (308 texts, see
//! `corpus/BLIND3.md`) was written by someone who had read neither the
//! engine nor any other corpus. It is measurement only: its per-text misses
//! are never printed (`blind: true`) and never looked at, and the engine is
//! never changed because of what it shows. It has been measured after
//! every round since session 3, so it is a little optimistic now; blind5
//! (`tests/blind5.rs`) is the current honest estimate.
//!
//! The floors sit just under the figures measured, so the test catches
//! regressions without revealing which texts are missed.

use kataloop_anonymization::PiiKind;

#[macro_use]
mod common;

/// Per kind: (precision, recall, leak ceiling).
///
/// Measured (any PII: precision / recall / character leak):
/// * 2026-11-27, when the set arrived (engine after the blind2 fixes):
///   0.916 / 0.944 / 13.40 % (654 of 4,881); SELF_IDENTIFYING leaked 492
///   of its 1,372 characters, STREET_ADDRESS 108 of 565.
/// * 2026-11-27, after tuning on `written.jsonl` (never on this set):
///   0.897 / 0.968 / 6.56 % (320 of 4,881); SELF_IDENTIFYING 180 of 1,372
///   (precision 0.742: the third-person rule over-redacts), STREET_ADDRESS
///   97 of 565, DATE_OF_BIRTH 20 of 80, PERSON 14 of 1,032.
/// * 2026-11-27, after tuning on `written2`…`written6` (never on this
///   set): 0.915 / 0.984 / 2.85 % (139 of 4,881); SELF_IDENTIFYING 72 of
///   1,372 (precision 0.714), STREET_ADDRESS 38 of 565, PERSON 14 of
///   1,032, EMPLOYEE_ID 9 of 87, DATE_OF_BIRTH 6 of 80. Presidio on the
///   same set: 0.406 / 0.841 / 35.4 %.
/// * 2026-11-27, end of session (after `written7`…`written9`, never on this
///   set): 0.922 / 0.984 / 2.85 %; PERSON precision 0.906,
///   SELF_IDENTIFYING 0.714 / 0.962, STREET_ADDRESS recall 0.933.
/// * 2026-11-27, session 4, after tuning on `written10`…`written17` (never
///   on this set): 0.933 / 0.992 / 2.50 % (122 of 4,881); PERSON 0.931 /
///   1.000, SELF_IDENTIFYING 0.714 / 0.962.
/// * 2026-11-27, end of session 4 (after `written18`…`written25`, never on
///   this set): unchanged, 0.933 / 0.992 / 2.50 %.
/// * 2026-11-28, end of session 5 (after `written27`…`written38`, never on
///   this set): 0.933 / 0.992 / 2.44 % (119 of 4,881).
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.96, 0.02),
    (PiiKind::Email, 0.95, 0.95, 0.02),
    (PiiKind::Phone, 0.93, 0.95, 0.02),
    (PiiKind::Url, 0.95, 0.95, 0.02),
    (PiiKind::IpAddress, 0.95, 0.95, 0.02),
    (PiiKind::CreditCard, 0.95, 0.95, 0.02),
    (PiiKind::Iban, 0.95, 0.95, 0.02),
    (PiiKind::UsSsn, 0.95, 0.95, 0.02),
    (PiiKind::EmployeeId, 0.95, 0.85, 0.15),
    (PiiKind::DateOfBirth, 0.95, 0.95, 0.10),
    (PiiKind::StreetAddress, 0.95, 0.90, 0.08),
    (PiiKind::Handle, 0.95, 0.95, 0.02),
    // The rules for descriptions of colleagues redact more than this set
    // labels: a deliberate trade of precision for leaks, not a fix aimed
    // at this set.
    (PiiKind::SelfIdentifying, 0.65, 0.92, 0.06),
];

measured_set!(
    "blind3",
    blind3_corpus_is_large_and_varied(300, 85, 7),
    blind3_figures_do_not_regress(common::Floors {
        per_kind: PER_KIND_FLOORS,
        any_recall: 0.975,
        any_precision: 0.90,
        leak_ceiling: 0.03,
        blind: true,
    })
);
