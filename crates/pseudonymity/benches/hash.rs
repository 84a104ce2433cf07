//! Participant hashing cost at bcrypt cost 10 (the production minimum) and 12.

use criterion::{criterion_group, criterion_main, Criterion};
use kataloop_pseudonymity::{CanonicalHrId, HrIdHasher, Pepper};

fn bench_hash(c: &mut Criterion) {
    let id = CanonicalHrId::new("alice.example@acme.example").expect("id");
    let mut group = c.benchmark_group("hr_id_hash");
    group.sample_size(10);
    for cost in [10, 12] {
        let hasher = HrIdHasher::new(Pepper::from_bytes([3; 32]), cost).expect("hasher");
        group.bench_function(format!("cost_{cost}"), |b| {
            b.iter(|| hasher.hash(&id).expect("hash"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_hash);
criterion_main!(benches);
