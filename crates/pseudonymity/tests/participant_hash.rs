//! Guarantees 9 and 10: participant hashes and canonical HR ids
//! (docs: /work/shared/specs/anonymity-guarantees.md).

use kataloop_pseudonymity::{
    CanonicalHrId, HashError, HashedHrId, HrIdError, HrIdHasher, Pepper, MAX_HR_ID_BYTES,
    MIN_PRODUCTION_COST,
};
use proptest::prelude::*;

/// Cost 4: hashing semantics do not depend on the cost, and it keeps the
/// property tests fast.
fn hasher(pepper: [u8; 32]) -> HrIdHasher {
    HrIdHasher::new_for_tests(Pepper::from_bytes(pepper), 4).unwrap()
}

fn hash(h: &HrIdHasher, raw: &str) -> HashedHrId {
    h.hash(&CanonicalHrId::new(raw).unwrap()).unwrap()
}

/// Ids mixing ASCII, Latin-1, CJK and astral characters (1–4 UTF-8 bytes
/// each), from 0 to about 512 bytes.
fn raw_id() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::char::range('a', 'z'),
            1 => prop::char::range('0', '9'),
            1 => prop::sample::select(vec!['.', '@', '-', '_', 'é', 'ß', 'ø', 'ж', '漢', '字', '😀', '𝔸']),
        ],
        0..200,
    )
    .prop_map(|chars| chars.into_iter().collect::<String>())
    .prop_filter("at most 512 bytes", |s| s.len() <= 512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Guarantee 9: for any valid HR id (any length up to the limit, with
    /// multibyte characters), replacing any one character, at any position,
    /// including past byte 72 where plain bcrypt would stop reading, changes
    /// the participant hash whenever it changes the canonical id.
    #[test]
    fn g9_every_character_changes_the_hash(raw in raw_id(), pos in any::<prop::sample::Index>(), replacement in prop::char::range('a', 'z')) {
        let h = hasher([7; 32]);
        let Ok(id) = CanonicalHrId::new(&raw) else {
            // Invalid ids (empty, too long) are refused with a typed error.
            return Ok(());
        };
        let original = h.hash(&id).unwrap();
        let chars: Vec<char> = id.expose().chars().collect();
        let i = pos.index(chars.len());
        let mut changed = chars.clone();
        changed[i] = replacement;
        let changed: String = changed.into_iter().collect();
        let changed_id = match CanonicalHrId::new(&changed) {
            Ok(c) => c,
            Err(_) => return Ok(()),
        };
        if changed_id != id {
            prop_assert_ne!(h.hash(&changed_id).unwrap(), original);
        }
    }

    /// Guarantee 9: the hash depends on nothing but pepper and id: the same
    /// pepper and id give the same hash across separately built hashers, and
    /// the same id under two different peppers (two tenants) gives unrelated
    /// hashes.
    #[test]
    fn g9_deterministic_per_pepper_and_separated_across_peppers(raw in raw_id(), p1 in prop::array::uniform32(any::<u8>()), p2 in prop::array::uniform32(any::<u8>())) {
        prop_assume!(p1 != p2);
        let Ok(id) = CanonicalHrId::new(&raw) else { return Ok(()) };
        let a = hasher(p1).hash(&id).unwrap();
        prop_assert_eq!(&hasher(p1).hash(&id).unwrap(), &a);
        prop_assert_ne!(hasher(p2).hash(&id).unwrap(), a);
    }

    /// Guarantee 9: arbitrary input (0–512 bytes, any Unicode) either becomes
    /// a canonical id or is refused with a typed error; never a panic.
    #[test]
    fn g9_any_input_is_an_id_or_a_typed_error(raw in "\\PC{0,200}") {
        match CanonicalHrId::new(&raw) {
            Ok(id) => prop_assert!(!id.expose().is_empty() && id.expose().len() <= MAX_HR_ID_BYTES),
            Err(e) => prop_assert!(
                matches!(e, HrIdError::Empty | HrIdError::ContainsNul | HrIdError::TooLong { .. }),
                "unexpected error kind"
            ),
        }
    }

    /// Guarantee 10: canonicalisation is idempotent: canonicalising a
    /// canonical id changes nothing, so stored and re-entered ids agree.
    #[test]
    fn g10_canonicalisation_is_idempotent(raw in "\\PC{1,100}") {
        if let Ok(id) = CanonicalHrId::new(&raw) {
            let again = CanonicalHrId::new(id.expose()).unwrap();
            prop_assert_eq!(again.expose(), id.expose());
        }
    }

    /// Guarantee 10: an ASCII id with random letter case and random
    /// surrounding whitespace (spaces, tabs, newlines, no-break and
    /// ideographic spaces) is the same participant as its plain lowercase
    /// form.
    #[test]
    fn g10_case_and_whitespace_variants_are_one_participant(
        base in "[a-z0-9][a-z0-9.@_-]{0,40}",
        upper_mask in any::<u64>(),
        pad in prop::collection::vec(prop::sample::select(vec![" ", "\t", "\n", "\u{a0}", "\u{3000}", "\u{2003}"]), 0..4),
    ) {
        let h = hasher([9; 32]);
        let varied: String = base
            .chars()
            .enumerate()
            .map(|(i, c)| if upper_mask >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        let padded = format!("{}{}{}", pad.concat(), varied, pad.concat());
        prop_assert_eq!(hash(&h, &padded), hash(&h, &base));
    }
}

/// Guarantee 9: two 200-byte ids that differ only at byte 150 (well past
/// bcrypt's 72-byte limit) hash differently; so do ids differing only in
/// their last byte at the 256-byte limit.
#[test]
fn g9_bytes_past_72_count() {
    let h = hasher([1; 32]);
    let mut a = "a".repeat(200);
    let b = {
        let mut s = a.clone();
        s.replace_range(150..151, "b");
        s
    };
    assert_ne!(hash(&h, &a), hash(&h, &b));
    a = "x".repeat(MAX_HR_ID_BYTES);
    let mut c = "x".repeat(MAX_HR_ID_BYTES - 1);
    c.push('y');
    assert_ne!(hash(&h, &a), hash(&h, &c));
}

/// Guarantee 9: the same HR id in two tenants (two peppers) maps to unrelated
/// hashes: they differ in salt as well as in digest.
#[test]
fn g9_two_tenants_share_nothing() {
    let a = hash(&hasher([1; 32]), "alice@example.com");
    let b = hash(&hasher([2; 32]), "alice@example.com");
    assert_ne!(a, b);
    assert_ne!(a.as_str()[7..29], b.as_str()[7..29], "salts must differ");
    assert_ne!(a.as_str()[29..], b.as_str()[29..]);
}

/// The hash is a standard bcrypt string at the configured cost, so its cost
/// can be audited from storage.
#[test]
fn hash_is_a_bcrypt_string_recording_its_cost() {
    let h = hasher([5; 32]);
    let out = hash(&h, "emp-0001");
    assert_eq!(out.as_str().len(), 60);
    assert!(out.as_str().starts_with("$2b$04$"));
    assert_eq!(out.cost(), Some(4));
    let prod = HrIdHasher::new(Pepper::from_bytes([5; 32]), 10).unwrap();
    assert_eq!(
        prod.hash(&CanonicalHrId::new("emp-0001").unwrap())
            .unwrap()
            .cost(),
        Some(10)
    );
}

/// Production hashers refuse costs below 10; test hashers accept 4..=31 only.
#[test]
fn production_cost_floor_is_enforced() {
    assert_eq!(MIN_PRODUCTION_COST, 10);
    for cost in [0, 4, 9] {
        assert_eq!(
            HrIdHasher::new(Pepper::from_bytes([0; 32]), cost).unwrap_err(),
            HashError::CostTooLow { cost, min: 10 }
        );
    }
    assert!(HrIdHasher::with_default_cost(Pepper::from_bytes([0; 32])).is_ok());
    assert_eq!(
        HrIdHasher::with_default_cost(Pepper::from_bytes([0; 32]))
            .unwrap()
            .cost(),
        10
    );
    for cost in [0, 3, 32] {
        assert_eq!(
            HrIdHasher::new_for_tests(Pepper::from_bytes([0; 32]), cost).unwrap_err(),
            HashError::CostOutOfRange { cost }
        );
    }
}

/// Guarantee 10: ids that differ only in surrounding whitespace, letter case
/// or Unicode compatibility form are one participant.
#[test]
fn g10_known_variants_are_one_participant() {
    let h = hasher([3; 32]);
    let pairs = [
        ("ＡＢＣ１２３", "abc123"),                   // full-width forms
        (" Alice@Example.com ", "alice@example.com"), // spaces and case
        ("\u{a0}bob\u{3000}", "bob"),                 // no-break and ideographic spaces
        ("\tEMP-42\r\n", "emp-42"),                   // tabs and line ends
        ("e\u{301}mile", "\u{e9}mile"),               // combining accent vs precomposed
        ("\u{fb01}le", "file"),                       // ligature
        ("\u{212a}elvin", "kelvin"),                  // Kelvin sign
        ("Ⅻ", "xii"),                                 // Roman numeral
        ("ÉMILE", "émile"),                           // non-ASCII case
        ("①②", "12"),                                 // circled digits
    ];
    for (variant, plain) in pairs {
        assert_eq!(
            CanonicalHrId::new(variant).unwrap(),
            CanonicalHrId::new(plain).unwrap(),
            "{variant:?} vs {plain:?}"
        );
        assert_eq!(
            hash(&h, variant),
            hash(&h, plain),
            "{variant:?} vs {plain:?}"
        );
    }
    // Different ids stay different.
    assert_ne!(hash(&h, "alice"), hash(&h, "alicia"));
    assert_ne!(hash(&h, "emp-42"), hash(&h, "emp 42"));
}

#[test]
fn bad_ids_are_typed_errors() {
    assert_eq!(CanonicalHrId::new("").unwrap_err(), HrIdError::Empty);
    assert_eq!(
        CanonicalHrId::new(" \t\n\u{3000} ").unwrap_err(),
        HrIdError::Empty
    );
    assert_eq!(
        CanonicalHrId::new("ab\0cd").unwrap_err(),
        HrIdError::ContainsNul
    );
    assert_eq!(
        CanonicalHrId::new("\0").unwrap_err(),
        HrIdError::ContainsNul
    );
    assert_eq!(
        CanonicalHrId::new(&"a".repeat(257)).unwrap_err(),
        HrIdError::TooLong { max: 256, got: 257 }
    );
    assert!(CanonicalHrId::new(&"a".repeat(256)).is_ok());
    // 86 × "ж" (2 bytes) = 172 bytes is fine; 129 × "ж" = 258 bytes is not.
    assert!(CanonicalHrId::new(&"ж".repeat(86)).is_ok());
    assert!(matches!(
        CanonicalHrId::new(&"ж".repeat(129)),
        Err(HrIdError::TooLong { got: 258, .. })
    ));
    // Length is measured after canonicalisation: "Ⅻ" (3 bytes) becomes "xii".
    assert!(CanonicalHrId::new(&"Ⅻ".repeat(85)).is_ok());
    assert!(matches!(
        CanonicalHrId::new(&"Ⅻ".repeat(86)),
        Err(HrIdError::TooLong { got: 258, .. })
    ));
    // Huge input is refused before any normalisation work.
    assert!(matches!(
        CanonicalHrId::new(&"a".repeat(1 << 20)),
        Err(HrIdError::TooLong { .. })
    ));
    // Surrounding whitespace does not count towards the limit.
    assert!(CanonicalHrId::new(&format!("   {}   ", "a".repeat(256))).is_ok());
}

/// Guarantee 23: `Debug` of an HR id, a pepper and a hasher prints the
/// placeholder and none of the id or pepper bytes; the hash shows only a
/// short prefix; error messages never include the id.
#[test]
fn g23_debug_prints_no_id_or_pepper() {
    let id = CanonicalHrId::new("Secret.Person@Example.com").unwrap();
    let shown = format!("{id:?} {id:#?}");
    assert!(shown.contains("[redacted]"));
    assert!(!shown.to_lowercase().contains("secret.person"));
    assert!(!shown.contains("example"));

    let pepper_bytes = [0x5c; 32];
    let pepper = Pepper::from_bytes(pepper_bytes);
    let hex: String = pepper_bytes.iter().map(|b| format!("{b:02x}")).collect();
    for shown in [format!("{pepper:?}"), format!("{:?}", hasher(pepper_bytes))] {
        assert!(shown.contains("[redacted]"), "{shown}");
        assert!(!shown.contains(&hex[..16]), "{shown}");
        assert!(!shown.contains("92, 92"), "{shown}");
    }

    let hashed = hash(&hasher(pepper_bytes), "someone");
    let shown = format!("{hashed:?}");
    assert!(shown.len() < 30, "{shown}");
    assert!(!shown.contains(&hashed.as_str()[11..]));

    for raw in ["x\0secretname", &"secretname".repeat(30)] {
        let err = CanonicalHrId::new(raw).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("secretname"), "{shown}");
    }
}

/// The derivation follows its specification: for a fixed pepper and id, the
/// hash equals bcrypt (cost 4) over the base64 HMAC input and salt computed
/// independently (Python `hmac`/`base64`):
/// `base64(HMAC-SHA256(pepper, "kataloop/hr-id/v1" || len u32 BE || id))`
/// and `HMAC-SHA256(pepper, "kataloop/bcrypt-salt/v1")[..16]`. It is also
/// pinned to a golden string: changing the derivation would silently turn
/// every existing participant into a new one.
#[test]
fn derivation_matches_specification_and_is_frozen() {
    let h = HrIdHasher::new_for_tests(Pepper::from_bytes(core::array::from_fn(|i| i as u8)), 4)
        .unwrap();
    let out = hash(&h, "alice@example.com");
    let password = "aejEk1J6JLit+5ZriUlfMkXRKXqfa/qMhABKI0Y/nQE=";
    let salt: [u8; 16] = [
        0x1c, 0x51, 0x9d, 0x63, 0x3e, 0xdb, 0x2a, 0x16, 0x75, 0x13, 0x33, 0x59, 0x58, 0x1a, 0x66,
        0x6c,
    ];
    let expected = bcrypt::hash_with_salt(password, 4, salt)
        .unwrap()
        .format_for_version(bcrypt::Version::TwoB);
    assert_eq!(out.as_str(), expected);
    assert_eq!(out.as_str(), GOLDEN);
}

const GOLDEN: &str = "$2b$04$FDEbWx5ZIfXzCxLXU/nkZ.lzV44EGtr0AkqlziBFcVMXJ.LiSNwbG";
