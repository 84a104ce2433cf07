//! The shipped weights are exactly what training on the shipped corpus
//! produces: retraining gives byte-identical `data/model.bin`.

use kataloop_analysis::{parse_corpus, train, Model};

#[test]
fn retraining_reproduces_the_shipped_weights_byte_for_byte() {
    let corpus = parse_corpus(include_str!("../corpus/train.jsonl"))
        .unwrap_or_else(|e| panic!("corpus does not parse: {e}"));
    let shipped = include_bytes!("../data/model.bin");
    let retrained = train(&corpus).to_bytes();
    assert_eq!(
        retrained.len(),
        shipped.len(),
        "retrained model differs in size; rebuild with `cargo run --release -p kataloop-analysis --example train -- crates/analysis/corpus/train.jsonl crates/analysis/data/model.bin`"
    );
    assert!(
        retrained == shipped,
        "retrained model differs from data/model.bin"
    );
    assert_eq!(Model::from_bytes(&retrained).ok(), Some(Model::shipped()));
}
