//! Throughput of `redact` on ~500-byte workplace messages, in bytes/s
//! (criterion reports MB/s or MiB/s), on one core.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kataloop_anonymization::evaluation::{self, dev_policy, load_corpus};
use kataloop_anonymization::redact;

fn messages() -> Vec<String> {
    let corpus = load_corpus(include_str!("../corpus/dev.jsonl")).unwrap_or_default();
    evaluation::messages(&corpus, 500)
}

fn bench(c: &mut Criterion) {
    let msgs = messages();
    let policy = dev_policy();
    let bytes: usize = msgs.iter().map(String::len).sum();
    // Warm the lazily loaded word lists outside the measurement.
    let _ = redact("warm up", &policy);
    let mut group = c.benchmark_group("redact");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(
        format!(
            "{}_messages_avg_{}_bytes",
            msgs.len(),
            bytes / msgs.len().max(1)
        ),
        |b| {
            b.iter(|| {
                for m in &msgs {
                    black_box(redact(black_box(m), &policy));
                }
            })
        },
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
