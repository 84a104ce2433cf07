//! Diagnostics: per-sentence lexicon and model readings of a JSONL file
//! (`{"text": ...}` per line), printed as JSON lines.
//!
//! ```sh
//! cargo run --release -p kataloop-analysis --example dump_eval -- crates/analysis/corpus/eval.jsonl
//! ```

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_eval FILE.jsonl");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let a = kataloop_analysis::Analyzer::shipped();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let t = v["text"].as_str().unwrap_or("");
        let c = a.classify(t);
        let parts: Vec<serde_json::Value> = a
            .sentence_parts(t)
            .into_iter()
            .map(|(lex, p)| serde_json::json!({"lex": lex, "p": p}))
            .collect();
        println!(
            "{}",
            serde_json::json!({"id": v["id"], "gold_theme": v["theme"], "gold": v["sentiment"], "score": v["score"],
                "theme": c.theme.slug(), "conf": c.confidence, "probs": c.probabilities.to_vec(), "sentences": parts, "text": t})
        );
    }
}
