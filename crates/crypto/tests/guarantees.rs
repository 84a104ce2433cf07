//! Guarantees 13–17 and 23 (docs: /work/shared/specs/anonymity-guarantees.md)
//! as property tests over the public API.

use std::collections::HashSet;
use std::sync::Arc;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine;
use kataloop_crypto::{
    sealed_key_version, CryptoError, DataKey, KeyEncryptionKey, KeyPurpose, MasterKey, Pepper,
    RewrapItem, RewrapProgress, SealContext, SecretBytes, TenantKeyring, DEFAULT_USAGE_LIMIT,
    SEAL_HEADER_LEN, SEAL_OVERHEAD,
};
use kataloop_tenancy::TenantId;
use proptest::prelude::*;
use uuid::Uuid;

/// Includes names of equal length, so the column binding is tested on the
/// name itself and not only on its length prefix.
const COLUMNS: [&str; 5] = [
    "rides.conversation",
    "rides.summary",
    "rides.notes_a",
    "rides.notes_b",
    "participants.x",
];

fn keyring() -> TenantKeyring {
    TenantKeyring::generate(TenantId::random()).unwrap()
}

fn ctx_for(ring: &TenantKeyring, column: &'static str) -> SealContext {
    SealContext::new(ring.tenant(), Uuid::new_v4(), column)
}

fn uuid_strategy() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

// ---------------------------------------------------------------- guarantee 13

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Guarantee 13: any plaintext from 0 to 64 KiB comes back byte for byte
    /// from `open(seal(x))`, and the sealed form is exactly the documented
    /// overhead longer.
    #[test]
    fn g13_open_of_seal_is_identity(
        plaintext in prop::collection::vec(any::<u8>(), 0..=64 * 1024),
        col in 0..COLUMNS.len(),
    ) {
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[col]);
        let blob = ring.seal(&plaintext, &ctx).unwrap();
        prop_assert_eq!(blob.len(), plaintext.len() + SEAL_OVERHEAD);
        prop_assert_eq!(ring.open(&blob, &ctx).unwrap(), plaintext);
    }

    /// Guarantee 13: sealing the same plaintext twice for the same place gives
    /// two different ciphertexts (fresh nonce each time), both of which open.
    #[test]
    fn g13_sealing_twice_differs(plaintext in prop::collection::vec(any::<u8>(), 0..2048)) {
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[0]);
        let a = ring.seal(&plaintext, &ctx).unwrap();
        let b = ring.seal(&plaintext, &ctx).unwrap();
        prop_assert_ne!(&a, &b);
        prop_assert_ne!(&a[SEAL_HEADER_LEN - 12..SEAL_HEADER_LEN], &b[SEAL_HEADER_LEN - 12..SEAL_HEADER_LEN]);
        prop_assert_eq!(ring.open(&a, &ctx).unwrap(), plaintext.clone());
        prop_assert_eq!(ring.open(&b, &ctx).unwrap(), plaintext);
    }
}

// ---------------------------------------------------------------- guarantee 14

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Guarantee 14: a ciphertext opened for another row fails.
    #[test]
    fn g14_other_row_fails(plaintext in prop::collection::vec(any::<u8>(), 0..512), other in uuid_strategy()) {
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[0]);
        prop_assume!(other != ctx.row);
        let blob = ring.seal(&plaintext, &ctx).unwrap();
        let moved = SealContext { row: other, ..ctx };
        prop_assert!(matches!(ring.open(&blob, &moved), Err(CryptoError::OpenFailed)));
    }

    /// Guarantee 14: a ciphertext opened for another column of the same row
    /// fails.
    #[test]
    fn g14_other_column_fails(plaintext in prop::collection::vec(any::<u8>(), 0..512), a in 0..COLUMNS.len(), b in 0..COLUMNS.len()) {
        prop_assume!(a != b);
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[a]);
        let blob = ring.seal(&plaintext, &ctx).unwrap();
        let moved = SealContext { column: COLUMNS[b], ..ctx };
        prop_assert!(matches!(ring.open(&blob, &moved), Err(CryptoError::OpenFailed)));
    }

    /// Guarantee 14: a ciphertext moved to another tenant fails, both through
    /// that tenant's keyring and when presented to its own keyring under the
    /// other tenant's id.
    #[test]
    fn g14_other_tenant_fails(plaintext in prop::collection::vec(any::<u8>(), 0..512)) {
        let a = keyring();
        let b = keyring();
        let ctx_a = ctx_for(&a, COLUMNS[0]);
        let blob = a.seal(&plaintext, &ctx_a).unwrap();
        let ctx_b = SealContext { tenant: b.tenant(), ..ctx_a };
        prop_assert!(matches!(b.open(&blob, &ctx_b), Err(CryptoError::OpenFailed)));
        prop_assert!(matches!(a.open(&blob, &ctx_b), Err(CryptoError::WrongTenant)));
    }

    /// Guarantee 14: relabelling a ciphertext with another key version the
    /// keyring holds fails.
    #[test]
    fn g14_other_key_version_fails(plaintext in prop::collection::vec(any::<u8>(), 0..512)) {
        let mut ring = keyring();
        ring.rotate().unwrap();
        let ctx = ctx_for(&ring, COLUMNS[0]);
        let mut blob = ring.seal(&plaintext, &ctx).unwrap();
        prop_assert_eq!(sealed_key_version(&blob).unwrap(), 2);
        blob[1..5].copy_from_slice(&1u32.to_be_bytes());
        prop_assert!(matches!(ring.open(&blob, &ctx), Err(CryptoError::OpenFailed)));
    }

    /// Guarantee 14: flipping any single bit anywhere in a sealed value
    /// (header, nonce, ciphertext or tag) makes opening fail with an error,
    /// never with altered plaintext.
    #[test]
    fn g14_any_bit_flip_fails(plaintext in prop::collection::vec(any::<u8>(), 0..512), bit in any::<prop::sample::Index>()) {
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[0]);
        let mut blob = ring.seal(&plaintext, &ctx).unwrap();
        let i = bit.index(blob.len() * 8);
        blob[i / 8] ^= 1 << (i % 8);
        prop_assert!(ring.open(&blob, &ctx).is_err());
    }

    /// Guarantee 14: any truncation of a sealed value fails with an error.
    #[test]
    fn g14_truncation_fails(plaintext in prop::collection::vec(any::<u8>(), 0..256), cut in any::<prop::sample::Index>()) {
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[0]);
        let blob = ring.seal(&plaintext, &ctx).unwrap();
        let keep = cut.index(blob.len());
        prop_assert!(ring.open(&blob[..keep], &ctx).is_err());
    }

    /// Guarantee 14: arbitrary bytes presented as a sealed value yield a typed
    /// error and never a panic.
    #[test]
    fn g14_garbage_is_a_typed_error(garbage in prop::collection::vec(any::<u8>(), 0..256)) {
        let ring = keyring();
        let ctx = ctx_for(&ring, COLUMNS[0]);
        prop_assert!(ring.open(&garbage, &ctx).is_err());
    }
}

/// Guarantee 14: every one of the bits of a short sealed value, flipped in
/// turn, makes opening fail (exhaustive, not sampled).
#[test]
fn g14_every_bit_flip_fails_exhaustively() {
    let ring = keyring();
    let ctx = ctx_for(&ring, COLUMNS[0]);
    let blob = ring.seal(b"short feedback", &ctx).unwrap();
    for i in 0..blob.len() * 8 {
        let mut bad = blob.clone();
        bad[i / 8] ^= 1 << (i % 8);
        assert!(ring.open(&bad, &ctx).is_err(), "bit {i} flip accepted");
    }
}

/// Guarantee 14: the typed errors for structural damage.
#[test]
fn g14_structural_errors_are_typed() {
    let ring = keyring();
    let ctx = ctx_for(&ring, COLUMNS[0]);
    let blob = ring.seal(b"x", &ctx).unwrap();
    assert!(matches!(ring.open(&[], &ctx), Err(CryptoError::Truncated)));
    assert!(matches!(
        ring.open(&blob[..SEAL_OVERHEAD - 1], &ctx),
        Err(CryptoError::Truncated)
    ));
    let mut unknown_format = blob.clone();
    unknown_format[0] = 2;
    assert!(matches!(
        ring.open(&unknown_format, &ctx),
        Err(CryptoError::UnsupportedFormat { found: 2 })
    ));
    let mut unknown_version = blob.clone();
    unknown_version[1..5].copy_from_slice(&77u32.to_be_bytes());
    assert!(matches!(
        ring.open(&unknown_version, &ctx),
        Err(CryptoError::UnknownKeyVersion { version: 77 })
    ));
}

// ---------------------------------------------------------------- guarantee 15

/// Guarantee 15: over 100,000 seals under one key, no nonce repeats.
#[test]
fn g15_nonces_never_repeat_under_one_key() {
    const SEALS: usize = 100_000;
    let ring = keyring();
    let ctx = ctx_for(&ring, COLUMNS[0]);
    let mut nonces = HashSet::with_capacity(SEALS);
    for _ in 0..SEALS {
        let blob = ring.seal(b"", &ctx).unwrap();
        let nonce: [u8; 12] = blob[SEAL_HEADER_LEN - 12..SEAL_HEADER_LEN]
            .try_into()
            .unwrap();
        assert!(nonces.insert(nonce), "nonce repeated");
    }
    assert_eq!(ring.seals_done(), SEALS as u64);
}

/// Guarantee 15 with the buffered nonce source: 4 threads sealing 50,000
/// values each under one shared key (every thread crosses its nonce buffer's
/// refill boundary ~195 times) never produce the same nonce twice, and the
/// usage counter counts every seal.
#[test]
fn g15_nonces_never_repeat_across_threads() {
    const THREADS: usize = 4;
    const PER_THREAD: usize = 50_000;
    let ring = Arc::new(keyring());
    let ctx = ctx_for(&ring, COLUMNS[0]);
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let ring = Arc::clone(&ring);
            std::thread::spawn(move || {
                (0..PER_THREAD)
                    .map(|_| {
                        let blob = ring.seal(b"", &ctx).unwrap();
                        let nonce: [u8; 12] = blob[SEAL_HEADER_LEN - 12..SEAL_HEADER_LEN]
                            .try_into()
                            .unwrap();
                        nonce
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut nonces = HashSet::with_capacity(THREADS * PER_THREAD);
    for h in handles {
        for nonce in h.join().unwrap() {
            assert!(nonces.insert(nonce), "nonce repeated");
        }
    }
    assert_eq!(nonces.len(), THREADS * PER_THREAD);
    assert_eq!(ring.seals_done(), (THREADS * PER_THREAD) as u64);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Guarantee 15: a key with usage limit N seals exactly N values, then
    /// refuses with `KeyExhausted` naming its version; after rotation the new
    /// key seals again and the exhausted key still opens what it sealed.
    #[test]
    fn g15_usage_limit_refuses_then_rotation_recovers(limit in 0u64..40) {
        let mut ring = keyring().with_usage_limit(limit);
        let ctx = ctx_for(&ring, COLUMNS[0]);
        let mut sealed = Vec::new();
        for _ in 0..limit {
            sealed.push(ring.seal(b"ok", &ctx).unwrap());
        }
        prop_assert_eq!(ring.seals_done(), limit);
        prop_assert!(
            matches!(ring.seal(b"one too many", &ctx), Err(CryptoError::KeyExhausted { version: 1 })),
            "sealing past the limit must fail with KeyExhausted"
        );
        prop_assert_eq!(ring.seals_done(), limit);
        ring.rotate().unwrap();
        if limit > 0 {
            let fresh = ring.seal(b"new key", &ctx).unwrap();
            prop_assert_eq!(sealed_key_version(&fresh).unwrap(), 2);
        }
        for blob in &sealed {
            prop_assert_eq!(ring.open(blob, &ctx).unwrap(), b"ok".to_vec());
        }
    }

    /// Guarantee 15: the usage count restored from storage is honoured and can
    /// only be raised, never lowered, so a restart cannot reset a key's budget.
    #[test]
    fn g15_restored_count_is_honoured(limit in 1u64..1000, done in 0u64..2000) {
        let ring = keyring().with_usage_limit(limit);
        let ctx = ctx_for(&ring, COLUMNS[0]);
        ring.restore_seals_done(1, done).unwrap();
        ring.restore_seals_done(1, 0).unwrap();
        prop_assert_eq!(ring.seals_done(), done);
        prop_assert_eq!(ring.seal(b"x", &ctx).is_ok(), done < limit);
    }
}

/// Guarantee 15: concurrent sealers together never exceed the usage limit.
#[test]
fn g15_usage_limit_holds_under_concurrency() {
    const LIMIT: u64 = 5_000;
    let ring = Arc::new(keyring().with_usage_limit(LIMIT));
    let ctx = ctx_for(&ring, COLUMNS[0]);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let ring = Arc::clone(&ring);
            std::thread::spawn(move || (0..2_000).filter(|_| ring.seal(b"x", &ctx).is_ok()).count())
        })
        .collect();
    let ok: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(ok as u64, LIMIT);
    assert_eq!(ring.seals_done(), LIMIT);
}

#[test]
fn g15_default_limit_is_2_pow_30() {
    assert_eq!(DEFAULT_USAGE_LIMIT, 1 << 30);
    assert_eq!(keyring().usage_limit(), 1 << 30);
}

// ---------------------------------------------------------------- guarantee 16

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Guarantee 16: after each rotation, new seals use the newest version;
    /// values sealed under every older version still open; re-wrapping moves
    /// them to the newest version; once everything is re-wrapped the old
    /// versions can be retired, after which the original (not re-wrapped)
    /// values fail with `KeyRetired` while the re-wrapped ones open.
    #[test]
    fn g16_rotation_rewrap_retire(rotations in 1u32..5, plaintexts in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 1..6)) {
        let mut ring = keyring();
        let tenant = ring.tenant();
        let mut stored = Vec::new();
        for round in 0..=rotations {
            if round > 0 {
                prop_assert_eq!(ring.rotate().unwrap(), round + 1);
            }
            for pt in &plaintexts {
                let ctx = SealContext::new(tenant, Uuid::new_v4(), COLUMNS[1]);
                let blob = ring.seal(pt, &ctx).unwrap();
                prop_assert_eq!(sealed_key_version(&blob).unwrap(), round + 1);
                stored.push((ctx, pt.clone(), blob));
            }
        }
        let newest = rotations + 1;
        prop_assert_eq!(ring.current_version(), newest);
        for (ctx, pt, blob) in &stored {
            prop_assert_eq!(&ring.open(blob, ctx).unwrap(), pt);
        }
        let mut rewrapped = Vec::new();
        for (ctx, pt, blob) in &stored {
            let new_blob = ring.rewrap(blob, ctx).unwrap();
            prop_assert_eq!(sealed_key_version(&new_blob).unwrap(), newest);
            prop_assert_eq!(&ring.open(&new_blob, ctx).unwrap(), pt);
            rewrapped.push(new_blob);
        }
        prop_assert_eq!(ring.retire_below(newest).unwrap(), rotations as usize);
        prop_assert_eq!(ring.versions(), vec![newest]);
        for ((ctx, pt, old), new) in stored.iter().zip(&rewrapped) {
            prop_assert_eq!(&ring.open(new, ctx).unwrap(), pt);
            let v = sealed_key_version(old).unwrap();
            if v < newest {
                prop_assert!(
                    matches!(ring.open(old, ctx), Err(CryptoError::KeyRetired { version }) if version == v),
                    "retired version must be refused"
                );
            }
        }
    }
}

/// Guarantee 16: the batch re-wrapper reports progress item by item, re-seals
/// old values, passes current ones through verified, and reports damaged
/// values without stopping.
#[test]
fn g16_rewrap_batch_reports_progress() {
    let mut ring = keyring();
    let tenant = ring.tenant();
    let mut items = Vec::new();
    for i in 0..5u32 {
        let ctx = SealContext::new(tenant, Uuid::new_v4(), COLUMNS[0]);
        items.push(RewrapItem {
            key: i,
            ctx,
            blob: ring.seal(&i.to_be_bytes(), &ctx).unwrap(),
        });
    }
    ring.rotate().unwrap();
    let ctx = SealContext::new(tenant, Uuid::new_v4(), COLUMNS[0]);
    items.push(RewrapItem {
        key: 5,
        ctx,
        blob: ring.seal(b"current", &ctx).unwrap(),
    });
    let mut damaged = items[0].clone();
    damaged.key = 6;
    let last = damaged.blob.len() - 1;
    damaged.blob[last] ^= 1;
    items.push(damaged);

    let originals = items.clone();
    let mut seen = Vec::new();
    let outcomes = ring.rewrap_batch(items, |p| seen.push(*p));
    assert_eq!(seen.len(), 7);
    assert_eq!(
        seen.last(),
        Some(&RewrapProgress {
            processed: 7,
            resealed: 5,
            unchanged: 1,
            failed: 1
        })
    );
    for (outcome, original) in outcomes.iter().zip(&originals) {
        assert_eq!(outcome.key, original.key);
        match outcome.key {
            0..=4 => {
                let blob = outcome.result.as_ref().unwrap();
                assert!(outcome.resealed);
                assert_eq!(sealed_key_version(blob).unwrap(), 2);
                assert_eq!(
                    ring.open(blob, &original.ctx).unwrap(),
                    outcome.key.to_be_bytes()
                );
            }
            5 => {
                assert!(!outcome.resealed);
                assert_eq!(outcome.result.as_ref().unwrap(), &original.blob);
            }
            _ => assert!(matches!(outcome.result, Err(CryptoError::OpenFailed))),
        }
    }
}

/// Guarantee 16: the current version cannot be retired, and rotation state
/// survives a wrap/unwrap round trip through the KEK (versions, current
/// version, retired floor, usage counts).
#[test]
fn g16_rotation_state_survives_storage() {
    let kek = MasterKey::generate().unwrap();
    let mut ring = keyring();
    let ctx = ctx_for(&ring, COLUMNS[0]);
    let v1 = ring.seal(b"v1", &ctx).unwrap();
    ring.rotate().unwrap();
    let v2 = ring.seal(b"v2", &ctx).unwrap();
    ring.rotate().unwrap();
    let v3 = ring.seal(b"v3", &ctx).unwrap();
    assert!(matches!(
        ring.retire_below(4),
        Err(CryptoError::WouldRetireCurrent {
            requested: 4,
            current: 3
        })
    ));
    assert_eq!(ring.retire_below(2).unwrap(), 1);

    let stored = ring.wrap_with(&kek).unwrap();
    let restored = TenantKeyring::unwrap_with(&kek, &stored).unwrap();
    assert_eq!(restored.versions(), vec![2, 3]);
    assert_eq!(restored.current_version(), 3);
    assert_eq!(restored.seals_done_for(2), Some(1));
    assert_eq!(restored.seals_done(), 1);
    assert!(matches!(
        restored.open(&v1, &ctx),
        Err(CryptoError::KeyRetired { version: 1 })
    ));
    assert_eq!(restored.open(&v2, &ctx).unwrap(), b"v2");
    assert_eq!(restored.open(&v3, &ctx).unwrap(), b"v3");
    assert_eq!(
        restored.pepper().expose_secret(),
        ring.pepper().expose_secret()
    );
    assert_eq!(
        sealed_key_version(&restored.seal(b"v", &ctx).unwrap()).unwrap(),
        3
    );
}

/// Guarantee 14 (for keys at rest): a wrapped key unwraps only for the
/// purpose, tenant and version it was wrapped for, only under its own KEK,
/// and not after any bit flip.
#[test]
fn wrapped_keys_are_bound_to_purpose_tenant_version_and_kek() {
    let kek = MasterKey::generate().unwrap();
    let tenant = TenantId::random();
    let secret = SecretBytes::new((0u8..32).collect());
    let wrapped = kek.wrap(KeyPurpose::DataKey, tenant, 3, &secret).unwrap();
    assert_eq!(
        kek.unwrap(KeyPurpose::DataKey, tenant, 3, &wrapped)
            .unwrap()
            .expose_secret(),
        secret.expose_secret()
    );
    let refused = |r: Result<SecretBytes, CryptoError>| matches!(r, Err(CryptoError::UnwrapFailed));
    assert!(refused(kek.unwrap(KeyPurpose::Pepper, tenant, 3, &wrapped)));
    assert!(refused(kek.unwrap(
        KeyPurpose::DataKey,
        TenantId::random(),
        3,
        &wrapped
    )));
    assert!(refused(kek.unwrap(
        KeyPurpose::DataKey,
        tenant,
        4,
        &wrapped
    )));
    assert!(refused(MasterKey::generate().unwrap().unwrap(
        KeyPurpose::DataKey,
        tenant,
        3,
        &wrapped
    )));
    for i in 0..wrapped.len() * 8 {
        let mut bad = wrapped.clone();
        bad[i / 8] ^= 1 << (i % 8);
        assert!(
            kek.unwrap(KeyPurpose::DataKey, tenant, 3, &bad).is_err(),
            "bit {i}"
        );
    }
    // Keys moved to another tenant's row set do not form a keyring there.
    let ring = keyring();
    let mut stored = ring.wrap_with(&kek).unwrap();
    stored.tenant = TenantId::random();
    assert!(matches!(
        TenantKeyring::unwrap_with(&kek, &stored),
        Err(CryptoError::UnwrapFailed)
    ));
}

#[test]
fn incomplete_key_sets_are_refused() {
    let kek = MasterKey::generate().unwrap();
    let ring = keyring();
    let stored = ring.wrap_with(&kek).unwrap();
    let mut no_pepper = stored.clone();
    no_pepper.keys.retain(|k| k.purpose != KeyPurpose::Pepper);
    assert!(matches!(
        TenantKeyring::unwrap_with(&kek, &no_pepper),
        Err(CryptoError::InvalidKeySet { .. })
    ));
    let mut no_data = stored.clone();
    no_data.keys.retain(|k| k.purpose != KeyPurpose::DataKey);
    assert!(matches!(
        TenantKeyring::unwrap_with(&kek, &no_data),
        Err(CryptoError::InvalidKeySet { .. })
    ));
    let mut twice = stored.clone();
    twice.keys.push(stored.keys[1].clone());
    assert!(matches!(
        TenantKeyring::unwrap_with(&kek, &twice),
        Err(CryptoError::InvalidKeySet { .. })
    ));
}

// ---------------------------------------------------------------- guarantee 17

/// Guarantee 17: after tenant A's keys are destroyed (keyring dropped, its
/// wrapped key rows deleted, and the KEK rotated so that wrapped rows kept in
/// a backup are useless too), none of A's ciphertexts, live or from the
/// backup, opens under any keyring that can still be built: not B's, not a
/// fresh one for A, not one unwrapped from A's backed-up key rows. B's
/// ciphertexts still open after B's keys are re-wrapped under the new KEK.
#[test]
fn g17_crypto_shredding_one_tenant_leaves_the_other_intact() {
    let old_kek = MasterKey::generate().unwrap();
    let a = keyring();
    let b = keyring();
    let (ta, tb) = (a.tenant(), b.tenant());

    // Live rows and a backup: ciphertexts plus the wrapped key rows.
    let mut a_rows = Vec::new();
    let mut b_rows = Vec::new();
    for i in 0..20u8 {
        let ctx = SealContext::new(ta, Uuid::new_v4(), COLUMNS[0]);
        a_rows.push((ctx, vec![i; 100], a.seal(&[i; 100], &ctx).unwrap()));
        let ctx = SealContext::new(tb, Uuid::new_v4(), COLUMNS[0]);
        b_rows.push((ctx, vec![i; 50], b.seal(&[i; 50], &ctx).unwrap()));
    }
    let backup_ciphertexts = a_rows.clone();
    let backup_a_keys = a.wrap_with(&old_kek).unwrap();
    let b_keys_old = b.wrap_with(&old_kek).unwrap();

    // Before shredding, A's backup keys would still work: the KEK rotation
    // below is what makes the backup useless.
    let a_from_backup = TenantKeyring::unwrap_with(&old_kek, &backup_a_keys).unwrap();
    assert_eq!(
        a_from_backup.open(&a_rows[0].2, &a_rows[0].0).unwrap(),
        a_rows[0].1
    );
    drop(a_from_backup);

    // Shred A: destroy its keyring, delete its wrapped key rows, rotate the
    // KEK (re-wrap B's rows under the new one) and destroy the old KEK.
    a.shred();
    drop(b);
    let new_kek = MasterKey::generate().unwrap();
    let b_restored = TenantKeyring::unwrap_with(&old_kek, &b_keys_old).unwrap();
    let b_keys_new = b_restored.wrap_with(&new_kek).unwrap();
    drop(b_restored);
    drop(old_kek);

    // Whatever can be built now.
    let b = TenantKeyring::unwrap_with(&new_kek, &b_keys_new).unwrap();
    assert!(matches!(
        TenantKeyring::unwrap_with(&new_kek, &backup_a_keys),
        Err(CryptoError::UnwrapFailed)
    ));
    let fresh_a = TenantKeyring::generate(ta).unwrap();
    let mut candidates = vec![fresh_a, keyring()];
    // A's backed-up key rows relabelled as B's: still refused by the AAD.
    let mut relabelled = backup_a_keys.clone();
    relabelled.tenant = tb;
    assert!(TenantKeyring::unwrap_with(&new_kek, &relabelled).is_err());
    candidates.push(TenantKeyring::unwrap_with(&new_kek, &b_keys_new).unwrap());

    for (ctx, _, blob) in backup_ciphertexts.iter().chain(&a_rows) {
        for candidate in &candidates {
            let ctx = SealContext {
                tenant: candidate.tenant(),
                ..*ctx
            };
            assert!(candidate.open(blob, &ctx).is_err());
        }
    }
    for (ctx, pt, blob) in &b_rows {
        assert_eq!(&b.open(blob, ctx).unwrap(), pt);
    }
}

// ---------------------------------------------------------------- guarantee 23

fn encodings(bytes: &[u8]) -> Vec<String> {
    let lower: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    vec![
        lower.clone(),
        lower.to_uppercase(),
        STANDARD.encode(bytes),
        STANDARD_NO_PAD.encode(bytes),
        URL_SAFE.encode(bytes),
        URL_SAFE_NO_PAD.encode(bytes),
        format!("{bytes:?}"),
        // A 16-byte window catches partial dumps too.
        lower[..32.min(lower.len())].to_string(),
    ]
}

fn assert_redacted(shown: &str, secret: &[u8]) {
    assert!(shown.contains("[redacted]"), "no placeholder in {shown}");
    for enc in encodings(secret) {
        assert!(!shown.contains(&enc), "secret encoding {enc} in {shown}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Guarantee 23: `Debug` of every secret type (`SecretBytes`, `DataKey`,
    /// `Pepper`, `MasterKey`, and a whole `TenantKeyring`) prints the
    /// `[redacted]` placeholder and none of the secret's bytes, in hex (either
    /// case), base64 (standard or URL-safe, padded or not) or as a byte list.
    #[test]
    fn g23_debug_of_secret_types_is_redacted(bytes in prop::array::uniform32(any::<u8>())) {
        let secret = SecretBytes::new(bytes.to_vec());
        assert_redacted(&format!("{secret:?} {secret:#?}"), &bytes);
        let data_key = DataKey::from_secret(&secret).unwrap();
        assert_redacted(&format!("{data_key:?} {data_key:#?}"), &bytes);
        let pepper = Pepper::from_bytes(bytes);
        assert_redacted(&format!("{pepper:?} {pepper:#?}"), &bytes);
        let master = MasterKey::from_bytes(&bytes).unwrap();
        assert_redacted(&format!("{master:?} {master:#?}"), &bytes);
    }
}

/// Guarantee 23: `Debug` of a keyring names versions but prints neither its
/// pepper nor any data key; its wrapped form prints lengths only.
#[test]
fn g23_keyring_debug_is_redacted() {
    let ring = keyring();
    let shown = format!("{ring:?} {ring:#?}");
    assert_redacted(&shown, ring.pepper().expose_secret());
    let kek = MasterKey::generate().unwrap();
    let wrapped = ring.wrap_with(&kek).unwrap();
    let shown = format!("{wrapped:?}");
    for key in &wrapped.keys {
        for enc in encodings(&key.wrapped) {
            assert!(!shown.contains(&enc));
        }
    }
}

/// Guarantee 23: error messages carry no key material (they name versions and
/// lengths only).
#[test]
fn g23_errors_carry_no_key_bytes() {
    let bytes = [0xabu8; 31];
    let err = DataKey::from_secret(&SecretBytes::new(bytes.to_vec())).unwrap_err();
    let shown = format!("{err} {err:?}");
    for enc in encodings(&bytes) {
        assert!(!shown.contains(&enc), "{shown}");
    }
}
