//! Classification + sentiment throughput on ~300-byte rides.
//! Target: at least 10,000 rides per second on one core.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kataloop_analysis::Analyzer;

const RIDES: [&str; 4] = [
    "Honestly it's too much. We lost two people in spring and nobody replaced them, so now I cover both roles on top of my own. I stay late most evenings, skip lunch, and the backlog still grows every week. I don't know how long I can keep this pace, honestly.",
    "To order a replacement headset I had to raise a ticket, find a cost centre, get my manager's sign-off and then wait for procurement. Three weeks later it still hasn't arrived. The process costs more than the headset. Please simplify small purchases, it would save us all a lot of time.",
    "Thanks for asking. I like my team a lot and the work is interesting, but I found out the new hire makes noticeably more than me for the same role, and my raise this year didn't cover inflation. It's hard to stay motivated with that, and I'm starting to look around.",
    "My manager actually listens. She explains the reasons behind decisions, protects our focus time and makes sure the quiet people get heard in meetings. Onboarding the two new starters went smoothly thanks to her. Best lead I've had in years, and the team would say the same.",
];

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::shipped();
    let mut group = c.benchmark_group("ride");
    group.throughput(Throughput::Elements(RIDES.len() as u64));
    group.bench_function("classify+sentiment x4", |b| {
        b.iter(|| {
            for ride in RIDES {
                let c = analyzer.classify(black_box(ride));
                let s = analyzer.sentiment(black_box(ride));
                black_box((c.theme, s));
            }
        })
    });
    group.bench_function("analyze (incl. keyphrases+summary) x4", |b| {
        b.iter(|| {
            for ride in RIDES {
                black_box(analyzer.analyze(black_box(ride)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
