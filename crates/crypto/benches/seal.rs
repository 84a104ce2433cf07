//! Sealing throughput through `TenantKeyring` next to raw ring AES-256-GCM at
//! the same sizes, so the wrapper's overhead (allocation, copy, CSPRNG nonce,
//! AAD, usage counter) reads as a ratio.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use kataloop_crypto::{SealContext, TenantKeyring};
use kataloop_tenancy::TenantId;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
use uuid::Uuid;

const SIZES: [usize; 2] = [1024, 64 * 1024];

fn bench_seal(c: &mut Criterion) {
    let tenant = TenantId::random();
    let ring_keys = TenantKeyring::generate(tenant).expect("keyring");
    let ctx = SealContext::new(tenant, Uuid::new_v4(), "rides.conversation");
    let raw_key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &[7u8; 32]).expect("key"));
    let nonce = [9u8; 12];

    let mut group = c.benchmark_group("seal");
    for size in SIZES {
        let plaintext = vec![0x5au8; size];
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("wrapper", size), &plaintext, |b, pt| {
            b.iter(|| ring_keys.seal(black_box(pt), &ctx).expect("seal"))
        });
        // Raw ring in place on one buffer, fixed nonce: the floor the wrapper
        // is measured against (never reuse a nonce outside a benchmark).
        group.bench_with_input(BenchmarkId::new("raw_ring", size), &plaintext, |b, pt| {
            let mut buf = pt.clone();
            b.iter(|| {
                raw_key
                    .seal_in_place_separate_tag(
                        Nonce::assume_unique_for_key(nonce),
                        Aad::from(black_box(b"aad")),
                        black_box(&mut buf),
                    )
                    .expect("seal")
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("open");
    for size in SIZES {
        let plaintext = vec![0x5au8; size];
        let blob = ring_keys.seal(&plaintext, &ctx).expect("seal");
        let mut raw_sealed = plaintext.clone();
        let tag = raw_key
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(b"aad"),
                &mut raw_sealed,
            )
            .expect("seal");
        raw_sealed.extend_from_slice(tag.as_ref());
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("wrapper", size), &blob, |b, blob| {
            b.iter(|| ring_keys.open(black_box(blob), &ctx).expect("open"))
        });
        // The copy of the input is set-up (excluded from timing); the wrapper
        // pays for its own copy, which is part of what is measured.
        group.bench_with_input(
            BenchmarkId::new("raw_ring", size),
            &raw_sealed,
            |b, sealed| {
                b.iter_batched_ref(
                    || sealed.clone(),
                    |buf| {
                        raw_key
                            .open_in_place(
                                Nonce::assume_unique_for_key(nonce),
                                Aad::from(black_box(b"aad")),
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
}

criterion_group!(benches, bench_seal);
criterion_main!(benches);
