//! Diagnostics: trains a model from a corpus in memory (or loads a model
//! file) and prints theme top-1, macro-F1 and sentiment figures on the
//! evaluation sets and the held-out corpus split, without touching the
//! shipped weights.
//!
//! ```sh
//! cargo run --release -p kataloop-analysis --example eval_figures -- \
//!     crates/analysis/corpus/train.jsonl [MODEL.bin] [--misses] [--eval2]
//! ```

use kataloop_analysis::{parse_corpus, train, Analyzer, Model, Polarity, Theme};

struct Item {
    text: String,
    theme: Theme,
    sentiment: Polarity,
    score: Option<f32>,
}

fn figures(name: &str, a: &Analyzer, items: &[Item], show_misses: bool) {
    if items.is_empty() {
        return;
    }
    let n = items.len() as f32;
    let mut correct = 0usize;
    let mut confusion = [[0usize; 12]; 12];
    let mut per_class = [(0usize, 0usize); 3];
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for it in items {
        let c = a.classify(&it.text);
        let s = a.sentiment(&it.text);
        confusion[it.theme.index()][c.theme.index()] += 1;
        if c.theme == it.theme {
            correct += 1;
        }
        let slot = &mut per_class[it.sentiment.index()];
        slot.1 += 1;
        if Polarity::of_score(s) == it.sentiment {
            slot.0 += 1;
        }
        if show_misses && (c.theme != it.theme || Polarity::of_score(s) != it.sentiment) {
            println!(
                "  miss gold {}/{:?} got {}/{s:+.2}: {}",
                it.theme, it.sentiment, c.theme, it.text
            );
        }
        if let Some(g) = it.score {
            xs.push(s);
            ys.push(g);
        }
    }
    let mut f1 = 0.0;
    for (t, row) in confusion.iter().enumerate() {
        let tp = row[t] as f32;
        let fp: usize = (0..12).filter(|&g| g != t).map(|g| confusion[g][t]).sum();
        let fneg: usize = row.iter().sum::<usize>() - row[t];
        if tp > 0.0 {
            f1 += 2.0 * tp / (2.0 * tp + fp as f32 + fneg as f32);
        }
    }
    let sent_ok: usize = per_class.iter().map(|p| p.0).sum();
    let r = if xs.is_empty() {
        f32::NAN
    } else {
        let m = xs.len() as f32;
        let mx = xs.iter().sum::<f32>() / m;
        let my = ys.iter().sum::<f32>() / m;
        let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
        for (x, y) in xs.iter().zip(&ys) {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        sxy / (sxx * syy).sqrt()
    };
    println!(
        "{name:<22} n={:<4} theme {:.3}  macroF1 {:.3}  sentiment {:.3} (neg {}/{} neu {}/{} pos {}/{})  r {:.3}",
        items.len(),
        correct as f32 / n,
        f1 / 12.0,
        sent_ok as f32 / n,
        per_class[0].0,
        per_class[0].1,
        per_class[1].0,
        per_class[1].1,
        per_class[2].0,
        per_class[2].1,
        r
    );
}

fn read_eval(path: &str) -> Vec<Item> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some(Item {
                text: v["text"].as_str()?.to_string(),
                theme: Theme::from_slug(v["theme"].as_str()?).ok()?,
                sentiment: serde_json::from_value(v["sentiment"].clone()).ok()?,
                score: v["score"].as_f64().map(|s| s as f32),
            })
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(corpus_path) = args.get(1) else {
        eprintln!("usage: eval_figures CORPUS.jsonl [MODEL.bin]");
        return;
    };
    let corpus = match parse_corpus(&std::fs::read_to_string(corpus_path).unwrap_or_default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let model = match args.get(2).filter(|p| !p.starts_with("--")) {
        Some(p) => match Model::from_bytes(&std::fs::read(p).unwrap_or_default()) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{p}: {e}");
                return;
            }
        },
        None => train(&corpus),
    };
    let a = Analyzer::new(model);
    let dir = std::path::Path::new(corpus_path)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let holdout: Vec<Item> = corpus
        .iter()
        .filter(|t| t.holdout)
        .map(|t| Item {
            text: t.text.clone(),
            theme: t.theme,
            sentiment: t.sentiment,
            score: None,
        })
        .collect();
    // `--misses` lists the misses of the held-out split (a development
    // set). The second evaluation set's misses are never printed: it is
    // not for tuning.
    let misses = args.iter().any(|a| a == "--misses");
    figures(
        "eval.jsonl",
        &a,
        &read_eval(&format!("{dir}/eval.jsonl")),
        false,
    );
    // Figures only (never misses), and only on request, so that the second
    // set is looked at as a final check rather than during tuning.
    if args.iter().any(|a| a == "--eval2") {
        figures(
            "eval2.jsonl",
            &a,
            &read_eval(&format!("{dir}/eval2.jsonl")),
            false,
        );
    }
    // The first 121 held-out items are the original calibration split.
    figures(
        "holdout (first 121)",
        &a,
        &holdout[..holdout.len().min(121)],
        false,
    );
    figures("holdout (all)", &a, &holdout, misses);
}
