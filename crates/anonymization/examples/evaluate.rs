//! Prints per-type and overall precision, recall and leak rate of the engine
//! on the development corpus (or on a corpus file given as argument), and
//! the misses.
//!
//! ```sh
//! cargo run -p kataloop-anonymization --release --example evaluate [corpus.jsonl] [--misses] [--redacted] [--uncovered]
//! ```
//!
//! `--redacted` also prints every text as redacted, and `--uncovered` every
//! labelled span that leaks, with its covered characters shown as `█`
//! (never use either, or `--misses`, on a blind set).

use kataloop_anonymization::evaluation::{dev_policy, evaluate, load_corpus};
use kataloop_anonymization::{detect, redact};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let show_redacted = args.iter().any(|a| a == "--redacted");
    let show_uncovered = args.iter().any(|a| a == "--uncovered");
    let path = args.iter().find(|a| !a.starts_with("--"));
    let data = match path {
        Some(p) => match std::fs::read_to_string(p) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("cannot read {p}: {e}");
                std::process::exit(2);
            }
        },
        None => include_str!("../corpus/dev.jsonl").to_owned(),
    };
    let corpus = match load_corpus(&data) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let report = evaluate(&corpus, &dev_policy());
    if show_redacted {
        for item in &corpus {
            println!("{} {}", item.id, redact(&item.text, &dev_policy()).text);
        }
    }
    if show_uncovered {
        for item in &corpus {
            print_uncovered(item);
        }
    }
    print!("{}", report.render());
    if show_misses {
        println!("\nmissed (false negatives):");
        for m in &report.false_negatives {
            println!("  {} {:<16} {:?}", m.id, m.kind.label(), m.value);
        }
        println!("\npartly covered:");
        for m in &report.partial {
            println!("  {} {:<16} {:?}", m.id, m.kind.label(), m.value);
        }
        println!("\nfalse positives:");
        for m in &report.false_positives {
            println!("  {} {:<16} {:?}", m.id, m.kind.label(), m.value);
        }
    }
}

/// Each labelled span of `item` that a finding leaves partly or wholly in
/// the clear, its covered characters masked.
fn print_uncovered(item: &kataloop_anonymization::evaluation::LabelledText) {
    let policy = dev_policy();
    let findings = detect(&item.text, &policy);
    let chars: Vec<(usize, char)> = item.text.char_indices().collect();
    for span in &item.spans {
        let Some(part) = chars.get(span.start..span.end) else {
            continue;
        };
        let shown: String = part
            .iter()
            .map(|&(at, c)| {
                if findings.iter().any(|f| f.span.contains(&at)) {
                    '█'
                } else {
                    c
                }
            })
            .collect();
        if shown.chars().any(|c| c != '█') {
            println!("{} {:<16} {:?}", item.id, span.kind.label(), shown);
        }
    }
}
