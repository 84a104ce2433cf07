//! The engine meets its quality targets on the development corpus:
//! any-PII recall >= 0.95, precision >= 0.90, character leak rate <= 2%.

use kataloop_anonymization::evaluation::{dev_policy, evaluate, load_corpus};

const CORPUS: &str = include_str!("../corpus/dev.jsonl");

#[test]
fn corpus_is_large_and_varied() {
    let corpus = load_corpus(CORPUS).expect("corpus parses");
    assert!(corpus.len() >= 500, "corpus has {} texts", corpus.len());
    let hand = corpus.iter().filter(|t| t.source == "hand").count();
    let negatives = corpus.iter().filter(|t| t.spans.is_empty()).count();
    assert!(hand >= 100, "{hand} hand-written cases");
    assert!(negatives >= 100, "{negatives} texts without PII");
}

#[test]
fn meets_quality_targets_on_dev_corpus() {
    let corpus = load_corpus(CORPUS).expect("corpus parses");
    let report = evaluate(&corpus, &dev_policy());
    println!("{}", report.render());
    for m in &report.false_negatives {
        println!("missed {} {} {:?}", m.id, m.kind, m.value);
    }
    for m in &report.false_positives {
        println!("false positive {} {} {:?}", m.id, m.kind, m.value);
    }
    let o = report.overall;
    assert!(
        o.recall() >= 0.95,
        "any-PII recall {:.3} < 0.95",
        o.recall()
    );
    assert!(
        o.precision() >= 0.90,
        "any-PII precision {:.3} < 0.90",
        o.precision()
    );
    assert!(
        report.leak_rate() <= 0.02,
        "leak rate {:.4} > 0.02",
        report.leak_rate()
    );
}
