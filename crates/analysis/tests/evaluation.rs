//! Evaluation on hand-written, keyword-poor feedback written independently
//! of the training templates. Prints theme top-1 accuracy, macro-F1,
//! calibration error, sentiment 3-class accuracy and Pearson correlation.
//! Run with `--nocapture` to see the figures.
//!
//! - `corpus/eval.jsonl` (195 texts): the acceptance set. This test
//!   asserts the targets on it: theme top-1 >= 0.85 and sentiment
//!   3-class >= 0.80.
//! - `corpus/eval2.jsonl` (120 texts, 10 per theme): a second set written
//!   later, before any misclassification was looked at, and never used for
//!   tuning. Only its figures are printed (not its misses, so that it stays
//!   unused for tuning); the test asserts regression floors a little under
//!   the measured figures.

use std::collections::HashSet;

use kataloop_analysis::{parse_corpus, shares_run_of, words, Analyzer, Polarity, Theme};
use serde::Deserialize;

#[derive(Deserialize)]
struct EvalItem {
    id: String,
    text: String,
    theme: Theme,
    sentiment: Polarity,
    score: f32,
}

const EVAL: &str = include_str!("../corpus/eval.jsonl");
const EVAL2: &str = include_str!("../corpus/eval2.jsonl");

fn eval_items(jsonl: &str) -> Vec<EvalItem> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad eval line {l}: {e}")))
        .collect()
}

fn pearson(x: &[f32], y: &[f32]) -> f32 {
    let n = x.len() as f32;
    let mx = x.iter().sum::<f32>() / n;
    let my = y.iter().sum::<f32>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

struct ThemeFigures {
    top1: f32,
    macro_f1: f32,
    ece: f32,
    mean_confidence: f32,
}

fn theme_figures(gold: &[Theme], predicted: &[(Theme, f32)]) -> ThemeFigures {
    let n = gold.len() as f32;
    let correct = gold
        .iter()
        .zip(predicted)
        .filter(|(g, p)| **g == p.0)
        .count() as f32;
    let mut f1_sum = 0.0;
    for t in Theme::ALL {
        let tp = gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| **g == t && p.0 == t)
            .count() as f32;
        let fp = gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| **g != t && p.0 == t)
            .count() as f32;
        let fneg = gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| **g == t && p.0 != t)
            .count() as f32;
        let f1 = if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fneg)
        };
        f1_sum += f1;
    }
    // Expected calibration error over 10 confidence bins.
    let mut ece = 0.0;
    for bin in 0..10 {
        let lo = bin as f32 / 10.0;
        let hi = lo + 0.1;
        let members: Vec<(bool, f32)> = gold
            .iter()
            .zip(predicted)
            .filter(|(_, p)| p.1 > lo && (p.1 <= hi || bin == 9))
            .map(|(g, p)| (*g == p.0, p.1))
            .collect();
        if members.is_empty() {
            continue;
        }
        let m = members.len() as f32;
        let acc = members.iter().filter(|(ok, _)| *ok).count() as f32 / m;
        let conf = members.iter().map(|(_, c)| c).sum::<f32>() / m;
        ece += m / n * (acc - conf).abs();
    }
    ThemeFigures {
        top1: correct / n,
        macro_f1: f1_sum / Theme::ALL.len() as f32,
        ece,
        mean_confidence: predicted.iter().map(|p| p.1).sum::<f32>() / n,
    }
}

/// Figures of the shipped model on one evaluation set.
struct SetFigures {
    theme: ThemeFigures,
    sentiment: f32,
}

fn evaluate(name: &str, items: &[EvalItem], print_misses: bool) -> SetFigures {
    let analyzer = Analyzer::shipped();
    let mut predicted = Vec::new();
    let mut scores = Vec::new();
    let mut sentiment_correct = 0usize;
    let mut per_class = [(0usize, 0usize); 3];
    let mut misses = Vec::new();
    for item in items {
        let c = analyzer.classify(&item.text);
        let s = analyzer.sentiment(&item.text);
        predicted.push((c.theme, c.confidence));
        scores.push(s);
        let bucket = Polarity::of_score(s);
        let slot = &mut per_class[item.sentiment.index()];
        slot.1 += 1;
        if bucket == item.sentiment {
            sentiment_correct += 1;
            slot.0 += 1;
        }
        if c.theme != item.theme || bucket != item.sentiment {
            misses.push(format!(
                "  {} gold {}/{:?} got {} ({:.2})/{s:+.2}: {}",
                item.id, item.theme, item.sentiment, c.theme, c.confidence, item.text
            ));
        }
    }
    let gold: Vec<Theme> = items.iter().map(|i| i.theme).collect();
    let gold_scores: Vec<f32> = items.iter().map(|i| i.score).collect();
    let f = theme_figures(&gold, &predicted);
    let sentiment_acc = sentiment_correct as f32 / items.len() as f32;
    let r = pearson(&scores, &gold_scores);
    println!("{name}: {} hand-written texts", items.len());
    println!("theme top-1 accuracy:        {:.3}", f.top1);
    println!("theme macro-F1:              {:.3}", f.macro_f1);
    println!(
        "theme mean confidence:       {:.3} (ECE {:.3})",
        f.mean_confidence, f.ece
    );
    println!("sentiment 3-class accuracy:  {sentiment_acc:.3}");
    for (label, (ok, total)) in ["negative", "neutral", "positive"].iter().zip(per_class) {
        println!("  {label}: {ok}/{total}");
    }
    println!("sentiment Pearson r:         {r:.3}");
    if print_misses {
        println!("misses:\n{}", misses.join("\n"));
    } else {
        println!("misses: {} (not listed)", misses.len());
    }
    SetFigures {
        theme: f,
        sentiment: sentiment_acc,
    }
}

#[test]
fn evaluation_on_independent_hand_written_set() {
    let items = eval_items(EVAL);
    assert!(items.len() >= 150, "eval set has {} items", items.len());
    let f = evaluate("eval set (corpus/eval.jsonl)", &items, true);
    let met = |x: f32, target: f32| if x >= target { "met" } else { "NOT MET" };
    println!(
        "issue targets: theme top-1 >= {THEME_TARGET}: {}; sentiment 3-class >= {SENTIMENT_TARGET}: {}",
        met(f.theme.top1, THEME_TARGET),
        met(f.sentiment, SENTIMENT_TARGET)
    );
    assert!(
        f.theme.top1 >= THEME_TARGET,
        "theme top-1 {:.3} < {THEME_TARGET}",
        f.theme.top1
    );
    assert!(
        f.sentiment >= SENTIMENT_TARGET,
        "sentiment 3-class {:.3} < {SENTIMENT_TARGET}",
        f.sentiment
    );
}

/// The acceptance targets (on `corpus/eval.jsonl`).
const THEME_TARGET: f32 = 0.85;
const SENTIMENT_TARGET: f32 = 0.80;

#[test]
fn evaluation_on_second_untuned_hand_written_set() {
    let items = eval_items(EVAL2);
    assert_eq!(items.len(), 120, "eval2 set has {} items", items.len());
    for t in Theme::ALL {
        assert_eq!(items.iter().filter(|i| i.theme == t).count(), 10, "{t}");
    }
    let f = evaluate("second eval set (corpus/eval2.jsonl)", &items, false);
    assert!(
        f.theme.top1 >= EVAL2_THEME_FLOOR,
        "eval2 theme top-1 {:.3} < {EVAL2_THEME_FLOOR}",
        f.theme.top1
    );
    assert!(
        f.sentiment >= EVAL2_SENTIMENT_FLOOR,
        "eval2 sentiment 3-class {:.3} < {EVAL2_SENTIMENT_FLOOR}",
        f.sentiment
    );
}

/// Regression floors on eval2: a little under the shipped model's figures
/// (0.883 and 0.783, see README.md); a change that loses much ground fails.
const EVAL2_THEME_FLOOR: f32 = 0.85;
const EVAL2_SENTIMENT_FLOOR: f32 = 0.75;

#[test]
fn held_out_calibration_split_of_the_training_corpus() {
    let analyzer = Analyzer::shipped();
    let corpus = parse_corpus(include_str!("../corpus/train.jsonl")).unwrap_or_default();
    let holdout: Vec<_> = corpus.iter().filter(|t| t.holdout).collect();
    assert!(!holdout.is_empty());
    let gold: Vec<Theme> = holdout.iter().map(|t| t.theme).collect();
    let predicted: Vec<(Theme, f32)> = holdout
        .iter()
        .map(|t| {
            let c = analyzer.classify(&t.text);
            (c.theme, c.confidence)
        })
        .collect();
    let sentiment_ok = holdout
        .iter()
        .filter(|t| Polarity::of_score(analyzer.sentiment(&t.text)) == t.sentiment)
        .count();
    let f = theme_figures(&gold, &predicted);
    println!(
        "held-out split: {} hand-written corpus texts",
        holdout.len()
    );
    println!("theme top-1 accuracy:        {:.3}", f.top1);
    println!("theme macro-F1:              {:.3}", f.macro_f1);
    println!(
        "sentiment 3-class accuracy:  {:.3}",
        sentiment_ok as f32 / holdout.len() as f32
    );
}

/// The evaluation texts (both sets) are independent of the training corpus:
/// none of them repeats six or more consecutive words of any training text.
#[test]
fn eval_texts_are_not_in_the_training_corpus() {
    let corpus = parse_corpus(include_str!("../corpus/train.jsonl")).unwrap_or_default();
    assert!(corpus.len() > 5000);
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    for t in &corpus {
        for w in words(&t.text).windows(6) {
            runs.insert(w.to_vec());
        }
    }
    let overlapping: Vec<String> = eval_items(EVAL)
        .into_iter()
        .chain(eval_items(EVAL2))
        .filter(|item| words(&item.text).windows(6).any(|w| runs.contains(w)))
        .map(|item| item.id)
        .collect();
    assert!(
        overlapping.is_empty(),
        "eval items overlapping training: {overlapping:?}"
    );
    // The same check as `shares_run_of`, spelled out once for one pair.
    assert!(shares_run_of("a b c d e f", "x a b c d e f y", 6));
}
