//! Sealing throughput through `TenantKeyring` next to raw ring AES-256-GCM at
//! the same sizes, in the same run, so the wrapper's overhead reads as a
//! ratio (`wrapper / raw_ring_fair`).
//!
//! # Why the baseline is `raw_ring_fair`
//!
//! `TenantKeyring::seal` takes a *borrowed* plaintext and returns an *owned*
//! sealed value under a *fresh CSPRNG nonce*; `open` takes a borrowed sealed
//! value and returns an owned plaintext. ring only encrypts in place, so any
//! caller with that contract, wrapper or not, must:
//!
//! - seal: draw a fresh 96-bit nonce from a CSPRNG (`SystemRandom`, as the
//!   issue requires; a fixed nonce is never acceptable outside a benchmark),
//!   allocate an output buffer, copy the nonce (it must be stored to open
//!   again) and the plaintext into it, encrypt in place, append the tag;
//! - open: allocate an owned buffer, copy the ciphertext into it, decrypt in
//!   place against the tag.
//!
//! `raw_ring_fair` does exactly that unavoidable work and nothing more (a
//! three-byte AAD, no header, no usage counter), so the ratio measures only
//! what the wrapper adds: format header, AAD binding tenant/row/column/key
//! version, key-version lookup, usage counter, nonce source.
//!
//! `raw_ring_fair_aad75` is the same fair baseline with an AAD as long as
//! the wrapper's for this column (57 fixed bytes + 18), informational: it
//! separates the GHASH cost of binding the context, which the wrapper must
//! pay, from the rest of its overhead.
//!
//! `raw_ring_in_place` (one reused buffer, fixed nonce, no allocation, no
//! copy, no RNG) is kept as an informational floor: it is what AES-GCM costs
//! on this machine, not something a caller sealing borrowed data can reach.
//! `nonce/system_random_12B` shows the price of one `SystemRandom::fill` of a
//! nonce (one `getrandom` system call), for reading the 1 KiB figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use kataloop_crypto::{SealContext, TenantKeyring, NONCE_LEN, TAG_LEN};
use kataloop_tenancy::TenantId;
use ring::aead::{Aad, LessSafeKey, Nonce, Tag, UnboundKey, AES_256_GCM};
use ring::rand::{SecureRandom, SystemRandom};
use uuid::Uuid;

const SIZES: [usize; 2] = [1024, 64 * 1024];
const RAW_AAD: &[u8] = b"aad";
const COLUMN: &str = "rides.conversation";
/// As long as the wrapper's AAD for [`COLUMN`]: 57 fixed bytes + the name.
const RAW_AAD75: &[u8; 75] = &[0x41; 75];

/// The fair raw seal: fresh CSPRNG nonce, one exact-capacity allocation,
/// copy of nonce and plaintext, in-place encryption, tag appended.
/// Output: `nonce || ciphertext || tag`.
fn raw_seal(key: &LessSafeKey, rng: &SystemRandom, aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce).expect("rng");
    let mut out = Vec::with_capacity(NONCE_LEN + plaintext.len() + TAG_LEN);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plaintext);
    let tag = key
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            &mut out[NONCE_LEN..],
        )
        .expect("seal");
    out.extend_from_slice(tag.as_ref());
    out
}

/// The fair raw open of [`raw_seal`]'s output: one exact-capacity allocation
/// for the plaintext, copy of the ciphertext, in-place decryption.
fn raw_open(key: &LessSafeKey, aad: &[u8], sealed: &[u8]) -> Vec<u8> {
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    let (ciphertext, tag) = rest.split_at(rest.len() - TAG_LEN);
    let mut out = Vec::with_capacity(ciphertext.len());
    out.extend_from_slice(ciphertext);
    key.open_in_place_separate_tag(
        Nonce::try_assume_unique_for_key(nonce).expect("nonce"),
        Aad::from(aad),
        Tag::try_from(tag).expect("tag"),
        &mut out,
        0..,
    )
    .expect("open");
    out
}

fn bench_seal(c: &mut Criterion) {
    let tenant = TenantId::random();
    let ring_keys = TenantKeyring::generate(tenant).expect("keyring");
    let ctx = SealContext::new(tenant, Uuid::new_v4(), COLUMN);
    let raw_key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &[7u8; 32]).expect("key"));
    let rng = SystemRandom::new();
    let fixed_nonce = [9u8; NONCE_LEN];

    let mut group = c.benchmark_group("seal");
    for size in SIZES {
        let plaintext = vec![0x5au8; size];
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("wrapper", size), &plaintext, |b, pt| {
            b.iter(|| ring_keys.seal(black_box(pt), &ctx).expect("seal"))
        });
        group.bench_with_input(
            BenchmarkId::new("raw_ring_fair", size),
            &plaintext,
            |b, pt| b.iter(|| raw_seal(&raw_key, &rng, RAW_AAD, black_box(pt))),
        );
        group.bench_with_input(
            BenchmarkId::new("raw_ring_fair_aad75", size),
            &plaintext,
            |b, pt| b.iter(|| raw_seal(&raw_key, &rng, RAW_AAD75, black_box(pt))),
        );
        // Informational floor: in place on one buffer, fixed nonce (never
        // reuse a nonce outside a benchmark).
        group.bench_with_input(
            BenchmarkId::new("raw_ring_in_place", size),
            &plaintext,
            |b, pt| {
                let mut buf = pt.clone();
                b.iter(|| {
                    raw_key
                        .seal_in_place_separate_tag(
                            Nonce::assume_unique_for_key(fixed_nonce),
                            Aad::from(black_box(RAW_AAD)),
                            black_box(&mut buf),
                        )
                        .expect("seal")
                })
            },
        );
    }
    group.finish();

    let mut group = c.benchmark_group("open");
    for size in SIZES {
        let plaintext = vec![0x5au8; size];
        let blob = ring_keys.seal(&plaintext, &ctx).expect("seal");
        let raw_sealed = raw_seal(&raw_key, &rng, RAW_AAD, &plaintext);
        assert_eq!(raw_open(&raw_key, RAW_AAD, &raw_sealed), plaintext);
        let raw_sealed75 = raw_seal(&raw_key, &rng, RAW_AAD75, &plaintext);
        assert_eq!(raw_open(&raw_key, RAW_AAD75, &raw_sealed75), plaintext);
        let mut in_place_sealed = plaintext.clone();
        let tag = raw_key
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(fixed_nonce),
                Aad::from(RAW_AAD),
                &mut in_place_sealed,
            )
            .expect("seal");
        in_place_sealed.extend_from_slice(tag.as_ref());
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("wrapper", size), &blob, |b, blob| {
            b.iter(|| ring_keys.open(black_box(blob), &ctx).expect("open"))
        });
        group.bench_with_input(
            BenchmarkId::new("raw_ring_fair", size),
            &raw_sealed,
            |b, sealed| b.iter(|| raw_open(&raw_key, RAW_AAD, black_box(sealed))),
        );
        group.bench_with_input(
            BenchmarkId::new("raw_ring_fair_aad75", size),
            &raw_sealed75,
            |b, sealed| b.iter(|| raw_open(&raw_key, RAW_AAD75, black_box(sealed))),
        );
        // Informational floor: the copy of the input is set-up, excluded
        // from timing.
        group.bench_with_input(
            BenchmarkId::new("raw_ring_in_place", size),
            &in_place_sealed,
            |b, sealed| {
                b.iter_batched_ref(
                    || sealed.clone(),
                    |buf| {
                        raw_key
                            .open_in_place(
                                Nonce::assume_unique_for_key(fixed_nonce),
                                Aad::from(black_box(RAW_AAD)),
                                buf,
                            )
                            .map(|p| p.len())
                            .expect("open")
                    },
                    BatchSize::SmallInput,
                )
            },
        );
    }
    group.finish();

    let mut group = c.benchmark_group("nonce");
    group.bench_function("system_random_12B", |b| {
        b.iter(|| {
            let mut nonce = [0u8; NONCE_LEN];
            rng.fill(&mut nonce).expect("rng");
            nonce
        })
    });
    group.finish();
}

criterion_group!(benches, bench_seal);
criterion_main!(benches);
