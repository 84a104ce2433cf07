//! Property tests over arbitrary input.

use kataloop_analysis::{
    describe_theme, process_jsonl_line, ride_summary, shares_run_of, suggest_action, words,
    Analyzer, Model, Role, Theme, ThemeStats, Turn, MAX_FOLLOW_UPS,
};
use proptest::prelude::*;

/// Text made of words that the summary templates themselves use, so that
/// the no-quote check is exercised where a collision is most likely.
fn template_like_text() -> impl Strategy<Value = String> {
    let vocab = prop::sample::select(vec![
        "negative",
        "positive",
        "strongly",
        "neutral",
        "or",
        "mixed",
        "feedback",
        "about",
        "workload",
        "pay",
        "and",
        "benefits",
        "points",
        "raised",
        "also",
        "touching",
        "on",
        "tools",
        "equipment",
        "communication",
        "transparency",
        "overtime",
        "laptop",
        "the",
        "is",
        "slow",
        "feedback",
        "on",
        "flexibility",
        "respect",
        "processes",
        "approvals",
    ]);
    prop::collection::vec(vocab, 0..40).prop_map(|w| w.join(" "))
}

fn theme() -> impl Strategy<Value = Theme> {
    (0usize..12).prop_map(|i| Theme::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Analysis never panics on any Unicode text, and its numbers stay in
    /// range: confidence in [0, 1], sentiment in [-1, 1], at most three
    /// keyphrases of one to three words each.
    #[test]
    fn analysis_is_total_and_bounded(text in any::<String>()) {
        let a = Analyzer::shipped().analyze(&text);
        prop_assert!((0.0..=1.0).contains(&a.confidence));
        prop_assert!((-1.0..=1.0).contains(&a.sentiment));
        prop_assert!(a.keyphrases.len() <= 3);
        for k in &a.keyphrases {
            let n = words(k).len();
            prop_assert!((1..=3).contains(&n), "{k:?}");
        }
        prop_assert!(!a.summary.is_empty());
    }

    /// A ride summary never repeats four consecutive words of the ride,
    /// whatever the ride says (arbitrary Unicode).
    #[test]
    fn summary_never_quotes_arbitrary_text(text in any::<String>()) {
        let s = Analyzer::shipped().summarize(&text);
        prop_assert!(!shares_run_of(&s, &text, 4), "{s:?} quotes {text:?}");
    }

    /// A ride summary never repeats four consecutive words of the ride,
    /// even when the ride is made of the summary templates' own words and
    /// the keyphrases are taken from it.
    #[test]
    fn summary_never_quotes_template_like_text(
        text in template_like_text(),
        t in theme(),
        secondary in prop::option::of(theme()),
        sentiment in -1.0f32..=1.0,
    ) {
        let keyphrases: Vec<String> = words(&text).chunks(3).take(3).map(|c| c.join(" ")).collect();
        let s = ride_summary(t, secondary, sentiment, &keyphrases, &text);
        prop_assert!(!shares_run_of(&s, &text, 4), "{s:?} quotes {text:?}");
        let s = Analyzer::shipped().summarize(&text);
        prop_assert!(!shares_run_of(&s, &text, 4), "{s:?} quotes {text:?}");
    }

    /// A text shares a run of n words with itself exactly when it has at
    /// least n words, and a text never shares a run with an empty one.
    #[test]
    fn run_check_on_itself(text in any::<String>(), n in 1usize..6) {
        prop_assert_eq!(shares_run_of(&text, &text, n), words(&text).len() >= n);
        prop_assert!(!shares_run_of(&text, "", n));
    }

    /// Every input line gives exactly one line of JSON, carrying either the
    /// analysis fields or an "error" field.
    #[test]
    fn jsonl_always_answers_one_json_line(line in any::<String>(), text in any::<String>(), id in any::<u32>()) {
        let a = Analyzer::shipped();
        for input in [line, serde_json::json!({"id": id, "text": text}).to_string()] {
            let out = process_jsonl_line(&input, a);
            prop_assert!(!out.contains('\n'));
            let v: serde_json::Value = serde_json::from_str(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(v.get("id").is_some());
            prop_assert!(v.get("error").is_some() || (v.get("theme").is_some() && v.get("summary").is_some()));
        }
    }

    /// The guide never panics, never asks more than three follow-ups, and
    /// answers the same conversation the same way.
    #[test]
    fn guide_is_total_bounded_and_deterministic(turns in prop::collection::vec((any::<bool>(), any::<String>()), 0..8)) {
        let convo: Vec<Turn> = turns
            .into_iter()
            .map(|(employee, text)| Turn { role: if employee { Role::Employee } else { Role::Guide }, text })
            .collect();
        let a = Analyzer::shipped();
        let q = a.next_question(&convo);
        prop_assert_eq!(&q, &a.next_question(&convo));
        let follow_ups = convo
            .iter()
            .skip_while(|t| t.role != Role::Employee)
            .filter(|t| t.role == Role::Guide)
            .count();
        if follow_ups >= MAX_FOLLOW_UPS {
            prop_assert!(q.is_none());
        }
    }

    /// Reading model bytes never panics, whatever the bytes.
    #[test]
    fn model_bytes_are_parsed_safely(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = Model::from_bytes(&bytes);
        let mut shipped = Model::shipped().to_bytes();
        if !bytes.is_empty() {
            let i = usize::from(bytes[0]) * 97 % shipped.len();
            shipped[i] ^= bytes[bytes.len() - 1] | 1;
            let _ = Model::from_bytes(&shipped);
        }
    }

    /// Theme descriptions and actions never mention a term the caller's
    /// predicate refuses, and never panic on any statistics.
    #[test]
    fn descriptions_use_only_allowed_terms(
        t in theme(),
        rides in any::<usize>(),
        mean in any::<f32>(),
        share in any::<f32>(),
        terms in prop::collection::vec("[a-z]{3,10}", 0..8),
    ) {
        let forbidden: Vec<String> = terms.iter().filter(|w| w.len() % 2 == 0).cloned().collect();
        let allowed = |w: &str| !forbidden.iter().any(|f| f == w);
        let stats = ThemeStats { theme: t, rides, mean_sentiment: mean, negative_share: share, terms: terms.clone() };
        for text in [describe_theme(&stats, &allowed), suggest_action(&stats, &allowed)] {
            for f in &forbidden {
                prop_assert!(!text.contains(&format!("\"{f}\"")), "{text} mentions {f}");
            }
        }
    }
}
