//! Rebuilds the shipped weights from the corpus:
//!
//! ```sh
//! cargo run --release -p kataloop-analysis --example train -- \
//!     crates/analysis/corpus/train.jsonl crates/analysis/data/model.bin
//! ```
//!
//! (The admin binary's `train` command does the same through
//! `kataloop_analysis::train`.)

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: train CORPUS.jsonl MODEL.bin");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let corpus = match kataloop_analysis::parse_corpus(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let started = std::time::Instant::now();
    let model = kataloop_analysis::train(&corpus);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(output, &bytes) {
        eprintln!("cannot write {output}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "trained on {} texts in {:.1?}: {} bytes, temperature {:.2}",
        corpus.len(),
        started.elapsed(),
        bytes.len(),
        model.temperature()
    );
    ExitCode::SUCCESS
}
