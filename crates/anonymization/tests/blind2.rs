//! The second blind evaluation set, `corpus/blind2.jsonl` (281 texts, see
//! `corpus/BLIND2.md`), written by someone who had read neither the engine
//! nor any other corpus. It is **no longer blind**: on 2026-11-27 its
//! per-text misses were read and the categories they showed (postal codes
//! and towns after a street, Polish streets, birth cues in other languages,
//! hyphenated and place-tied roles, "whose" clauses, nicknames, products
//! with inner capitals) were fixed with general rules and new dev cases (no
//! blind2 text copied). Its figures are now optimistic; `blind3.rs` holds
//! the honest estimate. The floors below catch regressions.

use kataloop_anonymization::PiiKind;

#[macro_use]
mod common;

/// Measured when the set was added: any-PII precision 0.875, recall 0.950,
/// character leak 6.95 % (267 of 3,843). After the engine's next round of
/// fixes (made without seeing this set): precision 0.943, recall 0.950, leak
/// unchanged. After tuning on its misses: precision 0.968 (0.972 at the
/// end of the session), recall 0.988, leak 0.44 % (17 of 3,843; PERSON only: "mo", "ben", "paddy", part of a
/// nickname). Per kind: (precision, recall, leak ceiling).
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.92, 0.95, 0.03),
    (PiiKind::Email, 0.95, 0.95, 0.02),
    (PiiKind::Phone, 0.95, 0.95, 0.02),
    (PiiKind::Url, 0.95, 0.95, 0.02),
    (PiiKind::IpAddress, 0.95, 0.95, 0.02),
    (PiiKind::CreditCard, 0.95, 0.95, 0.02),
    (PiiKind::Iban, 0.95, 0.95, 0.02),
    (PiiKind::UsSsn, 0.95, 0.95, 0.02),
    (PiiKind::EmployeeId, 0.95, 0.95, 0.02),
    (PiiKind::DateOfBirth, 0.95, 0.95, 0.02),
    (PiiKind::StreetAddress, 0.95, 0.95, 0.02),
    (PiiKind::Handle, 0.95, 0.95, 0.02),
    // 0.875 since "the only one who knows how ..." counts as a checkable
    // skill (the tuning sets' rule); this set's writer did not label it.
    (PiiKind::SelfIdentifying, 0.85, 0.95, 0.03),
];
const ANY_PII_RECALL_FLOOR: f64 = 0.98;
const ANY_PII_PRECISION_FLOOR: f64 = 0.96;
const LEAK_RATE_CEILING: f64 = 0.01;

// The evaluation tenant (`ACME-` employee ids appear in the set).
measured_set!(
    "blind2",
    blind2_corpus_is_large_and_varied(250, 80, 6),
    blind2_figures_do_not_regress(common::Floors {
        per_kind: PER_KIND_FLOORS,
        any_recall: ANY_PII_RECALL_FLOOR,
        any_precision: ANY_PII_PRECISION_FLOOR,
        leak_ceiling: LEAK_RATE_CEILING,
        blind: false,
    })
);
